/* embed.h: files built into the library (rulesets/, clauses/), see cmake/Embed.cmake. */
#ifndef TL_EMBED_H
#define TL_EMBED_H
#include <stddef.h>
typedef struct tl_embedded_file {
	const char *path; /* relative to the source root: "rulesets/vng-2022.json" */
	const char *data; /* NUL-terminated */
	size_t size;
} tl_embedded_file;
extern const tl_embedded_file tl_embedded_files[]; /* ends with {NULL, NULL, 0} */
/* Looks a path up; NULL when absent. */
const tl_embedded_file *tl_embedded_find(const char *path);
#endif
