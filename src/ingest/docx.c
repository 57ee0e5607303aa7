/* placeholder until engineer "docx" lands the DOCX reader (overwrite freely) */
#include "ingest/readers.h"
int tl_docx_read(tl_document **out, tl_zip *z, const char *name, const tl_read_options *o,
                 tl_error *err)
{
	(void)z, (void)o;
	*out = NULL;
	return tl_error_set(err, TL_EINTERNAL, "%s: the DOCX reader is not built yet", name);
}
