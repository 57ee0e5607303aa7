/* placeholder until engineer "odt" lands the ODT reader (overwrite freely) */
#include "ingest/readers.h"
int tl_odt_read(tl_document **out, tl_zip *z, const char *name, const tl_read_options *o,
                tl_error *err)
{
	(void)z, (void)o;
	*out = NULL;
	return tl_error_set(err, TL_EINTERNAL, "%s: the ODT reader is not built yet", name);
}
int tl_fodt_read(tl_document **out, const char *name, const char *data, size_t len,
                 const tl_read_options *o, tl_error *err)
{
	(void)data, (void)len, (void)o;
	*out = NULL;
	return tl_error_set(err, TL_EINTERNAL, "%s: the flat ODT reader is not built yet", name);
}
