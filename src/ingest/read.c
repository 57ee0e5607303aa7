/* read.c: tl_document_read / tl_document_read_mem: sniff the content, open
 * the container safely, and dispatch to the format reader (readers.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/detect.h"
#include "ingest/pkg.h"
#include "ingest/readers.h"
#include "ingest/zip_int.h"
#include "util/utf8.h"

static int S_options(const tl_read_options *in, tl_read_options *o, tl_error *err)
{
	tl_read_options def = TL_READ_OPTIONS_INIT;
	*o = in ? *in : def;
	if (o->version != TL_READ_OPTIONS_VERSION || o->limits.version != TL_LIMITS_VERSION)
		return tl_error_set(err, TL_EINVAL, "tl_read_options or tl_limits of an unknown version");
	if ((unsigned)o->revisions > TL_REVISIONS_BOTH || (unsigned)o->format > TL_FORMAT_MARKDOWN)
		return tl_error_set(err, TL_EINVAL, "invalid revisions view or format in tl_read_options");
	return 0;
}

static void S_start(tl_error *err, const char *name)
{
	if (!err)
		return;
	tl_error_clear(err);
	tl_utf8_sanitize(err->path, sizeof err->path, name, strlen(name), sizeof err->path - 8);
}

/* ---- byte sources for the CFB walk ---- */

typedef struct {
	const unsigned char *p;
	size_t n;
} S_mem;

static int S_mem_at(void *ctx, uint64_t off, void *buf, size_t n)
{
	S_mem *m = ctx;
	if (off > m->n || n > m->n - off)
		return -1;
	memcpy(buf, m->p + off, n);
	return 0;
}

static int S_fd_at(void *ctx, uint64_t off, void *buf, size_t n)
{
	return tl_zip_pread(*(int *)ctx, buf, n, off);
}

/* ---- dispatch ---- */

static int S_read_zip(tl_document **out, const char *name, const char *path, const void *mem,
                      size_t len, const tl_read_options *o, tl_error *err)
{
	tl_zip *z;
	int rc = tl_zip_open(&z, name, path, mem, len, &o->limits, err);
	if (rc)
		return rc;
	int fmt = o->format != TL_FORMAT_UNKNOWN ? (int)o->format : tl_detect_zip(z, err);
	if (fmt == TL_FORMAT_DOCX) {
		if (err)
			err->part[0] = '\0';
		rc = tl_docx_read(out, z, name, o, err);
	} else if (fmt == TL_FORMAT_ODT) {
		if (err)
			err->part[0] = '\0';
		rc = tl_odt_read(out, z, name, o, err);
	} else if (fmt < 0) {
		rc = fmt;
	} else {
		rc = tl_error_set(err, TL_EINVAL, "the file is a ZIP package, not %s",
		                  tl_format_name((tl_format)fmt));
	}
	tl_zip_close(z);
	return rc;
}

static int S_read_text(tl_document **out, const char *name, const char *data, size_t len,
                       const tl_read_options *o, tl_error *err)
{
	int fmt = tl_detect_text(name, data, len, err);
	if (fmt < 0)
		return fmt;
	if (o->format == TL_FORMAT_TEXT || o->format == TL_FORMAT_MARKDOWN)
		fmt = (int)o->format;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		data += 3, len -= 3;
	return tl_text_read(out, name, data, len, (tl_format)fmt, o, err);
}

/* Everything but a ZIP read from a file: the content is in memory. */
static int S_read_flat(tl_document **out, const char *name, const char *data, size_t len,
                       const tl_read_options *o, tl_error *err)
{
	if (o->format == TL_FORMAT_TEXT || o->format == TL_FORMAT_MARKDOWN)
		return S_read_text(out, name, data, len, o, err);
	if (o->format == TL_FORMAT_FODT)
		return tl_fodt_read(out, name, data, len, o, err);
	switch (tl_detect_sniff(data, len)) {
	case TL_SNIFF_EMPTY:
		return tl_error_set(err, TL_EFORMAT_UNKNOWN, "empty file");
	case TL_SNIFF_ZIP:
		return S_read_zip(out, name, NULL, data, len, o, err);
	case TL_SNIFF_CFB: {
		S_mem m = {(const unsigned char *)data, len};
		return tl_detect_cfb(S_mem_at, &m, len, err);
	}
	case TL_SNIFF_PDF:
		return tl_error_set(err, TL_EFORMAT_PDF, "a PDF file: convert it to DOCX or ODT first");
	case TL_SNIFF_RTF:
		return tl_error_set(err, TL_EFORMAT_RTF, "an RTF file: save it as DOCX or ODT first");
	case TL_SNIFF_UTF16_TEXT:
		return tl_error_set(err, TL_EXML_ENCODING,
		                    "UTF-16 text is not supported: save the text as UTF-8");
	case TL_SNIFF_XML: {
		int fmt = tl_detect_xml(data, len, err);
		if (fmt < 0)
			return fmt;
		return tl_fodt_read(out, name, data, len, o, err);
	}
	case TL_SNIFF_TEXT:
		return S_read_text(out, name, data, len, o, err);
	case TL_SNIFF_BINARY:
	default:
		return tl_error_set(err, TL_EFORMAT_UNKNOWN,
		                    "not a DOCX, ODT, flat ODT, text or Markdown file");
	}
}

static int S_finish(tl_document **out, int rc, const char *name, tl_error *err)
{
	if (rc) {
		tl_document_free(*out);
		*out = NULL;
		if (err && !err->path[0])
			tl_utf8_sanitize(err->path, sizeof err->path, name, strlen(name), sizeof err->path - 8);
		if (err && err->code != rc)
			err->code = rc;
	}
	return rc;
}

int tl_document_read_mem(tl_document **out, const char *name, const void *data, size_t len,
                         const tl_read_options *opts, tl_error *err)
{
	tl_read_options o;
	*out = NULL;
	if (!name)
		name = "-";
	S_start(err, name);
	int rc = S_options(opts, &o, err);
	if (!rc)
		rc = data || !len ? S_read_flat(out, name, data ? data : "", len, &o, err)
		                  : tl_error_set(err, TL_EINVAL, "no data");
	return S_finish(out, rc, name, err);
}

/* Reads all of fd up to cap bytes (the file's own size is never trusted). */
static int S_slurp(int fd, size_t cap, char **data, size_t *len, tl_error *err)
{
	size_t n = 0, a = 0;
	char *b = NULL;
	for (;;) {
		if (n == a) {
			size_t na = a ? a * 2 : 64 << 10;
			if (a > cap)
				break;
			char *nb = realloc(b, na + 1);
			if (!nb) {
				free(b);
				return tl_error_set(err, TL_ELIMIT_MEMORY, "out of memory");
			}
			b = nb, a = na;
		}
		ssize_t k = read(fd, b + n, a - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			free(b);
			return tl_error_set(err, TL_EIO, "read error: %s", strerror(errno));
		}
		if (k == 0)
			break;
		n += (size_t)k;
		if (n > cap) {
			free(b);
			return tl_error_set(err, TL_ELIMIT_ENTRY_SIZE, "file larger than the cap of %zu bytes",
			                    cap);
		}
	}
	if (!b && !(b = malloc(1)))
		return tl_error_set(err, TL_ELIMIT_MEMORY, "out of memory");
	b[n] = '\0';
	*data = b;
	*len = n;
	return 0;
}

int tl_document_read(tl_document **out, const char *path, const tl_read_options *opts,
                     tl_error *err)
{
	tl_read_options o;
	*out = NULL;
	if (!path)
		return tl_error_set(err, TL_EINVAL, "no file name");
	S_start(err, path);
	int rc = S_options(opts, &o, err);
	if (rc)
		return rc;
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return S_finish(out, tl_error_set(err, TL_EIO, "cannot open: %s", strerror(errno)), path,
		                err);
	struct stat st;
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		rc = tl_error_set(err, TL_EIO, "%s", S_ISDIR(st.st_mode) ? "is a directory"
		                                                        : "cannot stat the file");
		close(fd);
		return S_finish(out, rc, path, err);
	}
	size_t cap = o.limits.max_entry_size;
	if (S_ISREG(st.st_mode) && strcmp(path, "-") != 0) {
		unsigned char head[512];
		size_t hn = st.st_size < (off_t)sizeof head ? (size_t)st.st_size : sizeof head;
		if (S_fd_at(&fd, 0, head, hn) != 0) {
			close(fd);
			return S_finish(out, tl_error_set(err, TL_EIO, "read error"), path, err);
		}
		tl_sniff sn = o.format == TL_FORMAT_DOCX || o.format == TL_FORMAT_ODT
		                      ? TL_SNIFF_ZIP
		                      : o.format != TL_FORMAT_UNKNOWN ? TL_SNIFF_TEXT
		                                                      : tl_detect_sniff(head, hn);
		if (sn == TL_SNIFF_ZIP) {
			close(fd);
			return S_finish(out, S_read_zip(out, path, path, NULL, 0, &o, err), path, err);
		}
		if (sn == TL_SNIFF_CFB) {
			rc = tl_detect_cfb(S_fd_at, &fd, (uint64_t)st.st_size, err);
			close(fd);
			return S_finish(out, rc, path, err);
		}
		if ((uint64_t)st.st_size > (uint64_t)cap) {
			close(fd);
			return S_finish(out,
			                tl_error_set(err, TL_ELIMIT_ENTRY_SIZE,
			                             "file larger than the cap of %zu bytes", cap),
			                path, err);
		}
	}
	char *data = NULL;
	size_t len = 0;
	rc = S_slurp(fd, cap, &data, &len, err);
	close(fd);
	if (!rc)
		rc = S_read_flat(out, path, data, len, &o, err);
	free(data);
	return S_finish(out, rc, path, err);
}

int tl_detect_format(const char *path, const void *head, size_t len, tl_error *err)
{
	tl_error e2 = TL_ERROR_INIT;
	if (!err)
		err = &e2;
	if (path)
		S_start(err, path);
	const char *h = head ? head : "";
	switch (tl_detect_sniff(h, len)) {
	case TL_SNIFF_ZIP: {
		tl_zip *z;
		tl_limits lim = TL_LIMITS_INIT;
		int rc = tl_zip_open(&z, path ? path : "-", NULL, h, len, &lim, err);
		if (rc)
			return rc;
		rc = tl_detect_zip(z, err);
		tl_zip_close(z);
		return rc;
	}
	case TL_SNIFF_CFB: {
		S_mem m = {(const unsigned char *)h, len};
		return tl_detect_cfb(S_mem_at, &m, len, err);
	}
	case TL_SNIFF_XML:
		return tl_detect_xml(h, len, err);
	case TL_SNIFF_TEXT: {
		/* the head may end inside a multi-byte sequence: drop only that */
		size_t n = len, k = len;
		while (k > 0 && len - k < 4 && ((unsigned char)h[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > 0 && (unsigned char)h[k - 1] >= 0xC0) {
			unsigned c = (unsigned char)h[k - 1];
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			if (len - (k - 1) < need)
				n = k - 1;
		}
		return tl_detect_text(path, h, n, err);
	}
	default: {
		/* the same messages and codes as reading the file */
		tl_document *doc = NULL;
		tl_read_options o = TL_READ_OPTIONS_INIT;
		int rc = S_read_flat(&doc, path ? path : "-", h, len, &o, err);
		tl_document_free(doc);
		return rc;
	}
	}
}
