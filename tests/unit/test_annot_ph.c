/* test_annot_ph.c: tl_placeholders_para's quick scan (sixteen bytes at a
 * time, letters inside a word passed over, a word's end found at once when
 * it can no longer be a blank) finds exactly the placeholders the plain
 * byte-by-byte scan finds (tl_ph_plain): on texts built to hold blanks of
 * every kind at every offset of a 16-byte block, on random texts made of the
 * bytes the scan looks at, and on the samples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "harness.h"
#include "tenderlint.h"

static tl_text *S_txt;

/* The placeholders of text in both ways; the number of differences. */
static int S_same(const char *text, size_t len, uint32_t *found)
{
	tl_para para;
	memset(&para, 0, sizeof para);
	para.kind = TL_PARA_BODY;
	para.text = text;
	para.len = len;
	tl_ph_vec v[2] = {{NULL, 0, 0}, {NULL, 0, 0}};
	for (int k = 0; k < 2; k++) {
		tl_ph_plain = k;
		T_INT(tl_placeholders_para(S_txt, &para, 7, &v[k]), 0);
	}
	tl_ph_plain = 0;
	int d = v[0].n != v[1].n;
	for (uint32_t i = 0; !d && i < v[0].n; i++)
		d = v[0].v[i].para != v[1].v[i].para || v[0].v[i].start != v[1].v[i].start ||
		    v[0].v[i].end != v[1].v[i].end;
	if (d)
		fprintf(stderr, "differs on \"%.*s\": %u vs %u placeholders\n", (int)len, text, v[0].n,
		        v[1].n);
	*found += v[0].n;
	free(v[0].v);
	free(v[1].v);
	return d;
}

static void S_built(void)
{
	static const char *const pieces[] = {
		"[NAAM LEVERANCIER]", "NAAM_HIER", "XX-XX-XXXX", "dd-mm-jjjj", "dd-mm-yyyy", "xxx",
		"XX", "{{klant}}", "<naam gemeente>", ".....", "_____", "\xe2\x80\xa6\xe2\x80\xa6",
		"[ ] In perpetuity", "- [ ] keuze", "[x]", "[1]", "a < b en c > d", "Opdrachtnemer",
		"d_____", "Bedrijf-XX", "ABC_DEF", "abc_DEF", "x_x", "XXXX", "dd-mm-jjjjj", "[...]",
		"[insert date]", "[!NOTE]", "Dxx", "dXX", "2023-XX", "A.B.C.", "e-mail", "_X_"};
	uint32_t differ = 0, found = 0;
	char buf[256];
	for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++)
		for (int off = 0; off < 20; off++) {
			int n = snprintf(buf, sizeof buf, "%.*s%s en %s.", off,
			                 "De opdrachtnemer levert de dienst", pieces[k],
			                 pieces[(k + 1) % (sizeof pieces / sizeof *pieces)]);
			differ += (uint32_t)S_same(buf, (size_t)n, &found);
			n = snprintf(buf, sizeof buf, "%.*s%s", off, "abcdefghijklmnopqrstu", pieces[k]);
			differ += (uint32_t)S_same(buf, (size_t)n, &found);
		}
	T_INT(differ, 0);
	T_OK(found > 500, "placeholders found: %u", found);
}

static void S_random(void)
{
	static const char alphabet[] = "AXxdDam_-/.[]{}<> 0\xe2\x80\xa6Zz9jy";
	uint32_t seed = 12345, differ = 0, found = 0;
	char buf[400];
	for (int r = 0; r < 20000; r++) {
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % (sizeof buf);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		differ += (uint32_t)S_same(buf, len, &found);
	}
	T_INT(differ, 0);
	T_OK(found > 10000, "placeholders found: %u", found);
}

static void S_samples(void)
{
	static const char *const samples[] = {"vendor-red-flags-en.docx", "verwerkersovereenkomst-nl.docx",
	                                      "overeenkomst-compliant-nl.docx", "saas-contract-en.odt",
	                                      "aanbesteding-eisen-nl.odt", "sensoren-camera-nl.odt"};
	uint32_t differ = 0, found = 0, paras = 0;
	for (size_t k = 0; k < sizeof samples / sizeof *samples; k++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/samples/%s", TL_SOURCE_DIR, samples[k]);
		tl_read_options ro = TL_READ_OPTIONS_INIT;
		tl_document *d = NULL;
		tl_error err = TL_ERROR_INIT;
		T_INT(tl_document_read(&d, path, &ro, &err), 0);
		size_t np = 0;
		const tl_para *p = d ? tl_document_paras(d, &np) : NULL;
		for (size_t i = 0; i < np; i++, paras++)
			differ += (uint32_t)S_same(p[i].text, p[i].len, &found);
		tl_document_free(d);
	}
	T_INT(differ, 0);
	T_OK(paras > 200, "paragraphs: %u", paras);
}

/* tl_disown_text = strstr for both phrases, at every offset and on random
 * texts of the bytes it looks at. */
static void S_disown(void)
{
	static const char alphabet[] = "VDEWRIJTHS ve\xe2";
	static const char *const pieces[] = {"VERWIJDER DIT", "DELETE THIS", "VERWIJDER DI",
	                                     "DELETE THI", "VERWIJDER  DIT", "DELETE this"};
	uint32_t seed = 777, differ = 0, yes = 0;
	char buf[300];
	for (int r = 0; r < 30000; r++) {
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % 120;
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		if (r % 3 == 0 && len + 16 < sizeof buf) {
			const char *pc = pieces[(seed >> 8) % 6];
			size_t at = len ? (seed >> 4) % len : 0, pl = strlen(pc);
			memmove(buf + at + pl, buf + at, len - at);
			memcpy(buf + at, pc, pl);
			len += pl;
		}
		buf[len] = '\0';
		int want = strstr(buf, "VERWIJDER DIT") || strstr(buf, "DELETE THIS");
		differ += tl_disown_text(buf, len) != want;
		yes += want;
	}
	T_INT(differ, 0);
	T_OK(yes > 3000, "texts that disown: %u", yes);
}

int main(void)
{
	S_disown();
	tl_arena ar;
	tl_arena_init(&ar, 0);
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_text_open(&S_txt, &ar, &err), 0);
	if (S_txt) {
		S_built();
		S_random();
		S_samples();
	}
	tl_text_close(S_txt);
	tl_arena_free(&ar);
	return T_DONE();
}
