# The built-in ruleset as `check` loads it, compiled at build time
# (src/rules/snapshot.h): tl_snap_gen loads the embedded ruleset through the
# library into a region at a fixed address and writes the region's bytes,
# which generated/tl_snapshot.c builds into the program (.incbin); a check
# maps them back at that address instead of parsing and compiling the JSON.
# Only the tenderlint executable (and the test that compares both paths)
# links it; the library sees none (a weak reference).  The command runs
# again whenever the library changes, which it does with any embedded JSON.
add_executable(tl_snap_gen src/rules/gen/snapshot_gen.c)
target_compile_definitions(tl_snap_gen PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
target_link_libraries(tl_snap_gen PRIVATE tenderlint_lib)
tl_warnings(tl_snap_gen)
set(TL_SNAP_BIN ${CMAKE_CURRENT_BINARY_DIR}/generated/tl_snapshot.bin)
set(TL_SNAP_C ${CMAKE_CURRENT_BINARY_DIR}/generated/tl_snapshot.c)
add_custom_command(OUTPUT ${TL_SNAP_C} ${TL_SNAP_BIN}
  COMMAND tl_snap_gen ${TL_SNAP_BIN} ${TL_SNAP_C}
  DEPENDS tl_snap_gen
  COMMENT "Compiling the built-in ruleset's image" VERBATIM)
set_source_files_properties(${TL_SNAP_C} PROPERTIES OBJECT_DEPENDS ${TL_SNAP_BIN})
add_library(tl_snapshot OBJECT ${TL_SNAP_C})
