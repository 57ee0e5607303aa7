/* json.h: a JSON reader that builds cJSON-shaped trees in an arena.
 *
 * cJSON allocates every node and every string with its own malloc, and a
 * tree of the built-in ruleset (20,000 nodes) costs more to parse and free
 * than to use.  tl_json_parse builds the same tree (same node types, values,
 * keys, member order, prev/next/child links, valueint saturation) in an
 * arena, for the inputs it is sure to read exactly as cJSON 1.7 does; for
 * anything else (invalid JSON, a \u0000 or malformed \u escape, a byte-order mark, numbers of 63
 * characters or more, a locale whose decimal point is not '.', nesting deeper
 * than 256) it returns NULL, and the caller parses with cJSON, which then
 * also reports the position of an error.
 *
 * The tree is read-only: never pass it to cJSON_Delete or add it to another
 * cJSON tree (cJSON_Duplicate of a node is fine); it lives as long as the
 * arena. */
#ifndef TL_JSON_H
#define TL_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "util/arena.h"

/* Parses text[0..len) (trailing text after the value is ignored, as with
 * cJSON_ParseWithLengthOpts(..., 0)).  NULL when cJSON must parse it
 * instead (or out of memory: what was allocated stays in the arena). */
cJSON *tl_json_parse(tl_arena *a, const char *text, size_t len);

/* As tl_json_parse, leaving out every object member whose key is `skip`
 * (written without escapes), at any depth, without building its value: the
 * tree is the one tl_json_parse builds with those members deleted.  The
 * skipped values are only stepped over (their brackets must pair up and
 * their strings close), not validated, so use it only on text known to be
 * valid JSON, such as the files built into the binary (the loader's check
 * mode skips the built-in rules' self-test "examples"). */
cJSON *tl_json_parse_skip(tl_arena *a, const char *text, size_t len, const char *skip);

#endif
