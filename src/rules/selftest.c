/* selftest.c: `tenderlint rules test` -- every rule's own examples.
 *
 * Each example becomes a tiny text document: a preamble that defines the
 * parties (per language, or the example's own) and the example sentence as
 * the next paragraph.  Contexts are all forced on unless the example lists
 * its own.  met/partial/violated examples must give exactly that status;
 * "none" examples must give missing.  A failure prints where the example is,
 * what was expected and got, the sentence, and how the annotation layer read
 * it (party, modality, exceptions, quantities, concepts found). */
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "rules/rules.h"
#include "util/buf.h"

static const char *const S_preamble_nl =
	"Opdrachtgever: de Gemeente (hierna: \"Opdrachtgever\"). Opdrachtnemer: de leverancier "
	"(hierna: \"Opdrachtnemer\"). \"Gegevens\": alle gegevens die Opdrachtnemer in het kader van "
	"de Overeenkomst verwerkt.";
static const char *const S_preamble_en =
	"The Municipality (the \"Customer\") and the supplier (the \"Supplier\"). \"Customer Data\" "
	"means all data processed by the Supplier under this Agreement.";

const char *tl_selftest_preamble(tl_lang lang)
{
	return lang == TL_LANG_EN ? S_preamble_en : S_preamble_nl;
}

static const char *S_list_names[] = {"met", "partial", "violated", "none"};
static const int S_expect[] = {TL_RS_MET, TL_RS_PARTIAL, TL_RS_VIOLATED, TL_RS_MISSING};

/* Builds the document: preamble paragraph, example paragraph. */
static int S_doc(tl_document **out, const char *name, const char *preamble, const char *text,
                 tl_error *err)
{
	tl_limits lim = TL_LIMITS_INIT;
	tl_document *d = tl_doc_new(name, TL_FORMAT_TEXT, &lim);
	if (!d)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	int32_t pi = 0;
	if (preamble && *preamble &&
	    !tl_doc_add_para(d, TL_PARA_BODY, "text", pi++, preamble, strlen(preamble), err)) {
		tl_document_free(d);
		return err ? err->code : TL_ENOMEM;
	}
	if (!tl_doc_add_para(d, TL_PARA_BODY, "text", pi, text, strlen(text), err) ||
	    tl_doc_finish(d, err) != 0) {
		tl_document_free(d);
		return err && err->code ? err->code : TL_ENOMEM;
	}
	*out = d;
	return 0;
}

/* How the annotation layer read the example's sentences, and what matched. */
static void S_explain(tl_buf *b, const tl_match *m, int32_t para, int rule)
{
	const tl_annotated *a = m->a;
	const tl_ruleset *rs = m->rs;
	for (uint32_t i = 0; i < a->nsent; i++) {
		const tl_sentence *s = &a->sent[i];
		if (s->para != para)
			continue;
		tl_buf_printf(b, "%s[%s %s %s", b->len ? "; " : "", tl_lang_name(s->lang),
		              tl_role_name(s->bound), tl_modality_name(s->modality));
		if (s->flags & TL_SENT_PASSIVE)
			tl_buf_puts(b, " passive");
		if (s->flags & TL_SENT_NEGATED)
			tl_buf_puts(b, " negated");
		if (s->flags & TL_SENT_VAGUE_TIME)
			tl_buf_puts(b, " vague");
		if (s->flags & TL_SENT_EFFORTS)
			tl_buf_puts(b, " efforts");
		if (s->flags & (TL_SENT_NONOPERATIVE | TL_SENT_HEADING))
			tl_buf_puts(b, " NOT-OPERATIVE");
		for (uint32_t k = 0; k < s->nexc; k++)
			tl_buf_printf(b, " exc=%s", tl_exc_kind_name(s->exc[k].kind));
		for (uint32_t k = 0; k < s->nq; k++)
			tl_buf_printf(b, " q=%g%s", s->q[k].value, s->q[k].kind == TL_Q_DURATION ? "h" : "");
		tl_buf_puts(b, "] concepts:");
		int any = 0;
		for (uint32_t o = m->occ_start[i]; o < m->occ_start[i + 1]; o++) {
			int dup = 0;
			for (uint32_t p = m->occ_start[i]; p < o && !dup; p++)
				dup = m->occ[p].concept == m->occ[o].concept;
			if (!dup) {
				tl_buf_printf(b, "%s%s", any ? "," : " ", rs->concepts[m->occ[o].concept].name);
				any = 1;
			}
		}
		if (!any)
			tl_buf_puts(b, " none");
	}
	const tl_rule_result *r = &m->res[rule];
	for (int l = TL_LIST_MET; l <= TL_LIST_VIOLATED; l++)
		for (uint32_t k = 0; k < r->nev[l]; k++)
			if (a->sent[r->ev[l][k].sent].para == para)
				tl_buf_printf(b, "; matched %s#%d", tl_list_name(l),
				              rs->rules[rule].pat[r->ev[l][k].pattern].index);
	if (r->also_by >= 0)
		tl_buf_printf(b, "; met through also_met_by %s", rs->rules[r->also_by].id);
}

/* Why the expected list's patterns did not match the example's sentences. */
static void S_why_not(tl_buf *b, const tl_match *m, int32_t para, int rule, int list)
{
	const tl_rule *r = &m->rs->rules[rule];
	for (uint32_t k = 0; k < r->npat; k++) {
		const tl_pattern *p = &r->pat[k];
		if (p->list != list)
			continue;
		tl_buf_printf(b, "; %s#%d:", tl_list_name(list), p->index);
		int first = 1;
		for (uint32_t i = 0; i < m->a->nsent; i++)
			if (m->a->sent[i].para == para) {
				tl_buf_puts(b, first ? " " : " / ");
				tl_match_why_not(m, i, p, b);
				first = 0;
			}
	}
}

static int S_one(const tl_ruleset *rs, int rule, tl_lang lang, int list, int n, const cJSON *ex,
                 FILE *out, tl_selftest_stats *st, tl_error *err)
{
	const tl_rule *r = &rs->rules[rule];
	const char *text = cJSON_IsString(ex) ? ex->valuestring : NULL;
	const char *preamble = tl_selftest_preamble(lang);
	const cJSON *ctx = NULL;
	if (cJSON_IsObject(ex)) {
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(ex, "text");
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(ex, "preamble");
		text = cJSON_IsString(t) ? t->valuestring : NULL;
		if (cJSON_IsString(p))
			preamble = p->valuestring;
		ctx = cJSON_GetObjectItemCaseSensitive(ex, "contexts");
	}
	if (!text)
		return 0;
	const char *force[66];
	int nf = 0, force_all = ctx == NULL;
	if (ctx) {
		/* the example's contexts on, every other one off */
		for (uint32_t c = 0; c < rs->ncontexts && nf < 64; c++) {
			int on = 0;
			const cJSON *x;
			cJSON_ArrayForEach(x, ctx) on |= cJSON_IsString(x) && !strcmp(x->valuestring, rs->contexts[c].tag);
			force[nf++] = on ? rs->contexts[c].tag : NULL;
		}
	}
	char offbuf[64][64];
	for (int i = 0; i < nf; i++)
		if (!force[i]) {
			snprintf(offbuf[i], sizeof offbuf[i], "!%s", rs->contexts[i].tag);
			force[i] = offbuf[i];
		}
	force[nf] = NULL;
	tl_document *doc = NULL;
	tl_annotated *a = NULL;
	tl_match *m = NULL;
	int rc = S_doc(&doc, r->id, preamble, text, err);
	if (!rc)
		rc = tl_annotate(&a, doc, err);
	if (!rc)
		rc = tl_match_run(&m, rs, a, force, force_all, rule, err);
	if (rc) {
		tl_annotated_free(a);
		tl_document_free(doc);
		return rc;
	}
	int got = m->res[rule].status;
	int want = S_expect[list];
	if (got == want) {
		st->passed++;
	} else {
		st->failed++;
		tl_buf why = TL_BUF_INIT(1 << 16);
		int32_t para = preamble && *preamble ? 1 : 0;
		S_explain(&why, m, para, rule);
		if (list < 3) /* a met/partial/violated example that did not get its list */
			S_why_not(&why, m, para, rule, list + 1);
		fprintf(out, "%s:%s:%s:%s#%d: expected %s, got %s \xe2\x80\x94 %s (%s)\n", r->file, r->id,
		        tl_lang_name(lang), S_list_names[list], n, want == TL_RS_MISSING ? "missing" : S_list_names[list],
		        tl_rules_status_name(got), text, why.data ? why.data : "");
		tl_buf_free(&why);
	}
	tl_match_free(m);
	tl_annotated_free(a);
	tl_document_free(doc);
	return 0;
}

int tl_rules_selftest(const tl_ruleset *rs, const char *only_rule, tl_lang only_lang, FILE *out,
                      tl_selftest_stats *st, tl_error *err)
{
	memset(st, 0, sizeof *st);
	int found = only_rule == NULL;
	for (uint32_t r = 0; r < rs->nrules; r++) {
		if (only_rule && strcmp(rs->rules[r].id, only_rule) != 0)
			continue;
		found = 1;
		const cJSON *ex = cJSON_GetObjectItemCaseSensitive(rs->rules[r].json, "examples");
		for (int lang = TL_LANG_NL; lang <= TL_LANG_EN; lang++) {
			if (only_lang != TL_LANG_UNKNOWN && (int)only_lang != lang)
				continue;
			const cJSON *byl = cJSON_GetObjectItemCaseSensitive(ex, lang == TL_LANG_NL ? "nl" : "en");
			for (int l = 0; l < 4; l++) {
				const cJSON *lst = cJSON_GetObjectItemCaseSensitive(byl, S_list_names[l]), *e;
				int n = 0;
				cJSON_ArrayForEach(e, lst)
				{
					int rc = S_one(rs, (int)r, (tl_lang)lang, l, n++, e, out, st, err);
					if (rc)
						return rc;
				}
			}
		}
	}
	if (!found)
		return tl_error_set(err, TL_EINVAL, "no rule '%s' in the ruleset", only_rule);
	fprintf(out, "%d passed, %d failed\n", st->passed, st->failed);
	return 0;
}

int tl_ruleset_try(const tl_ruleset *rs, const char *text, const char *lang, const char *rule_id,
                   FILE *out, tl_error *err)
{
	tl_lang l = lang && !strcmp(lang, "en") ? TL_LANG_EN : TL_LANG_NL;
	int only = -1;
	if (rule_id && (only = tl_rules_find(rs, rule_id)) < 0)
		return tl_error_set(err, TL_EINVAL, "no rule '%s' in the ruleset", rule_id);
	tl_document *doc = NULL;
	tl_annotated *a = NULL;
	tl_match *m = NULL;
	int rc = S_doc(&doc, "try", tl_selftest_preamble(l), text, err);
	if (!rc)
		rc = tl_annotate(&a, doc, err);
	if (!rc)
		rc = tl_match_run(&m, rs, a, NULL, 1, only, err);
	if (!rc) {
		int shown = 0;
		for (uint32_t r = 0; r < rs->nrules; r++) {
			int st = m->res[r].status;
			if (only >= 0 ? (int)r != only : (st == TL_RS_MISSING || st == TL_RS_NA))
				continue;
			tl_buf why = TL_BUF_INIT(1 << 16);
			S_explain(&why, m, 1, (int)r);
			for (int li = TL_LIST_MET; only >= 0 && li <= TL_LIST_VIOLATED; li++)
				S_why_not(&why, m, 1, (int)r, li);
			fprintf(out, "%s: %s (%s)\n", rs->rules[r].id, tl_rules_status_name(st),
			        why.data ? why.data : "");
			tl_buf_free(&why);
			shown++;
		}
		if (!shown) {
			tl_buf why = TL_BUF_INIT(1 << 16);
			S_explain(&why, m, 1, 0);
			/* the rule part of the explanation is empty for a missing rule 0 */
			fprintf(out, "no rule fires (%s)\n", why.data ? why.data : "");
			tl_buf_free(&why);
		}
	}
	tl_match_free(m);
	tl_annotated_free(a);
	tl_document_free(doc);
	return rc;
}
