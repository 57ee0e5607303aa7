# Build types: Release, Debug, Asan (address+undefined), Ubsan (undefined only).
# -fno-sanitize-recover=all makes any finding fatal, so CTest sees it (cmark does the same).
set(_san_common "-O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all")
set(CMAKE_C_FLAGS_ASAN "${_san_common} -fsanitize=address,undefined" CACHE STRING "" FORCE)
set(CMAKE_EXE_LINKER_FLAGS_ASAN "-fsanitize=address,undefined" CACHE STRING "" FORCE)
set(CMAKE_C_FLAGS_UBSAN "${_san_common} -fsanitize=undefined" CACHE STRING "" FORCE)
set(CMAKE_EXE_LINKER_FLAGS_UBSAN "-fsanitize=undefined" CACHE STRING "" FORCE)
mark_as_advanced(CMAKE_C_FLAGS_ASAN CMAKE_EXE_LINKER_FLAGS_ASAN CMAKE_C_FLAGS_UBSAN CMAKE_EXE_LINKER_FLAGS_UBSAN)
