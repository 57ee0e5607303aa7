#include "model/doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "util/buf.h"
#include "util/utf8.h"

tl_document *tl_doc_new(const char *path, tl_format format, const tl_limits *limits)
{
	tl_document *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	tl_limits def = TL_LIMITS_INIT;
	d->limits = limits ? *limits : def;
	/* the arena holds text plus model; cap it a little above the text budget */
	tl_arena_init(&d->arena, d->limits.max_doc_text ? d->limits.max_doc_text * 4 : 0);
	d->path = tl_arena_strdup(&d->arena, path ? path : "-");
	d->format = format;
	d->rev.view = TL_REVISIONS_ACCEPT;
	return d;
}

void tl_document_free(tl_document *doc)
{
	if (!doc)
		return;
	free(doc->paras);
	free(doc->clauses);
	tl_buf_free(&doc->scratch);
	tl_arena_free(&doc->arena);
	free(doc);
}

const char *tl_doc_str(tl_document *doc, const char *s)
{
	return s ? tl_arena_strdup(&doc->arena, s) : NULL;
}

const char *tl_doc_strn(tl_document *doc, const char *s, size_t n)
{
	return s ? tl_arena_strndup(&doc->arena, s, n) : NULL;
}

int tl_doc_add_author(tl_document *doc, const char *author)
{
	if (!author || !*author)
		return 0;
	for (int32_t i = 0; i < doc->rev.nauthors; i++)
		if (strcmp(doc->authors[i], author) == 0)
			return 0;
	if (doc->rev.nauthors >= doc->aauthors) {
		int32_t n = doc->aauthors ? doc->aauthors * 2 : 8;
		if (n > 4096)
			return 0; /* enough authors for any report */
		const char **a = tl_arena_alloc(&doc->arena, (size_t)n * sizeof *a);
		if (!a)
			return TL_ENOMEM;
		if (doc->rev.nauthors)
			memcpy(a, doc->authors, (size_t)doc->rev.nauthors * sizeof *a);
		doc->authors = a;
		doc->aauthors = n;
	}
	doc->authors[doc->rev.nauthors++] = tl_arena_strdup(&doc->arena, author);
	doc->rev.authors = doc->authors;
	return 0;
}

static int S_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

static int S_is_dropped(uint32_t cp)
{
	/* soft hyphen, zero-width space/joiners, BOM, bidi marks, other C0/C1 */
	return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF ||
	       cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || (cp < 0x20) || (cp >= 0x7F && cp < 0xA0);
}

static int S_ascii_only(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* NFC through ICU; ASCII text is already NFC and skips ICU entirely. */
static char *S_nfc(tl_document *doc, const char *s, size_t len, size_t *outlen)
{
	if (S_ascii_only(s, len)) {
		*outlen = len;
		return tl_arena_strndup(&doc->arena, s, len);
	}
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st) || len > (size_t)INT32_MAX / 4)
		return NULL;
	int32_t ulen = 0;
	u_strFromUTF8WithSub(NULL, 0, &ulen, s, (int32_t)len, 0xFFFD, NULL, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	st = U_ZERO_ERROR;
	UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
	if (!u)
		return NULL;
	u_strFromUTF8WithSub(u, ulen + 1, NULL, s, (int32_t)len, 0xFFFD, NULL, &st);
	char *res = NULL;
	if (U_SUCCESS(st) && unorm2_quickCheck(nfc, u, ulen, &st) == UNORM_YES && U_SUCCESS(st)) {
		*outlen = len;
		res = tl_arena_strndup(&doc->arena, s, len);
		free(u);
		return res;
	}
	st = U_ZERO_ERROR;
	int32_t cap = ulen * 3 + 16;
	UChar *n = malloc((size_t)cap * sizeof *n);
	if (!n) {
		free(u);
		return NULL;
	}
	int32_t nlen = unorm2_normalize(nfc, u, ulen, n, cap, &st);
	if (U_SUCCESS(st)) {
		int32_t blen = 0;
		UErrorCode st2 = U_ZERO_ERROR;
		u_strToUTF8(NULL, 0, &blen, n, nlen, &st2);
		st2 = U_ZERO_ERROR;
		res = tl_arena_alloc(&doc->arena, (size_t)blen + 1);
		if (res) {
			u_strToUTF8(res, blen + 1, NULL, n, nlen, &st2);
			if (U_FAILURE(st2))
				res = NULL;
			else
				*outlen = (size_t)blen;
		}
	}
	free(u);
	free(n);
	return res;
}

/* The end of a plain stretch from i (s[i] printable ASCII): printable ASCII
 * with single spaces between, ending on a printable byte, which normalising
 * copies as it is.  Eight bytes at a time while every byte is 0x20..0x7E and
 * no two spaces are adjacent. */
static size_t S_plain_end(const unsigned char *s, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, spaces = ones * ' ';
	uint64_t prev = 0; /* 0x80 when the byte before the word is a space */
	size_t j = i;
#ifdef __SSE2__
	/* sixteen at a time: signed, bytes >= 0x80 compare below 0x20 */
	unsigned prev16 = 0; /* 1 when the byte before the block is a space */
	while (len - j >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + j));
		unsigned bad = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
		unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
		if (bad || (sp & ((sp << 1) | prev16)))
			break;
		prev16 = (sp >> 15) & 1;
		j += 16;
	}
	if (j > i && s[j - 1] == ' ')
		prev = 0x80;
#endif
	while (len - j >= 8) {
		uint64_t w;
		memcpy(&w, s + j, 8);
		/* any byte below 0x20, any byte above 0x7E (exact for "any") */
		if ((((w - spaces) & ~w) | ((w + ones) | w)) & high)
			break;
		uint64_t t = w ^ spaces;
		uint64_t sp = ~(((t & low7) + low7) | t) & high; /* exactly the spaces */
		if (sp & ((sp << 8) | prev))
			break;
		prev = (sp >> 56) & 0x80;
		j += 8;
	}
	while (j < len) {
		unsigned c = s[j];
		if (c > ' ' && c < 0x7F)
			j++;
		else if (c == ' ' && j > i && s[j - 1] != ' ' && j + 1 < len && s[j + 1] > ' ' &&
		         s[j + 1] < 0x7F)
			j += 2;
		else
			break;
	}
	while (j > i && s[j - 1] == ' ') /* the word loop may stop after a space */
		j--;
	return j;
}

char *tl_doc_normalize(tl_document *doc, const char *text, size_t len, size_t *outlen)
{
	/* The output never outgrows the input except where an invalid byte
	 * becomes U+FFFD (1 byte -> 3), so room is checked only there.  The
	 * working buffer is the document's, reused from paragraph to paragraph. */
	tl_buf *b = &doc->scratch;
	b->len = 0;
	if (tl_buf_reserve(b, len) != 0)
		return NULL;
	const unsigned char *s = (const unsigned char *)text;
	char *o = b->data;
	int space = 0, any = 0, ascii = 1;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c < 0x80) { /* the common case, without decoding */
			if (c > ' ' && c != 0x7F) { /* printable ASCII with single spaces */
				if (space)
					*o++ = ' ';
				space = 0;
				any = 1;
				size_t j = S_plain_end(s, i, len);
				memcpy(o, s + i, j - i);
				o += j - i;
				i = j;
				continue;
			}
			if (c == ' ' || (c >= '\t' && c <= '\r'))
				space = any;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = tl_utf8_decode(text + i, len - i, &cp);
		if (S_is_space(cp)) {
			space = any;
		} else if (!S_is_dropped(cp)) {
			if (space)
				*o++ = ' ';
			space = 0;
			any = 1;
			ascii = 0;
			if (cp == 0xFFFD && n == 1) {
				size_t used = (size_t)(o - b->data);
				b->len = used;
				if (tl_buf_reserve(b, len - i + 3) != 0)
					return NULL;
				o = b->data + used;
				memcpy(o, "\xEF\xBF\xBD", 3);
				o += 3;
			} else {
				memcpy(o, text + i, n);
				o += n;
			}
		}
		i += n;
	}
	b->len = (size_t)(o - b->data);
	b->data[b->len] = '\0';
	if (ascii) { /* ASCII is already NFC */
		*outlen = b->len;
		return tl_arena_strndup(&doc->arena, b->data, b->len);
	}
	return S_nfc(doc, b->data, b->len, outlen);
}

int tl_doc_reserve(tl_document *doc, size_t n)
{
	if (n > doc->limits.max_nodes)
		n = doc->limits.max_nodes;
	if (n <= doc->apara)
		return 0;
	tl_para *p = realloc(doc->paras, n * sizeof *p);
	if (!p)
		return TL_ENOMEM;
	doc->paras = p;
	doc->apara = n;
	return 0;
}

tl_para *tl_doc_add_para(tl_document *doc, tl_para_kind kind, const char *part, int32_t part_index,
                         const char *text, size_t len, tl_error *err)
{
	if (doc->npara >= doc->limits.max_nodes) {
		tl_error_set(err, TL_ELIMIT_NODES, "more than %zu paragraphs", doc->limits.max_nodes);
		return NULL;
	}
	if (doc->npara == doc->apara) {
		size_t n = doc->apara ? doc->apara * 2 : 256;
		tl_para *p = realloc(doc->paras, n * sizeof *p);
		if (!p) {
			tl_error_set(err, TL_ENOMEM, "out of memory");
			return NULL;
		}
		doc->paras = p;
		doc->apara = n;
	}
	size_t nlen = 0;
	char *t = tl_doc_normalize(doc, text ? text : "", text ? len : 0, &nlen);
	if (!t) {
		tl_error_set(err, TL_ELIMIT_TEXT, "document text exceeds %zu bytes", doc->limits.max_doc_text);
		return NULL;
	}
	tl_para *p = &doc->paras[doc->npara];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->index = (int32_t)doc->npara;
	p->part = part;
	p->part_index = part_index;
	p->text = t;
	p->len = nlen;
	p->table = p->row = p->col = -1;
	p->ref = p->ref_end = -1;
	p->clause = -1;
	doc->npara++;
	return p;
}

const char *tl_document_path(const tl_document *doc) { return doc->path; }
tl_format tl_document_format(const tl_document *doc) { return doc->format; }
const char *tl_document_title(const tl_document *doc) { return doc->title; }
const tl_revision_info *tl_document_revisions(const tl_document *doc) { return &doc->rev; }

const tl_para *tl_document_paras(const tl_document *doc, size_t *count)
{
	if (count)
		*count = doc->npara;
	return doc->paras;
}

const tl_clause *tl_document_clauses(const tl_document *doc, size_t *count)
{
	if (count)
		*count = doc->nclause;
	return doc->clauses;
}

const char *tl_format_name(tl_format f)
{
	switch (f) {
	case TL_FORMAT_DOCX: return "docx";
	case TL_FORMAT_ODT: return "odt";
	case TL_FORMAT_FODT: return "fodt";
	case TL_FORMAT_TEXT: return "text";
	case TL_FORMAT_MARKDOWN: return "markdown";
	default: return "unknown";
	}
}

const char *tl_revisions_name(tl_revisions r)
{
	switch (r) {
	case TL_REVISIONS_REJECT: return "reject";
	case TL_REVISIONS_BOTH: return "both";
	default: return "accept";
	}
}

const char *tl_para_kind_name(tl_para_kind k)
{
	static const char *const names[] = {"body", "heading", "cell", "footnote", "endnote",
	                                    "comment", "header", "footer", "textbox"};
	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "body";
}
