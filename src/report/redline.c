/* redline.c: tl_redline_write and what the DOCX and ODT writers share: the
 * plan of comments and insertions, safe XML parsing, and the package copy. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "ingest/pkg.h"
#include "report/redline.h"
#include "report/render.h"
#include "util/utf8.h"

static int S_same_part(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	while (*a == '/')
		a++;
	while (*b == '/')
		b++;
	return strcasecmp(a, b) == 0;
}

/* evidence in the main part (or without a part: a one-part format) */
static int S_in_main(const cJSON *ev, const char *main_part)
{
	const char *p = tl_rj_str(ev, "part");
	return !p || S_same_part(p, main_part);
}

static long S_map_para(const cJSON *doc, const char *main_part, long para)
{
	const cJSON *f, *ev;
	if (para < 0)
		return -1;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		cJSON_ArrayForEach(ev, tl_rj_arr(f, "evidence"))
		{
			if (tl_rj_long(ev, "para", -1) == para && S_in_main(ev, main_part) &&
			    tl_rj_long(ev, "part_para", -1) >= 0)
				return tl_rj_long(ev, "part_para", -1);
		}
	}
	return -1;
}

int tl_rl_plan(const cJSON *doc, const char *main_part, tl_rl_item **out, size_t *n, tl_error *err)
{
	const cJSON *f, *ev;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		tl_status st = tl_finding_status(f);
		if (!tl_status_is_gap(st) || tl_finding_waived(f))
			continue;
		const cJSON *main_ev = tl_finding_main_evidence(f);
		if (main_ev && !S_in_main(main_ev, main_part)) {
			main_ev = NULL;
			cJSON_ArrayForEach(ev, tl_rj_arr(f, "evidence"))
			{
				if (cJSON_IsObject(ev) && S_in_main(ev, main_part)) {
					main_ev = ev;
					break;
				}
			}
		}
		tl_rl_item it = {f, -1, NULL, -1, NULL};
		if (main_ev) {
			it.anchor = tl_rj_long(main_ev, "part_para", -1);
			if (it.anchor < 0)
				it.anchor = S_map_para(doc, main_part, tl_rj_long(main_ev, "para", -1));
			it.quote = tl_rj_str(main_ev, "quote");
		}
		const cJSON *sug = tl_rj_obj(f, "suggestion");
		const cJSON *ins = tl_rj_obj(sug, "insert");
		it.text = tl_rj_str(sug, "text");
		if (it.text && !*it.text)
			it.text = NULL;
		long after = tl_rj_long(ins, "after_para", -1);
		/* the report says which part and which paragraph of it (a text box's
		 * paragraph comes before the one holding it in the document's order,
		 * so the document index alone can miss by one); the mappings below
		 * are for reports without it */
		if (tl_rj_long(ins, "part_para", -1) >= 0 && S_in_main(ins, main_part))
			it.insert_after = tl_rj_long(ins, "part_para", -1);
		else if (tl_rj_str(ins, "part") && !S_in_main(ins, main_part))
			it.insert_after = -1; /* after a header, footer or note: at the anchor, else at the end */
		else if (main_ev && after == tl_rj_long(main_ev, "para", -2))
			it.insert_after = it.anchor;
		else if (after >= 0 && (it.insert_after = S_map_para(doc, main_part, after)) < 0)
			/* no mapping in the report: the main story is read first, so a
			 * body paragraph's index is its part index (docs/output-formats.md) */
			it.insert_after = after;
		if (*n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			tl_rl_item *ni = realloc(*out, nc * sizeof *ni);
			if (!ni) {
				free(*out);
				*out = NULL;
				return tl_error_set(err, TL_ENOMEM, "redline: out of memory");
			}
			*out = ni;
			cap = nc;
		}
		(*out)[(*n)++] = it;
	}
	return 0;
}

char *tl_rl_norm(const char *s)
{
	size_t len = s ? strlen(s) : 0, o = 0;
	char *r = malloc(len + 1);
	int space = 1;
	if (!r)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
		if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) { /* no-break space */
			ws = 1;
			i++;
		}
		if (ws) {
			if (!space)
				r[o++] = ' ';
			space = 1;
		} else {
			r[o++] = (char)c;
			space = 0;
		}
	}
	while (o && r[o - 1] == ' ')
		o--;
	r[o] = 0;
	return r;
}

long tl_rl_locate(long expected, const char *quote, char *const *texts, size_t n)
{
	if (n == 0)
		return -1;
	if (expected >= (long)n)
		expected = (long)n - 1;
	char *q = quote ? tl_rl_norm(quote) : NULL;
	if (!q || !*q) {
		free(q);
		return expected;
	}
	long best = -1;
	if (expected >= 0 && texts[expected] && strstr(texts[expected], q))
		best = expected;
	for (long d = 1; best < 0 && d < (long)n; d++) {
		long a = expected - d, b = expected + d;
		if (a >= 0 && a < (long)n && texts[a] && strstr(texts[a], q))
			best = a;
		else if (b >= 0 && b < (long)n && texts[b] && strstr(texts[b], q))
			best = b;
		else if (a < 0 && b >= (long)n)
			break;
	}
	free(q);
	return best >= 0 ? best : expected;
}

static void S_map_put(tl_rl_map *m, char c, xmlNodePtr node, size_t off)
{
	if (m->oom)
		return;
	if (m->len + 2 > m->cap) {
		size_t nc = m->cap ? 2 * m->cap : 256;
		char *nt = realloc(m->text, nc);
		if (nt)
			m->text = nt;
		tl_rl_pos *np = nt ? realloc(m->pos, nc * sizeof *np) : NULL;
		if (!nt || !np) {
			m->oom = 1;
			return;
		}
		m->pos = np;
		m->cap = nc;
	}
	m->text[m->len] = c;
	m->pos[m->len] = (tl_rl_pos){node, off};
	m->text[++m->len] = 0;
}

void tl_rl_map_text(tl_rl_map *m, xmlNodePtr node, const char *text)
{
	for (size_t i = 0; text && text[i]; i++) {
		unsigned char c = (unsigned char)text[i];
		int nbsp = c == 0xC2 && (unsigned char)text[i + 1] == 0xA0;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
			if (!m->space)
				S_map_put(m, ' ', node, i);
			m->space = 1;
			i += nbsp;
		} else {
			S_map_put(m, (char)c, node, i);
			m->space = 0;
		}
	}
}

void tl_rl_map_space(tl_rl_map *m, xmlNodePtr node)
{
	if (!m->space)
		S_map_put(m, ' ', node, 0);
	m->space = 1;
}

int tl_rl_map_find(const tl_rl_map *m, const char *quote, tl_rl_pos *first, tl_rl_pos *last)
{
	char *q = quote ? tl_rl_norm(quote) : NULL;
	const char *hit = q && *q && m->text && !m->oom ? strstr(m->text, q) : NULL;
	size_t n = q ? strlen(q) : 0;
	free(q);
	if (!hit)
		return -1;
	*first = m->pos[hit - m->text];
	*last = m->pos[hit - m->text + n - 1];
	return 0;
}

void tl_rl_map_free(tl_rl_map *m)
{
	free(m->text);
	free(m->pos);
	memset(m, 0, sizeof *m);
}

char *tl_rl_clean(const char *s)
{
	size_t len = s ? strlen(s) : 0, o = 0;
	char *r = malloc(3 * len + 1); /* an invalid byte grows to 3 bytes */
	if (!r)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = tl_utf8_decode(s + i, len - i, &cp);
		if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
			r[o++] = ' ';
		else if (cp == 0xFFFD && n == 1)
			o += tl_utf8_encode(0xFFFD, r + o);
		else {
			memcpy(r + o, s + i, n);
			o += n;
		}
		i += n;
	}
	r[o] = 0;
	return r;
}

time_t tl_rl_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long long v = strtoll(e, &end, 10);
		if (!*end && v >= 0 && v < 253402300800LL)
			return (time_t)v;
	}
	return time(NULL);
}

void tl_rl_iso(time_t t, char *buf, size_t size)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int tl_rl_read(zip_t *za, const char *name, char **data, size_t *len, tl_error *err)
{
	static const tl_limits lim = TL_LIMITS_INIT;
	zip_stat_t st;
	*data = NULL;
	*len = 0;
	zip_int64_t idx = zip_name_locate(za, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return 1;
	if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return tl_error_set(err, TL_EZIP_CORRUPT, "%s: cannot read the member's size", name);
	if (st.size > lim.max_entry_size)
		return tl_error_set(err, TL_ELIMIT_ENTRY_SIZE, "%s: %llu bytes, above the cap", name,
		                    (unsigned long long)st.size);
	zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
	char *buf = malloc((size_t)st.size + 1);
	if (!zf || !buf) {
		if (zf)
			zip_fclose(zf);
		free(buf);
		return tl_error_set(err, zf ? TL_ENOMEM : TL_EZIP_CORRUPT, "%s: cannot read", name);
	}
	size_t got = 0;
	for (;;) { /* counted: never more than the declared size */
		zip_int64_t r = zip_fread(zf, buf + got, (zip_uint64_t)(st.size - got));
		if (r < 0) {
			zip_fclose(zf);
			free(buf);
			return tl_error_set(err, TL_EZIP_CRC, "%s: cannot inflate", name);
		}
		if (r == 0)
			break;
		got += (size_t)r;
		if (got == st.size)
			break;
	}
	zip_fclose(zf);
	if (got != st.size) {
		free(buf);
		return tl_error_set(err, TL_EZIP_SIZE_MISMATCH, "%s: size mismatch", name);
	}
	buf[got] = 0;
	*data = buf;
	*len = got;
	return 0;
}

int tl_rl_parse(xmlDocPtr *out, const char *data, size_t len, const char *part, tl_error *err)
{
	*out = NULL;
	tl_xml_init();
	/* refuse any DOCTYPE before libxml2 sees it (no DTD, no entities) */
	for (size_t i = 0; i + 9 <= len; i++)
		if (data[i] == '<' && data[i + 1] == '!' && !strncasecmp(data + i + 2, "DOCTYPE", 7))
			return tl_error_set(err, TL_EXML_DTD, "%s: a DOCTYPE is not allowed", part);
	if (len > (size_t)0x7fffffff)
		return tl_error_set(err, TL_ELIMIT_ENTRY_SIZE, "%s: too large", part);
	xmlDocPtr d = xmlReadMemory(data, (int)len, part, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING |
	                                                           XML_PARSE_NOERROR);
	if (!d || !xmlDocGetRootElement(d)) {
		xmlFreeDoc(d);
		return tl_error_set(err, TL_EXML_PARSE, "%s: not well-formed XML", part);
	}
	*out = d;
	return 0;
}

int tl_rl_dump(xmlDocPtr doc, char **data, size_t *len, tl_error *err)
{
	xmlChar *mem = NULL;
	int n = 0;
	xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
	if (!mem || n <= 0) {
		xmlFree(mem);
		return tl_error_set(err, TL_ENOMEM, "redline: cannot serialise XML");
	}
	*data = malloc((size_t)n + 1);
	if (!*data) {
		xmlFree(mem);
		return tl_error_set(err, TL_ENOMEM, "redline: out of memory");
	}
	memcpy(*data, mem, (size_t)n);
	(*data)[n] = 0;
	*len = (size_t)n;
	xmlFree(mem);
	return 0;
}

static int S_copy_file(const char *from, int to_fd, tl_error *err)
{
	FILE *in = fopen(from, "rb");
	char buf[65536];
	size_t n;
	if (!in)
		return tl_error_set(err, TL_EIO, "%s: %s", from, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		size_t off = 0;
		while (off < n) {
			ssize_t w = write(to_fd, buf + off, n - off);
			if (w < 0) {
				fclose(in);
				return tl_error_set(err, TL_EIO, "cannot write a temporary file: %s", strerror(errno));
			}
			off += (size_t)w;
		}
	}
	int bad = ferror(in);
	fclose(in);
	return bad ? tl_error_set(err, TL_EIO, "%s: read error", from) : 0;
}

int tl_rl_write_package(const char *input, const char *output, const tl_rl_member *m, size_t n,
                        time_t mtime, tl_error *err)
{
	size_t olen = strlen(output);
	char *tmp = malloc(olen + 16);
	int rc = 0, zerr = 0;
	if (!tmp)
		return tl_error_set(err, TL_ENOMEM, "redline: out of memory");
	snprintf(tmp, olen + 16, "%s.tl-XXXXXX", output);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		rc = tl_error_set(err, TL_EIO, "%s: cannot create: %s", output, strerror(errno));
		free(tmp);
		return rc;
	}
	rc = S_copy_file(input, fd, err);
	if (!rc && fchmod(fd, 0644) != 0) /* mkstemp made it 0600; libzip keeps the mode */
		rc = tl_error_set(err, TL_EIO, "%s: %s", tmp, strerror(errno));
	if (close(fd) != 0 && !rc)
		rc = tl_error_set(err, TL_EIO, "%s: %s", tmp, strerror(errno));
	zip_t *za = rc ? NULL : zip_open(tmp, ZIP_CHECKCONS, &zerr);
	if (!rc && !za)
		rc = tl_error_set(err, TL_EZIP_CORRUPT, "%s: cannot open as ZIP (libzip error %d)", input, zerr);
	for (size_t i = 0; !rc && i < n; i++) {
		zip_source_t *src = zip_source_buffer(za, m[i].data, m[i].len, 0);
		zip_int64_t idx = zip_name_locate(za, m[i].name, ZIP_FL_NOCASE);
		if (!src) {
			rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
			break;
		}
		if (idx >= 0) {
			if (zip_file_replace(za, (zip_uint64_t)idx, src, 0) != 0)
				idx = -1;
		} else {
			idx = zip_file_add(za, m[i].name, src, ZIP_FL_ENC_UTF_8);
		}
		if (idx >= 0)
			zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0);
		if (idx < 0) {
			zip_source_free(src);
			rc = tl_error_set(err, TL_EIO, "%s: cannot write %s: %s", output, m[i].name, zip_strerror(za));
			break;
		}
		zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0);
	}
	if (!rc && zip_close(za) != 0) {
		rc = tl_error_set(err, TL_EIO, "%s: %s", output, zip_strerror(za));
		zip_discard(za);
	} else if (rc && za) {
		zip_discard(za);
	}
	if (!rc && rename(tmp, output) != 0)
		rc = tl_error_set(err, TL_EIO, "%s: %s", output, strerror(errno));
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* ---- dispatch ---- */

static int S_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int S_ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

int tl_redline_write(const cJSON *report_document, const char *input_path, const char *output_path,
                     const tl_render_options *opts, tl_error *err)
{
	int zerr = 0, rc;
	if (!cJSON_IsObject(report_document) || !input_path || !output_path)
		return tl_error_set(err, TL_EINVAL, "redline: a report document, an input and an output are needed");
	if (tl_rj_obj(report_document, "error"))
		return tl_error_set(err, TL_EINVAL, "%s: the document could not be read, so there is nothing to mark up",
		                    input_path);
	if (!strcmp(input_path, output_path) || S_same_file(input_path, output_path))
		return tl_error_set(err, TL_EINVAL, "redline: the output must not be the input (%s)", output_path);
	zip_t *za = zip_open(input_path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	if (!za)
		return tl_error_set(err, TL_EZIP_CORRUPT, "%s: not a DOCX or ODT package (libzip error %d)",
		                    input_path, zerr);
	const char *lang = tl_render_doc_lang(report_document, opts);
	char *mime = NULL;
	size_t mlen = 0;
	if (tl_rl_read(za, "mimetype", &mime, &mlen, err) < 0) {
		zip_discard(za);
		return err ? err->code : TL_EZIP_CORRUPT;
	}
	int odt = mime && !strncmp(mime, "application/vnd.oasis.opendocument.text", 39) &&
	          (mime[39] == 0 || !strcmp(mime + 39, "-template"));
	int docx = !mime && zip_name_locate(za, "[Content_Types].xml", ZIP_FL_NOCASE) >= 0;
	free(mime);
	if (odt && !S_ends_with(output_path, ".odt") && (S_ends_with(output_path, ".docx")))
		rc = tl_error_set(err, TL_EINVAL, "redline: the input is ODT, so the output is ODT, not %s", output_path);
	else if (docx && S_ends_with(output_path, ".odt"))
		rc = tl_error_set(err, TL_EINVAL, "redline: the input is DOCX, so the output is DOCX, not %s", output_path);
	else if (odt)
		rc = tl_redline_odt(report_document, input_path, output_path, za, lang, err);
	else if (docx)
		rc = tl_redline_docx(report_document, input_path, output_path, za, lang, err);
	else
		rc = tl_error_set(err, TL_EINVAL, "%s: --redline works on DOCX and ODT packages only", input_path);
	zip_discard(za);
	if (rc && err && !err->path[0])
		snprintf(err->path, sizeof err->path, "%s", input_path);
	return rc;
}
