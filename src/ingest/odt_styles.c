/* odt_styles.c: ODF styles, list styles, the outline style and list labels.
 *
 * Styles are looked up by (family, name) in the scope of the part being read
 * (automatic styles of content.xml and of styles.xml may share names) and
 * then among the common styles.  A label is computed the way LibreOffice
 * shows it: the counters of the last text:display-levels levels, each in its
 * own level's style:num-format, joined by ".", between the current level's
 * style:num-prefix and style:num-suffix; loext:num-list-format, when
 * present, is the template LibreOffice itself uses ("%1%.%2%."). */
#include <stdlib.h>
#include <string.h>

#include "ingest/odt_int.h"
#include "model/numfmt.h"
#include "util/utf8.h"

#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

/* ---- map */

static size_t S_hash(const char *s)
{
	size_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

void *odt_map_get(const odt_map *m, const char *key)
{
	if (!m->cap || !key)
		return NULL;
	for (size_t i = S_hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->v[i].key)
			return NULL;
		if (strcmp(m->v[i].key, key) == 0)
			return m->v[i].val;
	}
}

static int S_map_grow(odt_map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	odt_map_ent *v = calloc(cap, sizeof *v);
	if (!v)
		return TL_ENOMEM;
	for (size_t j = 0; j < m->cap; j++) {
		if (!m->v[j].key)
			continue;
		size_t i = S_hash(m->v[j].key) & (cap - 1);
		while (v[i].key)
			i = (i + 1) & (cap - 1);
		v[i] = m->v[j];
	}
	free(m->v);
	m->v = v;
	m->cap = cap;
	return 0;
}

/* Inserts or replaces; the key is copied into the reader's arena. */
int odt_map_put(tl_odt *r, odt_map *m, const char *key, void *val)
{
	if (!key)
		return 0;
	if (m == &r->styles)
		r->style_memo.ok = 0;
	if ((m->n + 1) * 2 > m->cap && S_map_grow(m) != 0)
		return tl_error_set(r->err, TL_ENOMEM, "out of memory");
	size_t i = S_hash(key) & (m->cap - 1);
	while (m->v[i].key) {
		if (strcmp(m->v[i].key, key) == 0) {
			m->v[i].val = val;
			return 0;
		}
		i = (i + 1) & (m->cap - 1);
	}
	const char *k = tl_arena_strdup(&r->arena, key);
	if (!k)
		return tl_error_set(r->err, TL_ELIMIT_MEMORY, "styles exceed the memory budget");
	m->v[i].key = k;
	m->v[i].val = val;
	m->n++;
	return 0;
}

void odt_map_free(odt_map *m)
{
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}

/* An attribute value of the element being started (alive while it is
 * handled); NULL when absent. */
const char *odt_att(tl_odt *r, const tl_xev *x, const char *ns, const char *local)
{
	(void)r;
	for (uint32_t i = 0; i < x->nat; i++) {
		const tl_xattr *a = &x->at[i];
		if (a->ns < ODT_NNS && a->ln[0] == local[0] && strcmp(a->ln, local) == 0 &&
		    (odt_ns[a->ns] == ns || strcmp(odt_ns[a->ns], ns) == 0))
			return a->val;
	}
	return NULL;
}

static const char *S_dup(tl_odt *r, const char *s)
{
	return s ? tl_arena_strdup(&r->arena, s) : NULL;
}

static long S_long(const char *s, long dflt, long lo, long hi)
{
	if (!s || !*s)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s)
		return dflt;
	return v < lo ? lo : v > hi ? hi : v;
}

/* "Heading_20_1" -> "Heading 1": ODF encodes characters of display names as _hex_. */
static const char *S_decode_name(tl_odt *r, const char *s)
{
	size_t n = strlen(s);
	char *out = tl_arena_alloc(&r->arena, n + 1);
	if (!out)
		return s;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '_') {
			size_t j = i + 1;
			unsigned long cp = 0;
			while (j < n && j - i <= 6 && strchr("0123456789abcdefABCDEF", s[j])) {
				char c = s[j];
				cp = cp * 16 + (unsigned long)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
				j++;
			}
			if (j < n && s[j] == '_' && j > i + 1 && cp >= 0x20 && cp < 0x80) {
				out[o++] = (char)cp;
				i = j + 1;
				continue;
			}
		}
		out[o++] = s[i++];
	}
	out[o] = 0;
	return out;
}

/* "P2:name": family, scope, name (what snprintf "%c%d:%s" writes, without its cost) */
static char *S_key(char *buf, size_t size, char family, int scope, const char *name)
{
	size_t n = strlen(name);
	if (scope < 0 || scope > 9 || n + 4 > size) {
		if (snprintf(buf, size, "%c%d:%s", family, scope, name) < 0) /* cut at size, as before */
			buf[0] = 0;
		return buf;
	}
	buf[0] = family;
	buf[1] = (char)('0' + scope);
	buf[2] = ':';
	memcpy(buf + 3, name, n + 1);
	return buf;
}

/* ---- style elements */

int odt_style_start(tl_odt *r, const tl_xev *x, int scope)
{
	r->cur_style = NULL;
	const char *fam = odt_att(r, x, NS_STYLE, "family");
	char family = fam && strcmp(fam, "paragraph") == 0 ? 'P' : fam && strcmp(fam, "text") == 0 ? 'T' : 0;
	const char *name = odt_att(r, x, NS_STYLE, "name");
	if (!family || !name || strlen(name) > 1000)
		return 0;
	odt_style *s = tl_arena_calloc(&r->arena, 1, sizeof *s);
	if (!s)
		return tl_error_set(r->err, TL_ELIMIT_MEMORY, "styles exceed the memory budget");
	s->family = family;
	s->scope = scope;
	s->name = S_dup(r, name);
	s->display = S_dup(r, odt_att(r, x, NS_STYLE, "display-name"));
	s->parent = S_dup(r, odt_att(r, x, NS_STYLE, "parent-style-name"));
	s->list_style = S_dup(r, odt_att(r, x, NS_STYLE, "list-style-name"));
	s->outline = (int)S_long(odt_att(r, x, NS_STYLE, "default-outline-level"), 0, 0, ODT_LEVELS);
	char key[1100];
	r->cur_style = s;
	return odt_map_put(r, &r->styles, S_key(key, sizeof key, family, scope, name), s);
}

int odt_text_props(tl_odt *r, const tl_xev *x)
{
	if (!r->cur_style)
		return 0;
	const char *d = odt_att(r, x, NS_TEXT, "display");
	if (d && strcmp(d, "none") == 0)
		r->cur_style->hidden = 1;
	return 0;
}

const odt_style *odt_style_find(tl_odt *r, const char *name, char family)
{
	if (!name)
		return NULL;
	size_t n = strlen(name);
	if (n > 1000)
		return NULL;
	if (r->style_memo.ok && r->style_memo.family == family && r->style_memo.scope == r->auto_scope &&
	    strcmp(r->style_memo.name, name) == 0)
		return r->style_memo.s;
	char key[1100];
	odt_style *s = NULL;
	if (r->auto_scope)
		s = odt_map_get(&r->styles, S_key(key, sizeof key, family, r->auto_scope, name));
	if (!s)
		s = odt_map_get(&r->styles, S_key(key, sizeof key, family, 0, name));
	if (n < sizeof r->style_memo.name) {
		memcpy(r->style_memo.name, name, n + 1);
		r->style_memo.family = family;
		r->style_memo.scope = r->auto_scope;
		r->style_memo.s = s;
		r->style_memo.ok = 1;
	}
	return s;
}

const odt_style *odt_style_resolve(tl_odt *r, const odt_style *cs)
{
	odt_style *s = (odt_style *)cs;
	if (!s || s->resolved)
		return s;
	s->resolved = 1;
	s->r_hidden = s->hidden;
	s->r_outline = s->outline;
	s->r_list = s->list_style;
	s->user_name = NULL;
	const odt_style *p = s;
	for (unsigned hop = 0; p && hop <= r->limits->max_ref_hops; hop++) {
		if (!s->user_name && (p->scope == 0 || !p->parent))
			s->user_name = p->display ? p->display : S_decode_name(r, p->name);
		if (hop) {
			if (!s->r_outline)
				s->r_outline = p->outline;
			if (!s->r_list)
				s->r_list = p->list_style;
			s->r_hidden |= p->hidden;
		}
		if (!p->parent || p->parent == p->name || strcmp(p->parent, p->name) == 0)
			break;
		/* the parent of a common style is common; of an automatic one, either */
		const odt_style *q = NULL;
		char key[1100];
		if (p->scope)
			q = odt_map_get(&r->styles, S_key(key, sizeof key, p->family, p->scope, p->parent));
		if (!q)
			q = odt_map_get(&r->styles, S_key(key, sizeof key, p->family, 0, p->parent));
		p = q;
	}
	if (s->r_list && !*s->r_list)
		s->r_list = NULL;
	if (s->user_name)
		s->doc_name = tl_doc_str(r->doc, s->user_name);
	return s;
}

/* ---- list styles */

int odt_liststyle_start(tl_odt *r, const tl_xev *x, int scope, int outline)
{
	odt_liststyle *ls = tl_arena_calloc(&r->arena, 1, sizeof *ls);
	if (!ls)
		return tl_error_set(r->err, TL_ELIMIT_MEMORY, "styles exceed the memory budget");
	const char *name = odt_att(r, x, NS_STYLE, "name");
	ls->name = S_dup(r, name ? name : "");
	r->cur_list = ls;
	if (outline) {
		r->outline = ls;
		return 0;
	}
	if (!name || strlen(name) > 1000)
		return 0;
	char key[1100];
	return odt_map_put(r, &r->liststyles, S_key(key, sizeof key, 'L', scope, name), ls);
}

int odt_level_start(tl_odt *r, const tl_xev *x, int bullet)
{
	if (!r->cur_list)
		return 0;
	long lvn = S_long(odt_att(r, x, NS_TEXT, "level"), 1, 1, 1000);
	if (lvn > ODT_LEVELS)
		return 0;
	odt_level *lv = &r->cur_list->lv[lvn - 1];
	memset(lv, 0, sizeof *lv);
	lv->defined = 1;
	lv->bullet = bullet;
	lv->display = 1;
	lv->start = 1;
	lv->prefix = S_dup(r, odt_att(r, x, NS_STYLE, "num-prefix"));
	lv->suffix = S_dup(r, odt_att(r, x, NS_STYLE, "num-suffix"));
	if (bullet) {
		const char *c = odt_att(r, x, NS_TEXT, "bullet-char");
		uint32_t cp = 0;
		if (c && *c)
			tl_utf8_decode(c, strlen(c), &cp);
		/* a Symbol/Wingdings font bullet sits in the private use area: show "•" */
		if (!c || !*c || (cp >= 0xE000 && cp <= 0xF8FF) || cp < 0x20)
			c = "\xE2\x80\xA2";
		lv->bullet_char = S_dup(r, c);
		lv->fmt = TL_NUMFMT_BULLET;
		return 0;
	}
	const char *f = odt_att(r, x, NS_STYLE, "num-format");
	const char *sync = odt_att(r, x, NS_STYLE, "num-letter-sync");
	lv->fmt = f ? (int)tl_numfmt_from_odf(f) : TL_NUMFMT_DECIMAL;
	if (f && !*f)
		lv->fmt = TL_NUMFMT_NONE;
	if ((lv->fmt == TL_NUMFMT_LOWER_LETTER || lv->fmt == TL_NUMFMT_UPPER_LETTER) &&
	    !(sync && strcmp(sync, "true") == 0))
		lv->fmt = lv->fmt == TL_NUMFMT_LOWER_LETTER ? ODT_FMT_ALPHA_LOWER : ODT_FMT_ALPHA_UPPER;
	lv->display = (int)S_long(odt_att(r, x, NS_TEXT, "display-levels"), 1, 1, ODT_LEVELS);
	lv->start = S_long(odt_att(r, x, NS_TEXT, "start-value"), 1, 0, TL_NUMFMT_MAX_VALUE);
	lv->list_format = S_dup(r, odt_att(r, x, NS_LOEXT, "num-list-format"));
	return 0;
}

const odt_liststyle *odt_liststyle_find(tl_odt *r, const char *name)
{
	if (!name || !*name || strlen(name) > 1000)
		return NULL;
	char key[1100];
	const odt_liststyle *ls = NULL;
	if (r->auto_scope)
		ls = odt_map_get(&r->liststyles, S_key(key, sizeof key, 'L', r->auto_scope, name));
	if (!ls)
		ls = odt_map_get(&r->liststyles, S_key(key, sizeof key, 'L', 0, name));
	if (!ls && r->outline && strcmp(r->outline->name, name) == 0)
		ls = r->outline;
	return ls;
}

/* ---- labels */

/* LibreOffice's letters without letter sync: a..z, aa, ab, .. (bijective base 26). */
static size_t S_alpha(char *out, size_t size, long v, char base)
{
	char tmp[16];
	size_t n = 0;
	if (v < 1)
		v = 1;
	while (v > 0 && n < sizeof tmp) {
		v--;
		tmp[n++] = (char)(base + v % 26);
		v /= 26;
	}
	size_t o = 0;
	while (n > 0 && o + 1 < size)
		out[o++] = tmp[--n];
	if (size)
		out[o < size ? o : size - 1] = 0;
	return o;
}

static size_t S_fmt(char *out, size_t size, const odt_level *lv, long v)
{
	v = tl_numfmt_clamp(v);
	if (lv->fmt == ODT_FMT_ALPHA_LOWER || lv->fmt == ODT_FMT_ALPHA_UPPER)
		return S_alpha(out, size, v, lv->fmt == ODT_FMT_ALPHA_LOWER ? 'a' : 'A');
	return tl_numfmt_format(out, size, (tl_numfmt)lv->fmt, v);
}

static long S_value(const odt_chain *c, const odt_liststyle *ls, int k)
{
	if (c->set[k])
		return c->count[k];
	return ls->lv[k].defined ? ls->lv[k].start : 1;
}

static void S_put(char *out, size_t size, size_t *o, const char *s)
{
	for (; s && *s && *o + 1 < size; s++)
		out[(*o)++] = *s;
	out[*o] = 0;
}

const char *odt_number(tl_odt *r, odt_chain *c, const odt_liststyle *ls, int level, long start,
                       int header)
{
	if (level < 0)
		level = 0;
	if (level >= ODT_LEVELS)
		level = ODT_LEVELS - 1;
	if (header)
		return NULL;
	const odt_level *lv = ls ? &ls->lv[level] : NULL;
	if (start >= 0)
		c->count[level] = tl_numfmt_clamp(start);
	else if (!c->set[level])
		c->count[level] = lv && lv->defined ? lv->start : 1;
	else
		c->count[level] = tl_numfmt_clamp(c->count[level] + 1);
	c->set[level] = 1;
	for (int k = level + 1; k < ODT_LEVELS; k++)
		c->set[k] = 0;
	char out[TL_NUMFMT_LABEL_MAX], num[TL_NUMFMT_LABEL_MAX];
	size_t o = 0;
	out[0] = 0;
	if (!ls)
		return NULL;
	if (!lv->defined) {
		/* a level the list style leaves out: LibreOffice numbers it "1." */
		snprintf(out, sizeof out, "%ld.", c->count[level]);
		return tl_arena_strdup(&r->arena, out);
	}
	if (lv->bullet) {
		S_put(out, sizeof out, &o, lv->bullet_char);
	} else if (lv->list_format) {
		for (const char *p = lv->list_format; *p && o + 1 < sizeof out; p++) {
			int k = 0;
			const char *q = p + 1;
			while (*q >= '0' && *q <= '9' && k < 100)
				k = k * 10 + (*q++ - '0');
			if (*p == '%' && q > p + 1 && *q == '%' && k >= 1 && k <= level + 1) {
				S_fmt(num, sizeof num, &ls->lv[k - 1], S_value(c, ls, k - 1));
				S_put(out, sizeof out, &o, num);
				p = q;
			} else {
				out[o++] = *p;
				out[o] = 0;
			}
		}
	} else {
		S_put(out, sizeof out, &o, lv->prefix);
		int first = 1;
		for (int k = level + 1 - lv->display; k <= level; k++) {
			if (k < 0)
				continue;
			const odt_level *kl = &ls->lv[k];
			if (kl->bullet || (k < level && !kl->defined))
				continue;
			size_t n = S_fmt(num, sizeof num, kl, S_value(c, ls, k));
			if (!n)
				continue;
			if (!first)
				S_put(out, sizeof out, &o, ".");
			S_put(out, sizeof out, &o, num);
			first = 0;
		}
		S_put(out, sizeof out, &o, lv->suffix);
	}
	/* trim: a label is what the reader sees, without its tab or spaces */
	size_t b = 0;
	while (out[b] == ' ' || out[b] == '\t')
		b++;
	while (o > b && (out[o - 1] == ' ' || out[o - 1] == '\t'))
		out[--o] = 0;
	if (o <= b)
		return NULL;
	return tl_arena_strndup(&r->arena, out + b, o - b);
}
