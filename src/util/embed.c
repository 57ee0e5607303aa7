#include "util/embed.h"

#include <string.h>

const tl_embedded_file *tl_embedded_find(const char *path)
{
	for (const tl_embedded_file *f = tl_embedded_files; f->path; f++)
		if (strcmp(f->path, path) == 0)
			return f;
	return NULL;
}
