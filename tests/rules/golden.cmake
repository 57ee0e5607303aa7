# Runs one golden report test (see CMakeLists.txt).  Paths are relative to the
# source root so the report does not depend on where the tree lives.
set(input tests/rules/golden/${NAME}.txt)
set(expected ${SRC}/tests/rules/golden/${NAME}.json)
execute_process(
  COMMAND ${BIN} check --ruleset rulesets/test/engine.json --format json --fail-on never ${input}
  WORKING_DIRECTORY ${SRC}
  OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tenderlint check exited with ${rc}")
endif()
if(DEFINED ENV{TL_GOLDEN_UPDATE})
  file(WRITE ${expected} "${actual}")
  message(STATUS "updated ${expected}")
  return()
endif()
file(READ ${expected} want)
if(NOT actual STREQUAL want)
  file(WRITE ${OUT}/${NAME}.actual.json "${actual}")
  message(FATAL_ERROR "report differs from ${expected}; actual in ${OUT}/${NAME}.actual.json "
                      "(diff them; TL_GOLDEN_UPDATE=1 ctest -R rules.golden regenerates)")
endif()
