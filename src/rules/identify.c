/* identify.c: a document of the batch that IS a framework's text.
 *
 * A contract may incorporate the VNG Standaard Verwerkersovereenkomst (or
 * GIBIT) as an annex, and the annex may be a file of the same batch.  A
 * framework mapping says how the framework's own text titles itself
 * ("identify": {"titles": ["standaard verwerkersovereenkomst gemeenten"],
 * "unless": ["toelichting"]}); a document is that framework's text when
 *
 *   - its title, or one of its first paragraphs that reads as a title (at most
 *     TL_IDENT_TITLE_WORDS words, not ending like a sentence), begins with one
 *     of the titles, after an annex label ("Bijlage 7 -", "Annex B:"), and
 *     holds none of the "unless" words;
 *   - and, unless that title is the document's first line, the document does
 *     not itself declare the framework: a contract whose cover page repeats
 *     "GIBIT 2023" and declares GIBIT applicable is a contract under GIBIT,
 *     not GIBIT (a filled-in processing agreement may well mention itself).
 *
 * Matching is on a normalised form: ASCII letters lowered, every run of
 * other ASCII characters one space; non-ASCII bytes kept.  The batch room
 * (src/batch/annex.c) then lets a declaring document take over the annex's
 * findings. */
#include <string.h>

#include "rules/load.h"

enum { TL_IDENT_PARAS = 25, TL_IDENT_TITLE_WORDS = 14, TL_IDENT_MAX = 64 };

/* Normalises s[0..n) into out (size cap); returns the length. */
static size_t S_norm(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int space = 1;
	for (size_t i = 0; i < n && o + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
			out[o++] = (char)c;
			space = 0;
		} else if (!space) {
			out[o++] = ' ';
			space = 1;
		}
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return o;
}

static const char **S_list(tl_load *L, const cJSON *arr, const char *what, uint32_t *n)
{
	*n = 0;
	if (!arr)
		return NULL;
	if (!cJSON_IsArray(arr)) {
		tl_load_error(L, arr, "\"%s\" must be an array of phrases", what);
		return NULL;
	}
	int size = cJSON_GetArraySize(arr);
	const char **v = tl_arena_calloc(&L->rs->arena, (size_t)size + 1, sizeof *v);
	if (!v) {
		L->oom = 1;
		return NULL;
	}
	const cJSON *x;
	cJSON_ArrayForEach(x, arr)
	{
		char buf[256];
		if (!cJSON_IsString(x) || S_norm(x->valuestring, strlen(x->valuestring), buf, sizeof buf) == 0) {
			tl_load_error(L, x, "a phrase in \"%s\" must be a non-empty string", what);
			continue;
		}
		if (strlen(x->valuestring) >= sizeof buf - 1) {
			tl_load_error(L, x, "a phrase in \"%s\" is longer than %zu bytes", what, sizeof buf - 2);
			continue;
		}
		v[(*n)++] = tl_load_strdup(L, buf);
	}
	return v;
}

void tl_frameworks_load_identify(tl_load *L, tl_fwmap *fw, const cJSON *ident)
{
	static const char *const keys[] = {"titles", "unless", NULL};
	if (!cJSON_IsObject(ident)) {
		tl_load_error(L, ident, "\"identify\" must be {\"titles\": [...], \"unless\": [...]}");
		return;
	}
	tl_load_check_keys(L, ident, "identify", keys);
	const cJSON *titles = cJSON_GetObjectItemCaseSensitive(ident, "titles");
	if (!cJSON_IsArray(titles) || !cJSON_GetArraySize(titles)) {
		tl_load_error(L, titles ? titles : ident, "\"identify\" needs \"titles\": a non-empty array");
		return;
	}
	fw->titles = S_list(L, titles, "titles", &fw->ntitles);
	fw->unless = S_list(L, cJSON_GetObjectItemCaseSensitive(ident, "unless"), "unless", &fw->nunless);
}

/* 1 when the word w (normalised, space-delimited) occurs in t. */
static int S_has_words(const char *t, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = strstr(t, w); p; p = strstr(p + 1, w))
		if ((p == t || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

/* Skips an annex label at the start: "bijlage 7 ", "annex b ", "appendix ". */
static const char *S_skip_label(const char *t)
{
	static const char *const labels[] = {"bijlage ", "bijl ", "annex ", "appendix ", "schedule ",
	                                     "attachment ", "exhibit ", NULL};
	for (int i = 0; labels[i]; i++) {
		size_t n = strlen(labels[i]);
		if (strncmp(t, labels[i], n) != 0)
			continue;
		t += n;
		/* numbers ("3 01"), or one letter ("b") */
		while ((*t >= '0' && *t <= '9') || (t[0] >= 'a' && t[0] <= 'z' && (t[1] == ' ' || !t[1]))) {
			while (*t && *t != ' ')
				t++;
			while (*t == ' ')
				t++;
		}
		return t;
	}
	return t;
}

static int S_words(const char *t)
{
	int n = 0;
	for (const char *p = t; *p; p++)
		n += (p == t || p[-1] == ' ') && *p != ' ';
	return n;
}

/* 1 when the raw text reads as a title that names fw. */
static int S_title_is(const tl_fwmap *fw, const char *text, size_t len)
{
	char buf[512];
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (!len || len >= sizeof buf - 1 || text[len - 1] == '.' || text[len - 1] == ';' ||
	    text[len - 1] == ':' || text[len - 1] == ',')
		return 0;
	if (S_norm(text, len, buf, sizeof buf) == 0 || S_words(buf) > TL_IDENT_TITLE_WORDS)
		return 0;
	for (uint32_t u = 0; u < fw->nunless; u++)
		if (S_has_words(buf, fw->unless[u]))
			return 0;
	const char *t = S_skip_label(buf);
	for (uint32_t k = 0; k < fw->ntitles; k++) {
		size_t n = strlen(fw->titles[k]);
		if (!strncmp(t, fw->titles[k], n) && (t[n] == '\0' || t[n] == ' '))
			return 1;
	}
	return 0;
}

int tl_frameworks_identify(const tl_ruleset *rs, const tl_annotated *a, int32_t *para)
{
	*para = -1;
	size_t np = 0;
	const tl_para *p = tl_document_paras(a->doc, &np);
	const char *title = tl_document_title(a->doc);
	for (uint32_t f = 0; f < rs->nfw && f < TL_IDENT_MAX; f++) {
		const tl_fwmap *fw = &rs->fw[f];
		if (!fw->ntitles)
			continue;
		int declared = 0;
		for (uint32_t d = 0; d < a->nfw && !declared; d++)
			declared = a->fw[d].id && !strcmp(a->fw[d].id, fw->id);
		if (title && S_title_is(fw, title, strlen(title)))
			return (int)f;
		for (size_t i = 0, seen = 0; i < np && seen < TL_IDENT_PARAS; i++) {
			if (p[i].kind == TL_PARA_COMMENT || !p[i].len)
				continue;
			/* past the first line, a document that declares the framework is
			 * a contract under it, whatever its cover page repeats */
			if (++seen > 1 && declared)
				break;
			if (S_title_is(fw, p[i].text, p[i].len)) {
				*para = (int32_t)i;
				return (int)f;
			}
		}
	}
	return -1;
}
