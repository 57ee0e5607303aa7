#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tenderlint.h"
#include "util/utf8.h"

static const struct {
	int code;
	const char *name;
} S_names[] = {
	{TL_OK, "OK"},
	{TL_EFORMAT_UNKNOWN, "E_FORMAT_UNKNOWN"},
	{TL_EFORMAT_PDF, "E_FORMAT_PDF"},
	{TL_EFORMAT_LEGACY_DOC, "E_FORMAT_LEGACY_DOC"},
	{TL_EFORMAT_RTF, "E_FORMAT_RTF"},
	{TL_EENCRYPTED, "E_ENCRYPTED"},
	{TL_EZIP_CORRUPT, "E_ZIP_CORRUPT"},
	{TL_EZIP_INCONSISTENT, "E_ZIP_INCONSISTENT"},
	{TL_EZIP_CRC, "E_ZIP_CRC"},
	{TL_EZIP_SIZE_MISMATCH, "E_ZIP_SIZE_MISMATCH"},
	{TL_EZIP_DUPLICATE_NAME, "E_ZIP_DUPLICATE_NAME"},
	{TL_EZIP_OVERLAP, "E_ZIP_OVERLAP"},
	{TL_EPKG_MISSING_PART, "E_PKG_MISSING_PART"},
	{TL_EPKG_BAD_PART_NAME, "E_PKG_BAD_PART_NAME"},
	{TL_EPKG_SYMLINK, "E_PKG_SYMLINK"},
	{TL_ELIMIT_ENTRY_COUNT, "E_LIMIT_ENTRY_COUNT"},
	{TL_ELIMIT_ENTRY_SIZE, "E_LIMIT_ENTRY_SIZE"},
	{TL_ELIMIT_TOTAL_SIZE, "E_LIMIT_TOTAL_SIZE"},
	{TL_ELIMIT_MEMORY, "E_LIMIT_MEMORY"},
	{TL_ELIMIT_NODES, "E_LIMIT_NODES"},
	{TL_ELIMIT_TEXT, "E_LIMIT_TEXT"},
	{TL_EXML_DTD, "E_XML_DTD"},
	{TL_EXML_LIMIT, "E_XML_LIMIT"},
	{TL_EXML_ENCODING, "E_XML_ENCODING"},
	{TL_EXML_PARSE, "E_XML_PARSE"},
	{TL_ETIMEOUT, "E_TIMEOUT"},
	{TL_ECRASH, "E_CRASH"},
	{TL_EIO, "E_IO"},
	{TL_ENOMEM, "E_NOMEM"},
	{TL_EINVAL, "E_INVAL"},
	{TL_ERULESET, "E_RULESET"},
	{TL_EINTERNAL, "E_INTERNAL"},
};

const char *tl_code_name(int code)
{
	for (size_t i = 0; i < sizeof S_names / sizeof S_names[0]; i++)
		if (S_names[i].code == code)
			return S_names[i].name;
	return "E_INTERNAL";
}

void tl_error_clear(tl_error *err)
{
	if (!err)
		return;
	err->code = 0;
	err->message[0] = err->path[0] = err->part[0] = '\0';
	err->line = err->col = 0;
	err->para = -1;
}

int tl_error_set(tl_error *err, int code, const char *fmt, ...)
{
	if (!err)
		return code;
	char raw[TL_ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* messages may quote entry names or text from a hostile file */
	tl_utf8_sanitize(err->message, sizeof err->message, raw, strlen(raw), 400);
	err->code = code;
	return code;
}

void tl_error_format(const tl_error *err, char *buf, size_t size)
{
	size_t n = 0;
	if (!size)
		return;
	buf[0] = '\0';
#define S_ADD(...)                                                    \
	do {                                                          \
		if (n < size) {                                       \
			int k = snprintf(buf + n, size - n, __VA_ARGS__); \
			if (k > 0)                                    \
				n += (size_t)k;                       \
		}                                                     \
	} while (0)
	if (err->path[0])
		S_ADD("%s: ", err->path);
	if (err->part[0]) {
		S_ADD("%s", err->part);
		if (err->line > 0)
			S_ADD(":%ld", err->line);
		if (err->line > 0 && err->col > 0)
			S_ADD(":%ld", err->col);
		if (err->para >= 0)
			S_ADD(", paragraph %ld", err->para);
		S_ADD(": ");
	} else if (err->line > 0) {
		S_ADD("line %ld", err->line);
		if (err->col > 0)
			S_ADD(", column %ld", err->col);
		S_ADD(": ");
	}
	S_ADD("%s", err->message[0] ? err->message : tl_code_name(err->code));
	S_ADD(" [%s]", tl_code_name(err->code));
#undef S_ADD
}
