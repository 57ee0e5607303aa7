# Embed rulesets/*.json and clauses/*.json into the library as C byte arrays,
# so `tenderlint check` works from any folder with the built-in ruleset.
file(GLOB_RECURSE TL_EMBED_FILES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/rulesets/*.json
  ${CMAKE_CURRENT_SOURCE_DIR}/clauses/*.json)
set(_embed_c ${CMAKE_CURRENT_BINARY_DIR}/generated/tl_embedded.c)
# a ;-list would split into separate command arguments: pass it |-separated
string(REPLACE ";" "|" _embed_list "${TL_EMBED_FILES}")
add_custom_command(OUTPUT ${_embed_c}
  COMMAND ${CMAKE_COMMAND} -DOUT=${_embed_c} -DROOT=${CMAKE_CURRENT_SOURCE_DIR}
          "-DFILES=${_embed_list}" -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedGen.cmake
  DEPENDS ${TL_EMBED_FILES} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedGen.cmake
  COMMENT "Embedding rulesets and clauses" VERBATIM)
set(TL_EMBED_SOURCES ${_embed_c})
