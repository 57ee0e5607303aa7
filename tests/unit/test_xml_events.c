/* The fast XML event pass (src/ingest/xev.c): what it takes it shows as
 * libxml2's reader shows it (the same events, attributes and text), and what
 * it does not take it leaves to the reader (returns 0). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ingest/pkg.h"
#include "ingest/xev.h"
#include "util/buf.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const S_ns[] = {"urn:w", "urn:w-strict", "urn:mc"};

static int S_understood(const char *uri)
{
	return strcmp(uri, "urn:ok") == 0;
}

/* a number that depends on the class, the URI and the name: the fast pass
 * (which asks once per name and class) and the reader must agree on it */
static int S_name_id(int ns, const char *uri, const char *ln)
{
	return ns * 100000 + (uri ? (int)strlen(uri) + uri[strlen(uri) - 1] : 0) * 100 +
	       (int)strlen(ln) * 3 + ln[0];
}

/* every element and text, attributes of urn:w, urn:w-strict and none */
static const tl_xspec S_spec = {S_ns, 3, 0, 3, NULL, 2, S_understood, 1, S_name_id, 0};

/* Events written as lines; adjacent texts joined (the reader may split
 * them elsewhere, never join them differently). */
typedef struct S_log {
	tl_buf b;
	int in_text;
} S_log;

static int S_put(void *ctx, const tl_xev *ev)
{
	S_log *l = ctx;
	if (ev->type == TL_XEV_TEXT) {
		if (!l->in_text)
			tl_buf_printf(&l->b, "T%d:", (int)ev->depth);
		tl_buf_put(&l->b, ev->ln, ev->len);
		l->in_text = 1;
		return 0;
	}
	if (l->in_text)
		tl_buf_puts(&l->b, "\n");
	l->in_text = 0;
	if (ev->type == TL_XEV_END) {
		tl_buf_printf(&l->b, "E%d:%d:%s #%d\n", (int)ev->depth, ev->ns, ev->ln, ev->id);
		return 0;
	}
	tl_buf_printf(&l->b, "S%d:%d:%s%s%s uri=%s #%d", (int)ev->depth, ev->ns, ev->ln,
	              ev->empty ? "/" : "", ev->flag ? "!" : "", ev->uri ? ev->uri : "-", ev->id);
	for (uint32_t i = 0; i < ev->nat; i++)
		tl_buf_printf(&l->b, " %d:%s=[%s]", ev->at[i].ns, ev->at[i].ln, ev->at[i].val);
	tl_buf_puts(&l->b, "\n");
	return 0;
}

/* The fast pass's log, or NULL when it does not take the part. */
static char *S_fast(const char *xml)
{
	S_log l = {TL_BUF_INIT(1 << 20), 0};
	if (!tl_xev_parse(xml, strlen(xml), &S_spec, 256, 1000000, S_put, &l)) {
		tl_buf_free(&l.b);
		return NULL;
	}
	if (l.in_text)
		tl_buf_puts(&l.b, "\n");
	return tl_buf_detach(&l.b, NULL);
}

/* The reader's log, or NULL on an error. */
static char *S_slow(const char *xml)
{
	S_log l = {TL_BUF_INIT(1 << 20), 0};
	tl_error err = TL_ERROR_INIT;
	xmlTextReaderPtr r = NULL;
	tl_xscratch sc = {0};
	int rc = tl_xml_reader(&r, xml, strlen(xml), "t.xml", NULL, &err);
	while (rc == 0 && (rc = tl_xml_next(r, "t.xml", NULL, &err)) == 1) {
		tl_xev ev;
		int k = tl_xev_from_reader(&sc, r, &S_spec, &ev);
		rc = k < 0 ? -1 : k ? S_put(&l, &ev) : 0;
	}
	if (r)
		xmlFreeTextReader(r);
	tl_xscratch_free(&sc);
	if (rc < 0) {
		tl_buf_free(&l.b);
		return NULL;
	}
	if (l.in_text)
		tl_buf_puts(&l.b, "\n");
	return tl_buf_detach(&l.b, NULL);
}

static void test_taken_parts_read_as_the_reader_reads_them(void)
{
	static const char *const ok[] = {
		"<a/>",
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<a>x</a>\r\n",
		"\xEF\xBB\xBF<?xml version='1.0'?><a/>",
		"<w:a xmlns:w=\"urn:w\" xmlns:s=\"urn:w-strict\"><w:b w:val=\"1\" s:val=\"2\" val=\"3\" "
		"x:val=\"4\" xmlns:x=\"urn:other\"/><s:c/></w:a>",
		/* the predefined entities and character references, in text and attributes */
		"<a v=\"&lt;&amp;&gt;&quot;&apos;&#38;&#x41;&#233;\">R&amp;D &lt;b&gt; &#x1F600; &#10;x</a>",
		/* line ends are normalised in text */
		"<a>one\r\ntwo\rthree\n</a>",
		/* white space only, with and without xml:space */
		"<a><b> </b><c xml:space=\"preserve\"> \t</c><d xml:space=\"default\">\n</d></a>",
		/* the default namespace applies to elements, not to attributes */
		"<a xmlns=\"urn:w\" val=\"x\"><b xmlns=\"\" val=\"y\"/><c/></a>",
		/* a prefix rebound deeper, then back */
		"<p:a xmlns:p=\"urn:w\"><p:b xmlns:p=\"urn:mc\"><p:c/></p:b><p:d/></p:a>",
		/* xml: bound to its own URI is allowed and changes nothing */
		"<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\" xml:lang=\"nl\">t</a>",
		/* mc:Choice Requires: understood only when every prefix names an understood URI */
		"<mc:A xmlns:mc=\"urn:mc\" xmlns:ok=\"urn:ok\" xmlns:no=\"urn:no\"><mc:Choice Requires=\"ok\"/>"
		"<mc:Choice Requires=\"ok no\"/><mc:Choice Requires=\"zz\"/><mc:Choice Requires=\" \"/>"
		"<mc:Choice/><mc:Fallback/></mc:A>",
		/* non-ASCII text and values, '>' and a single ']' in text */
		"<a v=\"caf\xC3\xA9 > \xE2\x82\xAC\">\xF0\x9F\x98\x80 a > b ] c ]] d</a>",
		/* spaces around '=' and inside end tags, single quotes */
		"<a  v = 'x' \n w=\"y\"  ></a  >",
	};
	for (size_t i = 0; i < N(ok); i++) {
		char *f = S_fast(ok[i]), *s = S_slow(ok[i]);
		T_OK(f != NULL, "case %zu not taken by the fast pass", i);
		T_OK(s != NULL, "case %zu refused by the reader", i);
		if (f && s)
			T_OK(strcmp(f, s) == 0, "case %zu:\nfast:\n%sreader:\n%s", i, f, s);
		free(f);
		free(s);
	}
}

static void test_anything_else_is_left_to_the_reader(void)
{
	static const char *const no[] = {
		"",
		"   ",
		"<a><!-- a comment --></a>",
		"<a><![CDATA[x]]></a>",
		"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
		"<a><?pi x?></a>",
		"<a>&nbsp;</a>",
		"<a>&#0;</a>",
		"<a>&#xD800;</a>",
		"<a>x ]]> y</a>",
		"<a>\x01</a>",
		"<a>\xC3</a>",
		"<a>\xEF\xBF\xBE</a>",
		"<a v=\"1\" v=\"2\"/>",
		"<a xmlns:p=\"urn:w\" xmlns:q=\"urn:w\" p:v=\"1\" q:v=\"2\"/>",
		"<p:a/>",
		"<a xmlns:p=\"\"/>",
		"<a xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>",
		"<a v=\"x<y\"/>",
		"<a v=\"x\ty\"/>",
		"<a v=\"1\"w=\"2\"/>",
		"<a></b>",
		"<a>",
		"<a/><b/>",
		"<a/>text",
		"<?xml version=\"1.1\"?><a/>",
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>",
		"<a:b:c/>",
		"<\xC3\xA9/>",
	};
	for (size_t i = 0; i < N(no); i++) {
		char *f = S_fast(no[i]);
		T_OK(f == NULL, "case %zu taken by the fast pass:\n%s", i, f ? f : "");
		free(f);
	}
}

static void test_caps_are_left_to_the_reader(void)
{
	S_log l = {TL_BUF_INIT(1 << 20), 0};
	/* nesting near the depth cap: the reader's per-node check decides */
	char deep[2000] = "";
	for (int i = 0; i < 200; i++)
		strcat(deep, "<a>");
	for (int i = 0; i < 200; i++)
		strcat(deep, "</a>");
	T_INT(tl_xev_parse(deep, strlen(deep), &S_spec, 256, 1000, S_put, &l), 1);
	T_INT(tl_xev_parse(deep, strlen(deep), &S_spec, 150, 1000, S_put, &l), 0);
	/* a text or an attribute value over the text cap */
	T_INT(tl_xev_parse("<a>12345</a>", 12, &S_spec, 256, 5, S_put, &l), 1);
	T_INT(tl_xev_parse("<a>123456</a>", 13, &S_spec, 256, 5, S_put, &l), 0);
	T_INT(tl_xev_parse("<a v=\"123456\"/>", 15, &S_spec, 256, 5, S_put, &l), 0);
	tl_buf_free(&l.b);
}

static int S_stop_at_b(void *ctx, const tl_xev *ev)
{
	(*(int *)ctx)++;
	return ev->type == TL_XEV_START && strcmp(ev->ln, "b") == 0;
}

static void test_a_callback_stops_the_pass(void)
{
	int n = 0;
	T_INT(tl_xev_parse("<a><b/><c/></a>", 15, &S_spec, 256, 100, S_stop_at_b, &n), 0);
	T_INT(n, 2);
}

/* The start tags the quick way takes (short names, cached lookups, at least
 * 16 bytes of part after them) agree with the reader too: the cases again,
 * followed by white space so that every tag has room, plus tags made for it. */
static char *S_padded(const char *xml)
{
	size_t n = strlen(xml);
	char *s = malloc(n + 41);
	if (s) {
		memcpy(s, xml, n);
		memset(s + n, ' ', 40);
		s[n + 40] = 0;
	}
	return s;
}

static void test_the_quick_way_through_start_tags_agrees_with_the_reader(void)
{
	static const char *const ok[] = {
		/* names of 15, 16, 17, 31, 32, 47, 48 and 49 bytes (the quick way takes at most 47) */
		"<abcdefghijklmno a=\"1\"><abcdefghijklmnop b=\"2\"><abcdefghijklmnopq c=\"3\"/>"
		"</abcdefghijklmnop></abcdefghijklmno>",
		"<x:abcdefghijklmnopqrstuvwxyz-01 xmlns:x=\"urn:w\" x:abcdefghijklmnopqrstuvwxyz-0=\"1\" "
		"abcdefghijklmnopqrstuvwxyz.ABCD=\"2\"><abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTU "
		"abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTUV=\"3\" abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTUVW=\"4\">"
		"<abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTUV/><abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTUVW/>"
		"</abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTU></x:abcdefghijklmnopqrstuvwxyz-01>",
		/* the same names again: from the caches, in and out of a rebinding */
		"<w:a xmlns:w=\"urn:w\" xmlns:m=\"urn:mc\"><w:b w:v=\"1\"/><w:b w:v=\"2\"/>"
		"<w:c xmlns:w=\"urn:mc\"><w:b w:v=\"3\"/></w:c><w:b w:v=\"4\"/><m:b w:v=\"5\"/></w:a>",
		/* references, non-ASCII and the other quote in values; values over 16 bytes */
		"<a><b v=\"&lt;x&gt; &#x41;&#66; caf\xC3\xA9 \xE2\x82\xAC '1' and more than sixteen\"/>"
		"<b v='say \"hi\" &amp; go on past sixteen bytes'/><b v=\"\"/></a>",
		/* attributes of no namespace, a kept one, one of another namespace, xml: */
		"<w:a xmlns:w=\"urn:w\" xmlns:o=\"urn:other\"><w:b v=\"1\" w:v=\"2\" o:v=\"3\" xml:space=\"preserve\">"
		" x </w:b></w:a>",
		/* a default namespace, undone deeper */
		"<a xmlns=\"urn:w\"><b v=\"1\"><c xmlns=\"\"><d v=\"2\"/></c><d v=\"3\"/></b></a>",
		/* many attributes, white space of every kind between them */
		"<a><b a1=\"1\"\ta2=\"2\"\na3=\"3\"\r\na4=\"4\"  a5=\"5\" a6=\"6\" a7=\"7\" a8=\"8\" a9=\"9\" "
		"b1=\"1\" b2=\"2\" b3=\"3\" b4=\"4\" b5=\"5\" b6=\"6\" b7=\"7\" b8=\"8\" b9=\"9\" c1=\"1\" "
		"c2=\"2\" c3=\"3\" c4=\"4\" c5=\"5\" c6=\"6\" c7=\"7\" c8=\"8\" c9=\"9\" d1=\"1\" d2=\"2\" "
		"d3=\"3\" d4=\"4\" d5=\"5\" d6=\"6\" d7=\"7\"   /></a>",
		/* names with digits, '-', '.', '_' */
		"<a><b-1.x_y z-2.w_v=\"1\"/><_c/></a>",
	};
	static const char *const no[] = {
		"<a><b v=\"1\" v=\"2\"/></a>",
		"<a xmlns:p=\"urn:w\" xmlns:q=\"urn:w\"><b p:v=\"1\" q:v=\"2\"/></a>",
		"<a><b p:v=\"1\"/></a>",
		"<a><p:b/></a>",
		"<a><b v=\"x<y\"/></a>",
		"<a><b v=\"x\ty\"/></a>",
		"<a><b v=\"1\"w=\"2\"/></a>",
		"<a><b v=\"&nbsp;\"/></a>",
		"<a><b v=\"\xC3(\"/></a>",
		"<a><b v=\"1\"></c></a>",
		"<a><b:c:d/></a>",
		"<a><xmlns:b/></a>",
		"<a><b v=1/></a>",
		"<a><b v=\"1\" / ></a>",
		"<a><b/ ></a>",
		"<a><b v=\"1\"",
		"<a><b v=\"1",
		"<a><b",
		"<a><1b/></a>",
		"<a><b 1v=\"1\"/></a>",
		"<a><b :v=\"1\"/></a>",
		/* long names too: a second colon, an end tag one byte off, a duplicate */
		"<a><abcdefghijklmnopqrstuvwxyz:ABCDEFGHIJK:LMNOPQRSTU/></a>",
		"<a><abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTU></abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTV></a>",
		"<a><b abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTU=\"1\" abcdefghijklmnopqrstuvwxyz.ABCDEFGHIJKLMNOPQRSTU=\"2\"/></a>",
	};
	for (size_t i = 0; i < N(ok); i++) {
		char *x = S_padded(ok[i]);
		char *f = S_fast(x), *s = S_slow(x);
		T_OK(f != NULL, "case %zu not taken by the fast pass", i);
		T_OK(s != NULL, "case %zu refused by the reader", i);
		if (f && s)
			T_OK(strcmp(f, s) == 0, "case %zu:\nfast:\n%sreader:\n%s", i, f, s);
		free(f);
		free(s);
		free(x);
	}
	for (size_t i = 0; i < N(no); i++) {
		for (int pad = 0; pad < 2; pad++) {
			char *x = pad ? S_padded(no[i]) : strdup(no[i]);
			char *f = S_fast(x);
			T_OK(f == NULL, "case %zu (pad %d) taken by the fast pass:\n%s", i, pad, f ? f : "");
			free(f);
			free(x);
		}
	}
}

/* Skipping: a callback returning TL_XEV_SKIP for each non-empty element
 * named "s" sees what one that ignores the inside of those elements itself
 * sees, and the pass takes or leaves the part exactly as without skipping. */
typedef struct S_skiplog {
	S_log l;
	int skip; /* 1: answer TL_XEV_SKIP; 0: ignore the inside here */
	int32_t in; /* depth of the element being ignored, -1 */
} S_skiplog;

static int S_put_skipping(void *ctx, const tl_xev *ev)
{
	S_skiplog *k = ctx;
	if (k->in >= 0) {
		if (ev->type != TL_XEV_END || ev->depth != k->in)
			return 0;
		k->in = -1;
	}
	S_put(&k->l, ev);
	if (ev->type == TL_XEV_START && !ev->empty && strcmp(ev->ln, "s") == 0) {
		if (k->skip)
			return TL_XEV_SKIP;
		k->in = ev->depth;
	}
	return 0;
}

static int S_skip_run(const char *xml, int skip, unsigned max_depth, char **log)
{
	S_skiplog k = {{TL_BUF_INIT(1 << 20), 0}, skip, -1};
	int rc = tl_xev_parse(xml, strlen(xml), &S_spec, max_depth, 64, S_put_skipping, &k);
	*log = tl_buf_detach(&k.l.b, NULL);
	return rc;
}

static void test_a_skipped_subtree_is_checked_as_closely_as_a_read_one(void)
{
	static const struct {
		const char *xml;
		int taken;
	} cases[] = {
		/* nested elements of the same name, text and references inside */
		{"<a><s v=\"1\"><b/><s><s/>t</s><c v=\"&amp;\">x&lt;</c></s><d/>after</a>", 1},
		/* self-closing and empty ones: nothing to skip */
		{"<a><s/><s></s><s v=\"x\"/><b>t</b></a>", 1},
		/* a declaration inside a skipped element binds only there */
		{"<a xmlns:p=\"urn:w\"><s xmlns:p=\"urn:mc\"><p:b p:v=\"1\"/></s><p:c p:v=\"2\"/></a>", 1},
		/* the root itself */
		{"<s><b><c/></b></s>", 1},
		/* what the pass leaves to the reader is left inside a skipped element too */
		{"<a><s><!-- a comment --></s></a>", 0},
		{"<a><s><?pi x?></s></a>", 0},
		{"<a><s><![CDATA[x]]></s></a>", 0},
		{"<a><s>&nbsp;</s></a>", 0},
		{"<a><s>\x01</s></a>", 0},
		{"<a><s><b>\xC3</b></s></a>", 0},
		{"<a><s><b v=\"1\" v=\"2\"/></s></a>", 0},
		{"<a><s><p:b/></s></a>", 0},
		{"<a><s><b v=\"x<y\"/></s></a>", 0},
		{"<a><s><b></c></s></a>", 0},
		{"<a><s><s></s></a>", 0},
		{"<a><s>x ]]> y</s></a>", 0},
		/* a text over the cap (64 here) inside */
		{"<a><s>12345678901234567890123456789012345678901234567890123456789012345</s></a>", 0},
		/* truncated inside */
		{"<a><s><b>", 0},
		{"<a><s><b v=\"1", 0},
		{"<a><s>text", 0},
		{"<a><s></s", 0},
	};
	for (size_t i = 0; i < N(cases); i++) {
		for (int pad = 0; pad < 2; pad++) {
			char *x = pad ? S_padded(cases[i].xml) : strdup(cases[i].xml);
			char *a, *b;
			int ra = S_skip_run(x, 1, 256, &a), rb = S_skip_run(x, 0, 256, &b);
			T_INT(ra, cases[i].taken);
			T_INT(rb, cases[i].taken);
			if (ra && rb)
				T_OK(strcmp(a, b) == 0, "case %zu (pad %d):\nskipping:\n%signoring:\n%s", i, pad, a, b);
			free(a);
			free(b);
			free(x);
		}
	}
	/* nesting near the depth cap inside a skipped element */
	char deep[2400] = "<s>";
	for (int i = 0; i < 200; i++)
		strcat(deep, "<b>");
	for (int i = 0; i < 200; i++)
		strcat(deep, "</b>");
	strcat(deep, "</s>");
	char *a, *b;
	T_INT(S_skip_run(deep, 1, 256, &a), 1);
	T_INT(S_skip_run(deep, 0, 256, &b), 1);
	T_STR(a, b);
	free(a);
	free(b);
	T_INT(S_skip_run(deep, 1, 150, &a), 0);
	T_INT(S_skip_run(deep, 0, 150, &b), 0);
	free(a);
	free(b);
}

/* drop_other: elements whose name_id is 0 are left out, with their own
 * text; the rest is what the reader shows. */
static int S_id_b_only(int ns, const char *uri, const char *ln)
{
	(void)ns, (void)uri;
	return strcmp(ln, "b") == 0 ? 7 : strcmp(ln, "a") == 0 ? 3 : 0;
}

static const tl_xspec S_spec_drop = {S_ns, 3, 0, 3, NULL, 2, S_understood, 1, S_id_b_only, 1};
static const tl_xspec S_spec_keep = {S_ns, 3, 0, 3, NULL, 2, S_understood, 1, S_id_b_only, 0};

typedef struct S_droplog {
	S_log l;
	int32_t drop[64]; /* depths of left-out elements: their own text goes too */
	int ndrop;
} S_droplog;

static int S_put_dropping(void *ctx, const tl_xev *ev)
{
	S_droplog *d = ctx;
	if (ev->type == TL_XEV_START && ev->id == 0) {
		if (!ev->empty && d->ndrop < 64)
			d->drop[d->ndrop++] = ev->depth;
		return 0;
	}
	if (ev->type == TL_XEV_END && ev->id == 0) {
		if (d->ndrop)
			d->ndrop--;
		return 0;
	}
	if (ev->type == TL_XEV_TEXT && d->ndrop && d->drop[d->ndrop - 1] == ev->depth - 1)
		return 0;
	return S_put(&d->l, ev);
}

static void test_elements_without_a_name_id_can_be_left_out(void)
{
	static const char *const cases[] = {
		"<a><b v=\"1\">x<c w=\"2\">y<b>z</b></c><c/></b><d>t</d></a>",
		"<a xmlns:p=\"urn:w\"><p:c p:v=\"1\"><b/></p:c><verylongname-over-sixteen><b/></verylongname-over-sixteen></a>",
	};
	for (size_t i = 0; i < N(cases); i++) {
		for (int pad = 0; pad < 2; pad++) {
			char *x = pad ? S_padded(cases[i]) : strdup(cases[i]);
			S_log a = {TL_BUF_INIT(1 << 20), 0};
			S_droplog b = {{TL_BUF_INIT(1 << 20), 0}, {0}, 0};
			T_INT(tl_xev_parse(x, strlen(x), &S_spec_drop, 256, 1000, S_put, &a), 1);
			T_INT(tl_xev_parse(x, strlen(x), &S_spec_keep, 256, 1000, S_put_dropping, &b), 1);
			char *sa = tl_buf_detach(&a.b, NULL), *sb = tl_buf_detach(&b.l.b, NULL);
			T_OK(sa && sb && strcmp(sa, sb) == 0, "case %zu (pad %d):\nleft out:\n%sfiltered:\n%s", i,
			     pad, sa ? sa : "", sb ? sb : "");
			T_OK(sa && !strstr(sa, ":c") && strstr(sa, ":b"), "case %zu: %s", i, sa ? sa : "");
			free(sa);
			free(sb);
			free(x);
		}
	}
}

/* TL_XEV_NOTEXT: the text directly inside the element goes, nothing else. */
static int S_put_notext(void *ctx, const tl_xev *ev)
{
	S_put(ctx, ev);
	return ev->type == TL_XEV_START && strcmp(ev->ln, "n") == 0 ? TL_XEV_NOTEXT : 0;
}

typedef struct S_ntlog {
	S_log l;
	int32_t n[64]; /* depths of open "n" elements */
	int nn;
} S_ntlog;

static int S_put_filtering(void *ctx, const tl_xev *ev)
{
	S_ntlog *k = ctx;
	if (ev->type == TL_XEV_TEXT && k->nn && k->n[k->nn - 1] == ev->depth - 1)
		return 0;
	if (ev->type == TL_XEV_START && !ev->empty && strcmp(ev->ln, "n") == 0 && k->nn < 64)
		k->n[k->nn++] = ev->depth;
	else if (ev->type == TL_XEV_END && k->nn && k->n[k->nn - 1] == ev->depth)
		k->nn--;
	return S_put(&k->l, ev);
}

static void test_a_callback_can_refuse_an_elements_own_text(void)
{
	static const char *const cases[] = {
		"<a>\n  <n>\n    <b>kept</b> gone <n/> gone too <c><n>x</n>y</c>\n  </n>\n  <b>z</b> t </a>",
		"<a><n a=\"1\">&amp; gone<n>also gone<b>kept &lt;</b></n>\xC3\xA9</n></a>",
	};
	for (size_t i = 0; i < N(cases); i++) {
		for (int pad = 0; pad < 2; pad++) {
			char *x = pad ? S_padded(cases[i]) : strdup(cases[i]);
			S_log a = {TL_BUF_INIT(1 << 20), 0};
			S_ntlog b = {{TL_BUF_INIT(1 << 20), 0}, {0}, 0};
			T_INT(tl_xev_parse(x, strlen(x), &S_spec, 256, 1000, S_put_notext, &a), 1);
			T_INT(tl_xev_parse(x, strlen(x), &S_spec, 256, 1000, S_put_filtering, &b), 1);
			char *sa = tl_buf_detach(&a.b, NULL), *sb = tl_buf_detach(&b.l.b, NULL);
			T_OK(sa && sb && strcmp(sa, sb) == 0, "case %zu (pad %d):\nrefused:\n%sfiltered:\n%s", i,
			     pad, sa ? sa : "", sb ? sb : "");
			T_OK(sa && strstr(sa, "kept") && !strstr(sa, "gone"), "case %zu: %s", i, sa ? sa : "");
			free(sa);
			free(sb);
			free(x);
		}
	}
}

int main(void)
{
	tl_xml_init();
	test_taken_parts_read_as_the_reader_reads_them();
	test_anything_else_is_left_to_the_reader();
	test_caps_are_left_to_the_reader();
	test_a_callback_stops_the_pass();
	test_the_quick_way_through_start_tags_agrees_with_the_reader();
	test_a_skipped_subtree_is_checked_as_closely_as_a_read_one();
	test_elements_without_a_name_id_can_be_left_out();
	test_a_callback_can_refuse_an_elements_own_text();
	return T_DONE();
}
