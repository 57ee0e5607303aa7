# The Snowball stems of the built-in ruleset's words, worked out at build time
# (src/rules/stems.h): tl_stems_gen loads the embedded ruleset through the
# library and writes generated/tl_stems.c, which only the tenderlint
# executable links.  The library, so the generator and the unit tests, see no
# table (a weak reference) and stem every word as before.  The command runs
# again whenever the library changes, which it does with any embedded JSON.
add_executable(tl_stems_gen src/rules/gen/stems_gen.c)
target_compile_definitions(tl_stems_gen PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
target_link_libraries(tl_stems_gen PRIVATE tenderlint_lib)
tl_warnings(tl_stems_gen)
set(TL_STEMS_C ${CMAKE_CURRENT_BINARY_DIR}/generated/tl_stems.c)
add_custom_command(OUTPUT ${TL_STEMS_C}
  COMMAND tl_stems_gen ${TL_STEMS_C}
  DEPENDS tl_stems_gen
  COMMENT "Stemming the built-in ruleset's words" VERBATIM)
# an object library: its object goes into each program that links it (a
# static archive would not be searched for a weak reference)
add_library(tl_stems OBJECT ${TL_STEMS_C})
target_include_directories(tl_stems PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
