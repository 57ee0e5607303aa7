/* run_annotations: runs tests/spec/annotations.tsv.  Each row is a sentence
 * annotated after the rule self-test preamble of its language; the runner
 * compares modality, bound role, passive, exceptions, quantities, vague
 * time, efforts and negation with the expected values, prints the share
 * correct per column and overall, and fails when the overall share is below
 * --floor (percent).  An optional twelfth column, scope, lists words that
 * must be inside (+word) or outside (-word) the negation's scope
 * (TL_TOK_NEG_SCOPE, what context tags ignore); every such cell must be
 * right.  -v prints every mismatch with the annotation. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"

#define NCOL 8
static const char *const S_cols[NCOL] = {"modality", "bound",      "passive", "exceptions",
                                         "quantities", "vague", "efforts", "negated"};

static void S_exc(const tl_sentence *s, char *out, size_t size)
{
	out[0] = '\0';
	if (!s->nexc) {
		snprintf(out, size, "none");
		return;
	}
	for (uint32_t i = 0; i < s->nexc; i++) {
		size_t l = strlen(out);
		snprintf(out + l, size - l, "%s%s", i ? "," : "", tl_exc_kind_name(s->exc[i].kind));
	}
}

static void S_quant(const tl_sentence *s, char *out, size_t size)
{
	out[0] = '\0';
	if (!s->nq) {
		snprintf(out, size, "-");
		return;
	}
	for (uint32_t i = 0; i < s->nq; i++) {
		size_t l = strlen(out);
		const tl_quantity *q = &s->q[i];
		const char *sep = i ? "," : "";
		switch (q->kind) {
		case TL_Q_DURATION: snprintf(out + l, size - l, "%sh:%g", sep, q->value); break;
		case TL_Q_MONEY:
			snprintf(out + l, size - l, "%smoney:%g:%s", sep, q->value, q->currency ? q->currency : "");
			break;
		case TL_Q_PERCENT: snprintf(out + l, size - l, "%spercent:%g", sep, q->value); break;
		default: snprintf(out + l, size - l, "%scount:%g", sep, q->value); break;
		}
	}
}

/* The scope cell: "+w1,-w2": each word (a token's fold, the first token with
 * that fold) inside (+) or outside (-) the negation scope.  Writes the words
 * that are wrong to bad; returns 1 when all are right. */
static int S_scope_ok(const tl_sentence *s, const char *want, char *bad, size_t size)
{
	bad[0] = '\0';
	int ok = 1;
	char buf[512];
	snprintf(buf, sizeof buf, "%s", want);
	for (char *w = strtok(buf, ","); w; w = strtok(NULL, ",")) {
		int in = w[0] == '+';
		if (w[0] != '+' && w[0] != '-')
			return 0;
		int found = -1;
		for (uint32_t i = 0; s && i < s->ntok && found < 0; i++)
			if (!strcmp(s->tok[i].fold, w + 1))
				found = (s->tok[i].flags & TL_TOK_NEG_SCOPE) != 0;
		if (found != in) {
			size_t l = strlen(bad);
			snprintf(bad + l, size - l, "%s%s%s", l ? "," : "", w, found < 0 ? "(absent)" : "");
			ok = 0;
		}
	}
	return ok;
}

/* Quantity lists compare item by item, numbers with a small tolerance. */
static int S_quant_eq(const char *got, const char *want)
{
	while (*got && *want) {
		const char *ge = strchr(got, ','), *we = strchr(want, ',');
		size_t gl = ge ? (size_t)(ge - got) : strlen(got), wl = we ? (size_t)(we - want) : strlen(want);
		const char *gc = memchr(got, ':', gl), *wc = memchr(want, ':', wl);
		if (!gc || !wc) {
			if (gl != wl || strncmp(got, want, gl))
				return 0;
		} else {
			if (gc - got != wc - want || strncmp(got, want, (size_t)(gc - got)))
				return 0;
			char *gend, *wend;
			double g = strtod(gc + 1, &gend), w = strtod(wc + 1, &wend);
			if (fabs(g - w) > 1e-6 * (fabs(w) + 1))
				return 0;
			size_t gr = gl - (size_t)(gend - got), wr = wl - (size_t)(wend - want);
			if (gr != wr || strncmp(gend, wend, gr))
				return 0;
		}
		got += gl + (ge ? 1 : 0);
		want += wl + (we ? 1 : 0);
	}
	return *got == *want;
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	double floor_pct = 95.0;
	int verbose = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--floor") && i + 1 < argc)
			floor_pct = atof(argv[++i]);
		else if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else
			path = argv[i];
	}
	FILE *f = path ? fopen(path, "r") : NULL;
	if (!f) {
		fprintf(stderr, "usage: run_annotations annotations.tsv [--floor PCT] [-v]\n");
		return 2;
	}
	char line[4096];
	int rows = 0, rows_ok = 0, ok[NCOL] = {0}, nl = 0, en = 0, lineno = 0;
	int scope_rows = 0, scope_ok = 0;
	int header_seen = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		if (!header_seen) {
			header_seen = 1; /* column names */
			continue;
		}
		char *fld[12];
		int n = 0;
		for (char *p = line; n < 12;) {
			fld[n++] = p;
			char *t = strchr(p, '\t');
			if (!t)
				break;
			*t = '\0';
			p = t + 1;
		}
		if (n != 11 && n != 12) {
			fprintf(stderr, "%s:%d: expected 11 or 12 columns, got %d\n", path, lineno, n);
			fclose(f);
			return 2;
		}
		int is_nl = !strcmp(fld[0], "nl");
		nl += is_nl;
		en += !is_nl;
		char doc_text[6000];
		snprintf(doc_text, sizeof doc_text, "%s%s\n", is_nl ? fx_pre_nl : fx_pre_en, fld[2]);
		tl_document *doc;
		tl_annotated *a = fx_annotate(doc_text, &doc);
		rows++;
		if (!a) {
			fprintf(stderr, "%s:%d: annotation failed\n", path, lineno);
			tl_document_free(doc);
			continue;
		}
		/* the example is the last paragraph; its unit number fld[1] */
		size_t np;
		tl_document_paras(doc, &np);
		uint32_t first = a->para_sent[np - 1], last = a->para_sent[np];
		uint32_t unit = (uint32_t)atoi(fld[1]);
		const tl_sentence *s = first + unit < last ? &a->sent[first + unit] : NULL;
		char got[NCOL][256];
		if (s) {
			snprintf(got[0], 256, "%s", tl_modality_name(s->modality));
			snprintf(got[1], 256, "%s", tl_role_name(s->bound));
			snprintf(got[2], 256, "%s", (s->flags & TL_SENT_PASSIVE) ? "yes" : "no");
			S_exc(s, got[3], 256);
			S_quant(s, got[4], 256);
			snprintf(got[5], 256, "%s", (s->flags & TL_SENT_VAGUE_TIME) ? "yes" : "no");
			snprintf(got[6], 256, "%s", (s->flags & TL_SENT_EFFORTS) ? "yes" : "no");
			snprintf(got[7], 256, "%s", (s->flags & TL_SENT_NEGATED) ? "yes" : "no");
		} else {
			for (int c = 0; c < NCOL; c++)
				snprintf(got[c], 256, "(no unit %u)", unit);
		}
		int all = 1;
		for (int c = 0; c < NCOL; c++) {
			const char *want = fld[3 + c];
			int eq = c == 4 ? S_quant_eq(got[c], want) : !strcmp(got[c], want);
			ok[c] += eq;
			all &= eq;
			if (!eq && verbose)
				fprintf(stderr, "%s:%d: %s: got %s, want %s: %s\n", path, lineno, S_cols[c], got[c],
				        want, fld[2]);
		}
		if (n == 12 && strcmp(fld[11], "-")) {
			char bad[512];
			int sok = S_scope_ok(s, fld[11], bad, sizeof bad);
			scope_rows++;
			scope_ok += sok;
			all &= sok;
			if (!sok && verbose)
				fprintf(stderr, "%s:%d: scope: wrong %s: %s\n", path, lineno, bad, fld[2]);
		}
		rows_ok += all;
		if (!all && verbose && s)
			tl_annot_dump_sentence(a, first + unit, stderr);
		tl_annotated_free(a);
		tl_document_free(doc);
	}
	fclose(f);
	if (rows == 0) {
		fprintf(stderr, "%s: no rows\n", path);
		return 2;
	}
	int cells = 0;
	printf("annotations.tsv: %d rows (%d nl, %d en)\n", rows, nl, en);
	for (int c = 0; c < NCOL; c++) {
		printf("  %-11s %3d/%d  %5.1f%%\n", S_cols[c], ok[c], rows, 100.0 * ok[c] / rows);
		cells += ok[c];
	}
	double overall = 100.0 * cells / (rows * NCOL);
	printf("  cells       %d/%d  %5.1f%%\n", cells, rows * NCOL, overall);
	printf("  scope       %d/%d rows\n", scope_ok, scope_rows);
	printf("  rows        %d/%d  %5.1f%% fully correct\n", rows_ok, rows, 100.0 * rows_ok / rows);
	if (scope_ok < scope_rows) {
		printf("FAIL: %d scope cells wrong\n", scope_rows - scope_ok);
		return 1;
	}
	if (overall < floor_pct) {
		printf("FAIL: %.1f%% is below the floor of %.1f%%\n", overall, floor_pct);
		return 1;
	}
	return 0;
}
