/* placeholder: replaced by the reader dispatch */
#include "tenderlint.h"
int tl_document_read(tl_document **out, const char *path, const tl_read_options *opts, tl_error *err)
{
	(void)opts;
	*out = NULL;
	return tl_error_set(err, TL_EINTERNAL, "%s: reading is not built yet", path);
}
int tl_document_read_mem(tl_document **out, const char *name, const void *data, size_t len,
                         const tl_read_options *opts, tl_error *err)
{
	(void)data, (void)len, (void)opts;
	*out = NULL;
	return tl_error_set(err, TL_EINTERNAL, "%s: reading is not built yet", name);
}
int tl_detect_format(const char *path, const void *head, size_t len, tl_error *err)
{
	(void)path, (void)head, (void)len;
	return tl_error_set(err, TL_EFORMAT_UNKNOWN, "detection is not built yet");
}
