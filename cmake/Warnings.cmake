# Per-target warnings, as in md4c/cmark: strict but not noisy.
function(tl_warnings target)
  if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wpointer-arith
      -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter -Wformat=2)
  endif()
endfunction()
