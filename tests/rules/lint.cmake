# Runs `rules lint` on tests/rules/lint/${NAME}.json (from that folder, so paths in
# messages are relative) and expects it to fail with exactly the messages in ${NAME}.out.
set(dir ${SRC}/tests/rules/lint)
execute_process(COMMAND ${BIN} rules lint ${NAME}.json WORKING_DIRECTORY ${dir}
  OUTPUT_VARIABLE actual RESULT_VARIABLE rc)
if(rc EQUAL 0)
  message(FATAL_ERROR "rules lint ${NAME}.json passed; errors expected:\n${actual}")
endif()
file(READ ${dir}/${NAME}.out want)
if(NOT actual STREQUAL want)
  message(FATAL_ERROR "rules lint ${NAME}.json printed\n${actual}\nexpected\n${want}")
endif()
