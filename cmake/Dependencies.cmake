# Dependencies through pkg-config; libstemmer ships no .pc file on Debian, so it is found by hand.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(LIBZIP  REQUIRED IMPORTED_TARGET libzip)
# zlib (libzip's own dependency): ingest/zip_inflate.c inflates deflated members itself
pkg_check_modules(ZLIB    REQUIRED IMPORTED_TARGET zlib)
pkg_check_modules(ICU     REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(CJSON   REQUIRED IMPORTED_TARGET libcjson)
pkg_check_modules(STEMMER QUIET IMPORTED_TARGET libstemmer)
if(NOT STEMMER_FOUND)
  find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
  find_library(STEMMER_LIBRARY stemmer REQUIRED)
  add_library(TL_stemmer INTERFACE)
  target_include_directories(TL_stemmer INTERFACE ${STEMMER_INCLUDE_DIR})
  target_link_libraries(TL_stemmer INTERFACE ${STEMMER_LIBRARY})
  set(_stem TL_stemmer)
else()
  set(_stem PkgConfig::STEMMER)
endif()
find_package(Threads REQUIRED)

# Start-up: a target with the property TL_STATIC_DEPS (the tenderlint executable of an optimised
# build, see CMakeLists.txt) links the static archives Debian ships in the -dev packages for
# libxml2, ICU, libstemmer and libstdc++ (which ICU needs): the dynamic loader then maps 11 shared
# objects instead of 15 and resolves far fewer symbols (`tenderlint --version` 7.6M -> 4.2M
# instructions, 426 -> 349 page faults, about 1.2 ms less CPU; docs/dependencies.md).  cJSON ships
# no archive; zlib and liblzma stay shared (libzip loads them when it is loaded, below).  Unit
# tests and sanitizer builds link shared.
option(TL_STATIC_DEPS "Link the tenderlint executable of an optimised build statically against libxml2, ICU, libstemmer and libstdc++" ON)
set(TL_STATIC_LIBS "")
if(TL_STATIC_DEPS)
  set(_ok TRUE)
  foreach(_n xml2 icui18n icuuc icudata stemmer)
    find_library(TL_A_${_n} NAMES lib${_n}.a)
    if(TL_A_${_n})
      list(APPEND TL_STATIC_LIBS ${TL_A_${_n}})
    else()
      set(_ok FALSE)
    endif()
  endforeach()
  execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=libstdc++.a
    OUTPUT_VARIABLE _stdcxx OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(_ok AND IS_ABSOLUTE "${_stdcxx}" AND EXISTS "${_stdcxx}")
    list(APPEND TL_STATIC_LIBS ${_stdcxx} lzma m)
  else()
    message(STATUS "TL_STATIC_DEPS: static archives not found, the executable links shared libraries")
    set(TL_STATIC_LIBS "")
  endif()
endif()
# With libstemmer.a, the executable takes its front end from
# src/text/static/stemmer_two.c (Dutch and English only: some 10,000 fewer
# relocations at start), when that builds and stems right against the archive.
set(TL_STEMMER_TWO OFF)
if(TL_STATIC_LIBS)
  try_run(_two_run _two_compile ${CMAKE_CURRENT_BINARY_DIR}/stemmer_two_check
    ${CMAKE_CURRENT_SOURCE_DIR}/src/text/static/stemmer_two_check.c
    CMAKE_FLAGS "-DINCLUDE_DIRECTORIES=${STEMMER_INCLUDE_DIR}"
    LINK_LIBRARIES ${TL_A_stemmer}
    RUN_OUTPUT_VARIABLE _two_out)
  if(_two_compile AND _two_run EQUAL 0)
    set(TL_STEMMER_TWO ON)
  else()
    message(STATUS "stemmer_two: does not fit this libstemmer.a, the archive's front end is linked")
  endif()
endif()
set(_shared PkgConfig::LIBXML2 PkgConfig::ICU ${_stem})
add_library(TL_deps INTERFACE)
if(TL_STATIC_LIBS)
  set(_static_on "$<BOOL:$<TARGET_PROPERTY:TL_STATIC_DEPS>>")
  target_link_libraries(TL_deps INTERFACE "$<${_static_on}:${TL_STATIC_LIBS}>"
    "$<$<NOT:${_static_on}>:${_shared}>")
  # libgcc's unwinder (which the static libstdc++ needs) from libgcc_eh.a as well:
  # one shared object fewer to map and relocate (`--version` 4.29M -> 4.11M
  # instructions, 10 page faults fewer)
  target_link_options(TL_deps INTERFACE "$<${_static_on}:-static-libgcc>")
  target_include_directories(TL_deps INTERFACE ${LIBXML2_INCLUDE_DIRS} ${ICU_INCLUDE_DIRS})
else()
  target_link_libraries(TL_deps INTERFACE ${_shared})
endif()
target_link_libraries(TL_deps INTERFACE PkgConfig::ZLIB PkgConfig::CJSON Threads::Threads
  ${CMAKE_DL_LIBS} m)

# libzip is not linked: src/ingest/zip_dl.c loads it (dlopen) the first time a package needs it
# (one that is not plain, or a redline to write), by the soname of the library found here.  Linked,
# it cost every start about 0.85 ms (libzip with libcrypto, libbz2 and libzstd; libcrypto's 4,200
# symbols resolved before main); reading a plain package needs none of it (docs/dependencies.md).
target_include_directories(TL_deps INTERFACE ${LIBZIP_INCLUDE_DIRS})
set(TL_LIBZIP_SONAME "libzip.so.4")
find_library(TL_LIBZIP_SO NAMES zip HINTS ${LIBZIP_LIBRARY_DIRS})
if(TL_LIBZIP_SO AND CMAKE_READELF)
  execute_process(COMMAND ${CMAKE_READELF} -d ${TL_LIBZIP_SO} OUTPUT_VARIABLE _zipdyn ERROR_QUIET)
  string(REGEX MATCH "Library soname: \\[([^]]+)\\]" _m "${_zipdyn}")
  if(CMAKE_MATCH_1)
    set(TL_LIBZIP_SONAME "${CMAKE_MATCH_1}")
  endif()
endif()
message(STATUS "libzip is loaded at run time as ${TL_LIBZIP_SONAME}")
target_compile_definitions(TL_deps INTERFACE TL_LIBZIP_SONAME="${TL_LIBZIP_SONAME}")

add_library(TL::deps ALIAS TL_deps)
