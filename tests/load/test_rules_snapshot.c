/* test_rules_snapshot: the built-in ruleset's build-time image
 * (src/rules/snapshot.h), which `check` maps instead of loading the JSON,
 * is the ruleset the loader builds now: every table compared field by
 * field (concepts, contexts, rules and patterns, frameworks, clauses,
 * terms and their words, the term index, the triggers, the rules' JSON),
 * and the reports of both on the sample contracts byte for byte.  Links
 * the image the way the tenderlint executable does.  A build whose
 * generator writes no image (a sanitizer build) checks that the check
 * loads the JSON instead. */
#include <stdlib.h>
#include <string.h>

#include "cJSON.h"
#include "harness.h"
#include "report_fixture.h"
#include "rules/index_int.h"
#include "rules/rules.h"
#include "rules/snapshot.h"
#include "tenderlint.h"

static unsigned S_bad;
static char S_first[256];

static void S_diff(const char *what, uint32_t i)
{
	if (!S_bad++)
		snprintf(S_first, sizeof S_first, "%s [%u]", what, i);
}

#define EQ(what, i, x, y)            \
	do {                         \
		if ((x) != (y))      \
			S_diff(what, i); \
	} while (0)

static void S_str(const char *what, uint32_t i, const char *a, const char *b)
{
	if (!a != !b || (a && strcmp(a, b)))
		S_diff(what, i);
}

static void S_ints(const char *what, uint32_t i, const int32_t *a, const int32_t *b, uint32_t n)
{
	if (n && (!a || !b || memcmp(a, b, n * sizeof *a)))
		S_diff(what, i);
}

static void S_json(const char *what, uint32_t i, const cJSON *a, const cJSON *b)
{
	if (!a != !b || (a && !cJSON_Compare(a, b, 1)))
		S_diff(what, i);
}

static void S_pattern(uint32_t r, const tl_pattern *p, const tl_pattern *q)
{
	EQ("pattern nall", r, p->nall, q->nall);
	EQ("pattern nany", r, p->nany, q->nany);
	EQ("pattern nnone", r, p->nnone, q->nnone);
	S_ints("pattern all", r, p->all, q->all, p->nall);
	S_ints("pattern any", r, p->any, q->any, p->nany);
	S_ints("pattern none", r, p->none, q->none, p->nnone);
	EQ("pattern party", r, p->party, q->party);
	EQ("pattern modmask", r, p->modmask, q->modmask);
	EQ("pattern excmask", r, p->excmask, q->excmask);
	EQ("pattern vague", r, p->vague, q->vague);
	EQ("pattern efforts", r, p->efforts, q->efforts);
	EQ("pattern negated", r, p->negated, q->negated);
	EQ("pattern near", r, p->near, q->near);
	EQ("pattern clause_scope", r, p->clause_scope, q->clause_scope);
	EQ("pattern ndoc_has", r, p->ndoc_has, q->ndoc_has);
	S_ints("pattern doc_has", r, p->doc_has, q->doc_has, p->ndoc_has);
	EQ("pattern ndoc_lacks", r, p->ndoc_lacks, q->ndoc_lacks);
	S_ints("pattern doc_lacks", r, p->doc_lacks, q->doc_lacks, p->ndoc_lacks);
	EQ("pattern downgrades", r, p->downgrades, q->downgrades);
	EQ("pattern list", r, p->list, q->list);
	EQ("pattern rule", r, p->rule, q->rule);
	EQ("pattern index", r, p->index, q->index);
	EQ("pattern gidx", r, p->gidx, q->gidx);
	if (memcmp(&p->q, &q->q, sizeof p->q))
		S_diff("pattern q", r);
	for (int l = 0; l < 3; l++)
		S_str("pattern why", r, p->why[l], q->why[l]);
}

static void S_rules(const tl_ruleset *a, const tl_ruleset *b)
{
	EQ("nrules", 0, a->nrules, b->nrules);
	for (uint32_t r = 0; r < a->nrules && r < b->nrules; r++) {
		const tl_rule *x = &a->rules[r], *y = &b->rules[r];
		S_str("rule id", r, x->id, y->id);
		S_str("rule area", r, x->area, y->area);
		S_str("rule file", r, x->file, y->file);
		EQ("rule severity", r, x->severity, y->severity);
		EQ("rule applies_always", r, x->applies_always, y->applies_always);
		EQ("rule napp_any", r, x->napp_any, y->napp_any);
		EQ("rule napp_all", r, x->napp_all, y->napp_all);
		EQ("rule napp_mentions", r, x->napp_mentions, y->napp_mentions);
		S_ints("rule app_any", r, x->app_any, y->app_any, x->napp_any);
		S_ints("rule app_all", r, x->app_all, y->app_all, x->napp_all);
		S_ints("rule app_mentions", r, x->app_mentions, y->app_mentions, x->napp_mentions);
		EQ("rule npat", r, x->npat, y->npat);
		for (uint32_t i = 0; i < x->npat && i < y->npat; i++)
			S_pattern(r, &x->pat[i], &y->pat[i]);
		EQ("rule nalso", r, x->nalso, y->nalso);
		S_ints("rule also", r, x->also, y->also, x->nalso);
		S_str("rule clause", r, x->clause, y->clause);
		for (int l = 0; l < 3; l++)
			S_str("rule reason_missing", r, x->reason_missing[l], y->reason_missing[l]);
		S_json("rule json", r, x->json, y->json);
	}
}

static void S_concepts(const tl_ruleset *a, const tl_ruleset *b)
{
	EQ("nconcepts", 0, a->nconcepts, b->nconcepts);
	for (uint32_t i = 0; i < a->nconcepts && i < b->nconcepts; i++) {
		const tl_concept *x = &a->concepts[i], *y = &b->concepts[i];
		S_str("concept name", i, x->name, y->name);
		EQ("concept defined_terms", i, x->defined_terms, y->defined_terms);
		EQ("concept not_party", i, x->not_party, y->not_party);
		EQ("concept by_reference", i, x->by_reference, y->by_reference);
		EQ("concept nanc", i, x->nanc, y->nanc);
		S_ints("concept anc", i, x->anc, y->anc, x->nanc);
		EQ("concept ninc", i, x->ninc, y->ninc);
		S_ints("concept inc", i, x->inc, y->inc, x->ninc);
		if (memcmp(x->nterms, y->nterms, sizeof x->nterms))
			S_diff("concept nterms", i);
	}
	EQ("ncontexts", 0, a->ncontexts, b->ncontexts);
	for (uint32_t i = 0; i < a->ncontexts && i < b->ncontexts; i++) {
		const tl_context_def *x = &a->contexts[i], *y = &b->contexts[i];
		S_str("context tag", i, x->tag, y->tag);
		EQ("context nany", i, x->nany, y->nany);
		S_ints("context any", i, x->any, y->any, x->nany);
		EQ("context min_mentions", i, x->min_mentions, y->min_mentions);
		for (int l = 0; l < 3; l++)
			S_str("context title", i, x->title[l], y->title[l]);
		EQ("context nnone", i, x->nnone, y->nnone);
		S_ints("context none", i, x->none, y->none, x->nnone);
	}
}

static void S_frameworks(const tl_ruleset *a, const tl_ruleset *b)
{
	EQ("nfw", 0, a->nfw, b->nfw);
	for (uint32_t i = 0; i < a->nfw && i < b->nfw; i++) {
		const tl_fwmap *x = &a->fw[i], *y = &b->fw[i];
		S_str("fw id", i, x->id, y->id);
		S_str("fw title", i, x->title, y->title);
		S_str("fw source", i, x->source, y->source);
		S_str("fw file", i, x->file, y->file);
		EQ("fw ntitles", i, x->ntitles, y->ntitles);
		for (uint32_t k = 0; k < x->ntitles && k < y->ntitles; k++)
			S_str("fw titles", i, x->titles[k], y->titles[k]);
		EQ("fw nunless", i, x->nunless, y->nunless);
		for (uint32_t k = 0; k < x->nunless && k < y->nunless; k++)
			S_str("fw unless", i, x->unless[k], y->unless[k]);
		EQ("fw ne", i, x->ne, y->ne);
		for (uint32_t k = 0; k < x->ne && k < y->ne; k++) {
			const tl_fw_entry *e = &x->e[k], *f = &y->e[k];
			EQ("fw entry rule", i, e->rule, f->rule);
			EQ("fw entry coverage", i, e->coverage, f->coverage);
			S_str("fw entry confidence", i, e->confidence, f->confidence);
			S_str("fw entry source", i, e->source, f->source);
			for (int l = 0; l < 3; l++)
				S_str("fw entry note", i, e->note[l], f->note[l]);
			EQ("fw entry narticles", i, e->narticles, f->narticles);
			for (uint32_t j = 0; j < e->narticles && j < f->narticles; j++)
				S_str("fw entry articles", i, e->articles[j], f->articles[j]);
			EQ("fw entry npartial_ctx", i, e->npartial_ctx, f->npartial_ctx);
			S_ints("fw entry partial_ctx", i, e->partial_ctx, f->partial_ctx, e->npartial_ctx);
		}
	}
	EQ("nclauses", 0, a->nclauses, b->nclauses);
	for (uint32_t i = 0; i < a->nclauses && i < b->nclauses; i++) {
		const tl_clause_tpl *x = &a->clauses[i], *y = &b->clauses[i];
		S_str("clause id", i, x->id, y->id);
		for (int l = 0; l < 3; l++) {
			S_str("clause title", i, x->title[l], y->title[l]);
			S_str("clause text", i, x->text[l], y->text[l]);
		}
		EQ("clause ntopics", i, x->ntopics, y->ntopics);
		S_ints("clause topics", i, x->topics, y->topics, x->ntopics);
		EQ("clause layer", i, x->layer, y->layer);
	}
}

static void S_terms(const tl_ruleset *a, const tl_ruleset *b)
{
	EQ("nterms", 0, a->nterms, b->nterms);
	for (uint32_t i = 0; i < a->nterms && i < b->nterms; i++) {
		const tl_rterm *x = &a->terms[i], *y = &b->terms[i];
		S_str("term text", i, x->text, y->text);
		EQ("term lang", i, x->lang, y->lang);
		EQ("term def_only", i, x->def_only, y->def_only);
		EQ("term concept", i, x->concept, y->concept);
		EQ("term nw", i, x->nw, y->nw);
		for (uint32_t k = 0; k < x->nw && k < y->nw; k++) {
			const tl_rword *v = &x->w[k], *w = &y->w[k];
			EQ("word len", i, v->len, w->len);
			EQ("word kind", i, v->kind, w->kind);
			EQ("word gap", i, v->gap, w->gap);
			if (v->len == w->len && memcmp(v->s, w->s, v->len))
				S_diff("word s", i);
		}
	}
}

static void S_patlist(const char *what, uint32_t i, tl_pattern *const *p, tl_pattern *const *q)
{
	for (; p && q && *p && *q; p++, q++)
		EQ(what, i, (*p)->gidx, (*q)->gidx);
	if (!p != !q || (p && (*p || *q)))
		S_diff(what, i);
}

static void S_index(const tl_ruleset *a, const tl_ruleset *b)
{
	const tl_index *x = a->index, *y = b->index;
	if (!x || !y) {
		EQ("index", 0, !x, !y);
		return;
	}
	EQ("index cap", 0, x->cap, y->cap);
	EQ("index n", 0, x->n, y->n);
	uint32_t npost = 0;
	for (uint32_t i = 0; i < x->cap && x->cap == y->cap; i++) {
		const tl_ix_ent *e = &x->ent[i], *f = &y->ent[i];
		S_str("index key", i, e->key, f->key);
		EQ("index hash", i, e->hash, f->hash);
		EQ("index first", i, e->first, f->first);
		EQ("index n", i, e->n, f->n);
		EQ("index nplain", i, e->nplain, f->nplain);
		EQ("index kfirst", i, e->kfirst, f->kfirst);
		EQ("index kn", i, e->kn, f->kn);
		EQ("index klen", i, e->klen, f->klen);
		EQ("index kind", i, e->kind, f->kind);
		EQ("index lang", i, e->lang, f->lang);
		EQ("index bucketed", i, e->bucketed, f->bucketed);
		if (e->key && e->first + e->n > npost)
			npost = e->first + e->n;
		if (e->key && x->bord && y->bord && e->n >= TL_IX_LONG_MIN && e->n <= TL_IX_LONG_MAX &&
		    memcmp(x->bord + e->first, y->bord + f->first, e->n * sizeof *x->bord))
			S_diff("index bord", i);
	}
	S_ints("index pterm", 0, x->pterm, y->pterm, npost);
	if (npost && memcmp(x->pdup, y->pdup, npost * sizeof *x->pdup))
		S_diff("index pdup", 0);
	if (npost && (memcmp(x->pfilt, y->pfilt, npost * sizeof *x->pfilt) ||
	              memcmp(x->pfilt2, y->pfilt2, npost * sizeof *x->pfilt2)))
		S_diff("index pfilt", 0);
	EQ("index btcap", 0, x->btcap, y->btcap);
	if (x->btcap == y->btcap && x->btcap && memcmp(x->bt, y->bt, x->btcap * sizeof *x->bt))
		S_diff("index bt", 0);
	if (memcmp(x->plen, y->plen, sizeof x->plen) || memcmp(x->nplen, y->nplen, sizeof x->nplen) ||
	    memcmp(x->maxplen, y->maxplen, sizeof x->maxplen) || memcmp(x->p2, y->p2, sizeof x->p2) ||
	    memcmp(x->short_prefix, y->short_prefix, sizeof x->short_prefix) ||
	    memcmp(x->e2, y->e2, sizeof x->e2) || memcmp(x->e1, y->e1, sizeof x->e1) ||
	    memcmp(x->hlen, y->hlen, sizeof x->hlen) ||
	    memcmp(x->nhlen, y->nhlen, sizeof x->nhlen) || memcmp(x->pgroup, y->pgroup, sizeof x->pgroup) ||
	    memcmp(x->hgroup, y->hgroup, sizeof x->hgroup))
		S_diff("index tables", 0);
	EQ("index nkeyed", 0, x->nkeyed, y->nkeyed);
	if (x->nkeyed == y->nkeyed && x->nkeyed &&
	    (memcmp(x->kterm, y->kterm, x->nkeyed * sizeof *x->kterm) ||
	     memcmp(x->kword, y->kword, x->nkeyed * sizeof *x->kword) ||
	     memcmp(x->kback, y->kback, x->nkeyed * sizeof *x->kback) ||
	     memcmp(x->kfwd, y->kfwd, x->nkeyed * sizeof *x->kfwd) ||
	     memcmp(x->kmat, y->kmat, (x->nkeyed + 1) * sizeof *x->kmat) ||
	     memcmp(x->kmem, y->kmem, (x->kmat[x->nkeyed] + 1) * sizeof *x->kmem)))
		S_diff("index keyed", 0);
	for (uint32_t c = 0; c < a->nconcepts && a->nconcepts == b->nconcepts; c++)
		S_patlist("index trig", c, x->trig ? x->trig[c] : NULL, y->trig ? y->trig[c] : NULL);
	EQ("npatterns", 0, a->npatterns, b->npatterns);
	EQ("ntrig_all", 0, a->ntrig_all, b->ntrig_all);
	for (uint32_t i = 0; i < a->ntrig_all && i < b->ntrig_all; i++)
		EQ("trig_all", i, a->trig_all[i]->gidx, b->trig_all[i]->gidx);
}

int main(void)
{
	tl_ruleset *snap = tl_rs_snapshot_map(), *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	/* the loader's own path, as a check without the image takes it */
	T_OK(tl_rules_load_check_json(&rs, &err) == 0 && rs, "the JSON loads: %s", err.message);
	if (!rs)
		return T_DONE();
	T_OK(!rs->snapshot && rs->check_only && rs->builtin, "the JSON load is the check's");
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__GLIBC__) || !defined(__linux__)
	/* the generator writes no image under a sanitizer (its run time owns
	 * malloc), nor without glibc or Linux (snapshot_gen.c) */
	T_OK(!snap, "no image in this build");
	tl_ruleset_free(rs);
	return T_DONE();
#endif
	T_OK(snap != NULL, "the program links the ruleset's image and maps it");
	if (!snap)
		return T_DONE();
	T_OK(snap->snapshot && snap->check_only && snap->builtin, "the image is the built-in ruleset for checking");
	tl_ruleset *again = NULL;
	T_OK(tl_ruleset_load_for_check(&again, NULL, &err) == 0 && again == snap, "a check gets the image");
	tl_ruleset_free(again); /* leaves it alone */

	S_str("id", 0, snap->id, rs->id);
	S_str("version", 0, snap->version, rs->version);
	S_str("path", 0, snap->path, rs->path);
	S_json("title", 0, snap->title, rs->title);
	S_json("trees", 0, snap->trees, rs->trees);
	EQ("data_concept", 0, snap->data_concept, rs->data_concept);
	EQ("personal_concept", 0, snap->personal_concept, rs->personal_concept);
	EQ("agreement_concept", 0, snap->agreement_concept, rs->agreement_concept);
	S_concepts(snap, rs);
	S_rules(snap, rs);
	S_frameworks(snap, rs);
	S_terms(snap, rs);
	S_index(snap, rs);
	T_OK(S_bad == 0, "%u fields differ, the first %s", S_bad, S_first);

	/* the reports: the rule list, and every sample contract with its text */
	char *a = fx_report_head(snap), *b = fx_report_head(rs);
	T_OK(a && b && !strcmp(a, b), "the rule lists differ");
	free(a);
	free(b);
	static const char *const docs[] = {
		"samples/vendor-red-flags-en.docx", "samples/overeenkomst-compliant-nl.docx",
		"samples/verwerkersovereenkomst-nl.docx", "samples/saas-contract-en.odt",
		"samples/sensoren-camera-nl.odt", "samples/aanbesteding-eisen-nl.odt", NULL};
	for (int i = 0; docs[i]; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", TL_SOURCE_DIR, docs[i]);
		char *x = fx_check_text(snap, path), *y = fx_check_text(rs, path);
		T_OK(x && y && !strcmp(x, y), "%s: the reports differ", docs[i]);
		free(x);
		free(y);
	}
	tl_ruleset_free(rs);
	return T_DONE();
}
