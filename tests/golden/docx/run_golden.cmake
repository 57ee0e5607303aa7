# Runs `tenderlint extract` on one fixture and compares the output with the
# committed expected file (byte for byte; a diff is printed on failure).
# -DBIN=tenderlint -DDIR=fixture folder -DFILE=x.docx -DFORMAT=json|text
# -DVIEW=accept|reject|both -DEXPECTED=x.json -DOUT=output path
execute_process(COMMAND ${BIN} extract --format ${FORMAT} --revisions ${VIEW} ${FILE}
  WORKING_DIRECTORY ${DIR} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tenderlint extract ${FILE} exited with ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${DIR}/${EXPECTED} RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  execute_process(COMMAND diff -u ${DIR}/${EXPECTED} ${OUT})
  message(FATAL_ERROR "${FILE} (${FORMAT}, ${VIEW}) differs from ${EXPECTED}")
endif()
