/* patterns.c: each applicable rule's patterns over an annotated document
 * whose concept occurrences are known (match.c): the patterns reached
 * through the concepts present (trigger lists), per article, clause and
 * sentence, with their sentence conditions; the best list per rule and
 * scope is recorded as evidence in tl_match.res.  On two threads the
 * document is cut in two at an article boundary and each thread runs every
 * pattern on its part; their results are replayed in one pass's order
 * (S_run_rules). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "rules/rules.h"
#include "util/task.h"

/** ## Pattern conditions */

typedef struct S_cover {
	int32_t rule;
	uint32_t s, e;
} S_cover;

/* One result a state would have recorded in tl_match.res (S_flush), kept
 * for the replay when the document is run in two parts (S_run_rules). */
typedef struct S_rec {
	int32_t rule, sent, pat, term;
	uint8_t list, wish;
} S_rec;

typedef struct S_state {
	tl_match *m;
	uint32_t s0, s1;      /* the sentences this state runs: [s0, s1) */
	uint32_t *stamp;      /* per concept: sentence/clause stamp when present */
	uint32_t cur;
	uint32_t *pstamp;     /* per pattern (gidx): tried in this scope */
	uint32_t *cvisit;     /* per concept: trigger list walked in this scope */
	const tl_pattern **cand;
	uint32_t ncand, acand;
	int32_t *last_sent;   /* per rule: sentence of the best list kept in best_* */
	uint8_t *best_list;
	int32_t *best_pat, *best_term;
	int32_t *touched;
	uint32_t ntouched;
	const uint8_t *applicable; /* per rule */
	int only_rule;
	/* two parts (S_run_rules): results are logged per pass (TL_SCOPE_*) for
	 * the replay, and a downgrading partial is marked in dg, not in m->res */
	S_rec *log[3];
	uint32_t nlog[3], alog[3];
	int pass;
	uint8_t *dg;
	int oom;
	S_cover *cover;       /* scope-level met results (S_cover_push) */
	uint32_t ncover, acover;
	const uint8_t *counts; /* per sentence: tl_match_sentence_counts */
	const int32_t *key_of; /* per sentence: its key cell's sentence or -1 (tl_match_key_cells), or NULL */
	const int32_t *keys[3]; /* per scope mode (clause, article): each sentence's scope key (S_scope_keys) */
	/* per scope mode, each concept's trigger list narrowed to the patterns of
	 * that scope whose rule applies (S_triggers): trig[mode][toff[mode][c] ..
	 * toff[mode][c + 1]); NULL: walk the whole list */
	const tl_pattern **trig[3];
	uint32_t *toff[3];
	int trig_done, trig_shared; /* S_triggers ran; trig and toff are another state's */
} S_state;

static int S_has(const S_state *st, int32_t c) { return st->stamp[c] == st->cur; }

static int S_concepts_ok(const S_state *st, const tl_pattern *p)
{
	for (uint32_t i = 0; i < p->nall; i++)
		if (!S_has(st, p->all[i]))
			return 0;
	int any = !p->nany;
	for (uint32_t i = 0; i < p->nany && !any; i++)
		any = S_has(st, p->any[i]);
	if (!any)
		return 0;
	for (uint32_t i = 0; i < p->nnone; i++)
		if (S_has(st, p->none[i]))
			return 0;
	for (uint32_t i = 0; i < p->ndoc_has; i++)
		if (!st->m->doc_concepts[p->doc_has[i]])
			return 0;
	for (uint32_t i = 0; i < p->ndoc_lacks; i++)
		if (st->m->doc_concepts[p->doc_lacks[i]])
			return 0;
	return 1;
}

/** ## Recording results */

static void S_add_evidence(const tl_annotated *a, tl_rule_result *r, uint8_t list, int32_t sent,
                           int32_t pat, int32_t term)
{
	r->count[list]++;
	/* units of one sentence quote the same text: cite it once */
	const tl_sentence *s = &a->sent[sent];
	for (uint32_t i = 0; i < r->nev[list]; i++) {
		const tl_sentence *o = &a->sent[r->ev[list][i].sent];
		if (o->para == s->para && o->quote_start == s->quote_start)
			return;
	}
	if (r->nev[list] < TL_EVIDENCE_MAX)
		r->ev[list][r->nev[list]++] = (tl_evidence){sent, list, pat, term, 0};
}

/* One scope's best list for a rule, recorded in m->res. */
static void S_apply(tl_match *m, const S_rec *x)
{
	tl_rule_result *res = &m->res[x->rule];
	uint32_t n = res->nev[x->list];
	S_add_evidence(m->a, res, x->list, x->sent, x->pat, x->term);
	if (x->wish && res->nev[x->list] > n)
		res->ev[x->list][n].wish = 1;
}

static void S_log(S_state *st, const S_rec *x)
{
	int k = st->pass;
	if (st->nlog[k] == st->alog[k]) {
		uint32_t na = st->alog[k] ? st->alog[k] * 2 : 256;
		S_rec *nv = realloc(st->log[k], na * sizeof *nv);
		if (!nv) {
			st->oom = 1;
			return;
		}
		st->log[k] = nv;
		st->alog[k] = na;
	}
	st->log[k][st->nlog[k]++] = *x;
}

static void S_note(S_state *st, const tl_pattern *p, uint32_t s, int32_t term)
{
	int32_t r = p->rule;
	if (st->last_sent[r] != (int32_t)s) {
		st->last_sent[r] = (int32_t)s;
		st->best_list[r] = 0;
		st->touched[st->ntouched++] = r;
	}
	/* the strongest list; within a list the first pattern, whatever order the
	 * trigger lists gave (so reports do not depend on concept order) */
	int32_t pi = (int32_t)(p - st->m->rs->rules[r].pat);
	if (p->list > st->best_list[r] || (p->list == st->best_list[r] && pi < st->best_pat[r])) {
		st->best_list[r] = p->list;
		st->best_pat[r] = pi;
		st->best_term[r] = term;
	}
	if (p->list == TL_LIST_PARTIAL && p->downgrades) {
		if (st->dg)
			st->dg[r] = 1;
		else
			st->m->res[r].downgraded = 1;
	}
}

static void S_flush(S_state *st)
{
	for (uint32_t i = 0; i < st->ntouched; i++) {
		int32_t r = st->touched[i];
		uint8_t list = st->best_list[r];
		/* a wish of a tender's requirements table binds only if offered: what would meet
		 * the requirement is partial there */
		int wish = list == TL_LIST_MET && (st->m->a->sent[st->last_sent[r]].flags & TL_SENT_WISH);
		if (wish)
			list = TL_LIST_PARTIAL;
		S_rec x = {r, st->last_sent[r], st->best_pat[r], st->best_term[r], list, (uint8_t)wish};
		if (st->dg)
			S_log(st, &x);
		else
			S_apply(st->m, &x);
		/* the next scope starts afresh, even on the same sentence */
		st->last_sent[r] = -1;
	}
	st->ntouched = 0;
}

static int S_cand_push(S_state *st, const tl_pattern *p)
{
	if (st->ncand == st->acand) {
		uint32_t na = st->acand ? st->acand * 2 : 256;
		const tl_pattern **nv = realloc(st->cand, na * sizeof *nv);
		if (!nv)
			return -1;
		st->cand = nv;
		st->acand = na;
	}
	st->cand[st->ncand++] = p;
	return 0;
}

static int S_wanted(const S_state *st, const tl_pattern *p, int mode)
{
	return p->clause_scope == mode && st->applicable[p->rule] &&
	       (st->only_rule < 0 || p->rule == st->only_rule);
}

/* The narrowed trigger lists of S_state.trig (after applicability is known). */
static void S_triggers(S_state *st)
{
	const tl_ruleset *rs = st->m->rs;
	for (int mode = 0; mode < 3; mode++) {
		uint32_t *off = malloc((rs->nconcepts + 1) * sizeof *off);
		size_t n = 0;
		for (uint32_t c = 0; off && c < rs->nconcepts; c++) {
			off[c] = (uint32_t)n;
			for (tl_pattern *const *tp = tl_index_trigger(rs, (int32_t)c); tp && *tp; tp++)
				n += S_wanted(st, *tp, mode);
		}
		const tl_pattern **t = off && n < UINT32_MAX ? malloc((n + 1) * sizeof *t) : NULL;
		if (!t) {
			free(off);
			continue;
		}
		off[rs->nconcepts] = (uint32_t)n;
		n = 0;
		for (uint32_t c = 0; c < rs->nconcepts; c++)
			for (tl_pattern *const *tp = tl_index_trigger(rs, (int32_t)c); tp && *tp; tp++)
				if (S_wanted(st, *tp, mode))
					t[n++] = *tp;
		st->trig[mode] = t;
		st->toff[mode] = off;
	}
}

/* Candidate patterns of the concepts present in occurrences [o0, o1), each
 * once, and of those in [x0, x1) (a key cell's, S_run_sentences). */
static int S_candidates_x(S_state *st, uint32_t o0, uint32_t o1, uint32_t x0, uint32_t x1,
                          int clause_scope)
{
	const tl_ruleset *rs = st->m->rs;
	st->ncand = 0;
	if (o0 > o1)
		return 0; /* an empty scope takes nothing, not even trig_all (as before the key cells) */
	const tl_pattern **narrow = st->trig[clause_scope];
	const uint32_t *off = st->toff[clause_scope];
	/* the sentence's own occurrences, then the key's, then trig_all */
	uint32_t no = o1 - o0, n = no + (x1 - x0);
	for (uint32_t q = 0; q <= n; q++) {
		tl_pattern *const *tp;
		if (q < n) {
			int32_t c = st->m->occ[q < no ? o0 + q : x0 + (q - no)].concept;
			if (st->cvisit[c] == st->cur)
				continue;
			st->cvisit[c] = st->cur;
			if (narrow && c >= 0 && (uint32_t)c < rs->nconcepts) {
				/* every pattern here is of this scope and applies */
				for (uint32_t k = off[c]; k < off[c + 1]; k++) {
					const tl_pattern *p = narrow[k];
					if (st->pstamp[p->gidx] == st->cur)
						continue;
					st->pstamp[p->gidx] = st->cur;
					if (S_cand_push(st, p))
						return -1;
				}
				continue;
			}
			tp = tl_index_trigger(rs, c);
		} else {
			tp = (tl_pattern *const *)rs->trig_all;
		}
		for (; tp && *tp; tp++) {
			const tl_pattern *p = *tp;
			if (!S_wanted(st, p, clause_scope))
				continue;
			if (st->pstamp[p->gidx] == st->cur)
				continue;
			st->pstamp[p->gidx] = st->cur;
			if (S_cand_push(st, p))
				return -1;
		}
	}
	return 0;
}

static int S_candidates(S_state *st, uint32_t o0, uint32_t o1, int clause_scope)
{
	return S_candidates_x(st, o0, o1, 0, 0, clause_scope);
}

static void S_mark(S_state *st, uint32_t o0, uint32_t o1)
{
	for (uint32_t o = o0; o < o1; o++)
		st->stamp[st->m->occ[o].concept] = st->cur;
}

/* A clause- or article-scope "met" that held over sentences [s, e) for a
 * rule: the scope as a whole meets the rule, so a sentence-level "partial"
 * inside it does not count against it (a violation still does). */
static int S_cover_push(S_state *st, int32_t rule, uint32_t s, uint32_t e)
{
	if (st->ncover == st->acover) {
		uint32_t na = st->acover ? st->acover * 2 : 64;
		S_cover *nv = realloc(st->cover, na * sizeof *nv);
		if (!nv)
			return -1;
		st->cover = nv;
		st->acover = na;
	}
	st->cover[st->ncover++] = (S_cover){rule, s, e};
	return 0;
}

static int S_covered(const S_state *st, int32_t rule, uint32_t s)
{
	for (uint32_t i = 0; i < st->ncover; i++)
		if (st->cover[i].rule == rule && s >= st->cover[i].s && s < st->cover[i].e)
			return 1;
	return 0;
}

static int S_run_sentences(S_state *st)
{
	tl_match *m = st->m;
	const tl_annotated *a = m->a;
	for (uint32_t s = st->s0; s < st->s1; s++) {
		if (!st->counts[s])
			continue;
		st->cur++;
		/* a value cell reads its key cell's concepts with it (keycells.c) */
		int32_t key = st->key_of ? st->key_of[s] : -1;
		uint32_t x0 = key >= 0 ? m->occ_start[key] : 0, x1 = key >= 0 ? m->occ_start[key + 1] : 0;
		S_mark(st, m->occ_start[s], m->occ_start[s + 1]);
		S_mark(st, x0, x1);
		if (S_candidates_x(st, m->occ_start[s], m->occ_start[s + 1], x0, x1, 0))
			return -1;
		for (uint32_t k = 0; k < st->ncand; k++) {
			const tl_pattern *p = st->cand[k];
			if (p->list == TL_LIST_PARTIAL && st->ncover && S_covered(st, p->rule, s))
				continue;
			if (S_concepts_ok(st, p) && tl_cond_sentence_ok(p, &a->sent[s]) && tl_cond_near_ok(m, s, p))
				S_note(st, p, s, tl_cond_def_term(m, s, p));
		}
		S_flush(st);
	}
	return 0;
}

/* Each sentence's scope key (tl_match_scope_key), worked out once per
 * clause: apart from a table row (clause mode) or a sentence outside every
 * clause, which are cheap, the key depends on the clause alone. */
static void S_scope_keys(const tl_annotated *a, int mode, int32_t *keys)
{
	size_t ncl = 0, np = 0;
	tl_document_clauses(a->doc, &ncl);
	const tl_para *ps = tl_document_paras(a->doc, &np);
	int32_t *memo = malloc((ncl + 1) * sizeof *memo);
	uint8_t *have = calloc(ncl + 1, 1);
	for (uint32_t i = 0; i < a->nsent; i++) {
		const tl_sentence *s = &a->sent[i];
		int32_t c = s->clause;
		int row = mode != TL_SCOPE_ARTICLE && s->para >= 0 && (size_t)s->para < np &&
		          ps[s->para].kind == TL_PARA_CELL && ps[s->para].row >= 0;
		if (!memo || !have || c < 0 || (size_t)c >= ncl || row) {
			keys[i] = tl_match_scope_key(a, s, mode);
			continue;
		}
		if (!have[c]) {
			memo[c] = tl_match_scope_key(a, s, mode);
			have[c] = 1;
		}
		keys[i] = memo[c];
	}
	free(memo);
	free(have);
}

/* Scope "clause" or "article": concepts anywhere in the scope's counting
 * sentences; the sentence conditions on one sentence holding the pattern's
 * first concept. */
static int S_run_scopes(S_state *st, int mode)
{
	tl_match *m = st->m;
	const tl_annotated *a = m->a;
	const int32_t *keys = st->keys[mode];
	uint32_t s = st->s0;
	while (s < st->s1) {
		uint32_t e = s + 1;
		while (e < st->s1 && keys[e] == keys[s])
			e++;
		st->cur++;
		for (uint32_t i = s; i < e; i++)
			if (st->counts[i])
				S_mark(st, m->occ_start[i], m->occ_start[i + 1]);
		if (S_candidates(st, m->occ_start[s], m->occ_start[e], mode))
			return -1;
		for (uint32_t k = 0; k < st->ncand; k++) {
			const tl_pattern *p = st->cand[k];
			if (!S_concepts_ok(st, p))
				continue;
			for (uint32_t i = s; i < e; i++) {
				if (!st->counts[i] || !tl_cond_sentence_ok(p, &a->sent[i]))
					continue;
				int holds = 0;
				if (p->nall)
					holds = tl_cond_sentence_has(m, i, p->all[0]);
				for (uint32_t j = 0; j < p->nany && !holds; j++)
					holds = tl_cond_sentence_has(m, i, p->any[j]);
				if (!p->nall && !p->nany)
					holds = 1;
				if (holds) {
					S_note(st, p, i, tl_cond_def_term(m, i, p));
					S_flush(st);
					if (p->list == TL_LIST_MET && S_cover_push(st, p->rule, s, e))
						return -1;
					break;
				}
			}
		}
		s = e;
	}
	return 0;
}

/* The per-rule arrays and scratch of a state (st->m, counts, applicable,
 * only_rule, keys and the range set by the caller); -1 when out of memory. */
static int S_state_alloc(S_state *st, const tl_ruleset *rs)
{
	st->stamp = calloc(rs->nconcepts + 1, sizeof *st->stamp);
	st->pstamp = calloc(rs->npatterns + 1, sizeof *st->pstamp);
	st->cvisit = calloc(rs->nconcepts + 1, sizeof *st->cvisit);
	st->last_sent = malloc((rs->nrules + 1) * sizeof *st->last_sent);
	st->best_list = calloc(rs->nrules + 1, 1);
	st->best_pat = calloc(rs->nrules + 1, sizeof *st->best_pat);
	st->best_term = calloc(rs->nrules + 1, sizeof *st->best_term);
	st->touched = calloc(rs->nrules + 1, sizeof *st->touched);
	if (!st->stamp || !st->pstamp || !st->cvisit || !st->last_sent || !st->best_list || !st->best_pat ||
	    !st->best_term || !st->touched)
		return -1;
	for (uint32_t i = 0; i < rs->nrules; i++)
		st->last_sent[i] = -1;
	return 0;
}

/* What S_state_alloc and the runs allocated (not counts, applicable, keys,
 * nor trigger lists another state built). */
static void S_state_free(S_state *st)
{
	free(st->stamp);
	free(st->pstamp);
	free(st->cvisit);
	free(st->cand);
	free(st->last_sent);
	free(st->best_list);
	free(st->best_pat);
	free(st->best_term);
	free(st->touched);
	free(st->cover);
	free(st->dg);
	for (int k = 0; k < 3; k++) {
		free(st->log[k]);
		if (!st->trig_shared) {
			free(st->trig[k]);
			free(st->toff[k]);
		}
	}
}

/* The patterns over the state's sentences: wider scopes first, so their
 * "met" can stand for the sentences inside them.  0 or -1. */
static int S_rules_pass(S_state *st)
{
	if (!st->trig_done) {
		S_triggers(st);
		st->trig_done = 1;
	}
	int rc = (st->pass = TL_SCOPE_ARTICLE, S_run_scopes(st, TL_SCOPE_ARTICLE)) ||
	         (st->pass = TL_SCOPE_CLAUSE, S_run_scopes(st, TL_SCOPE_CLAUSE)) ||
	         (st->pass = TL_SCOPE_SENTENCE, S_run_sentences(st));
	return rc || st->oom ? -1 : 0;
}

typedef struct {
	S_state st;
	int rc;
} S_part;

static void *S_part_thread(void *arg)
{
	S_part *pt = arg;
	pt->rc = S_rules_pass(&pt->st);
	return NULL;
}

/* Where to cut the document in two for S_run_rules: the sentence nearest
 * to half the occurrences that starts a new article scope and a new clause
 * scope (so no scope spans both parts), or 0 when there is none. */
static uint32_t S_split_at(const tl_match *m, const int32_t *ka, const int32_t *kc)
{
	uint32_t n = m->a->nsent, mid = 1;
	if (n < 2)
		return 0;
	while (mid < n - 1 && m->occ_start[mid] < m->nocc / 2)
		mid++;
	/* from the middle outwards, the later candidate first */
	for (uint32_t d = 0; d <= mid || mid + d < n; d++)
		for (int k = 0; k < 2; k++) {
			uint32_t c = k ? mid - d : mid + d; /* k = 1 only while d <= mid */
			if ((k ? d <= mid : mid + d < n) && c >= 1 && ka[c - 1] != ka[c] && kc[c - 1] != kc[c])
				return c;
		}
	return 0;
}

/* All rules' patterns, on two threads when threads >= 2 and the document is
 * long: the document is cut at an article boundary (S_split_at) and each
 * thread runs every pattern on its part with its own state, logging what it
 * would record.  The logs are then replayed pass by pass (articles, clauses,
 * sentences), first part first: the order one pass over the whole document
 * records them in, so every rule's evidence, counts and covers are the same. */
static int S_run_rules(S_state *st, int threads)
{
	tl_match *m = st->m;
	const tl_ruleset *rs = m->rs;
	const tl_annotated *a = m->a;
	uint32_t cut = 0;
	if (threads >= 2 && a->nsent >= TL_MATCH_PAR_MIN && st->only_rule < 0)
		cut = S_split_at(m, st->keys[TL_SCOPE_ARTICLE], st->keys[TL_SCOPE_CLAUSE]);
	if (!cut)
		return S_rules_pass(st);
	S_part two;
	memset(&two, 0, sizeof two);
	two.st.m = m;
	two.st.counts = st->counts;
	two.st.applicable = st->applicable;
	two.st.only_rule = st->only_rule;
	two.st.key_of = st->key_of;
	two.st.keys[TL_SCOPE_CLAUSE] = st->keys[TL_SCOPE_CLAUSE];
	two.st.keys[TL_SCOPE_ARTICLE] = st->keys[TL_SCOPE_ARTICLE];
	st->dg = calloc(rs->nrules + 1, 1);
	two.st.dg = calloc(rs->nrules + 1, 1);
	if (!st->dg || !two.st.dg || S_state_alloc(&two.st, rs)) {
		S_state_free(&two.st);
		free(st->dg);
		st->dg = NULL;
		return S_rules_pass(st);
	}
	/* the narrowed trigger lists depend on the rules alone: built once */
	S_triggers(st);
	st->trig_done = 1;
	memcpy(two.st.trig, st->trig, sizeof st->trig);
	memcpy(two.st.toff, st->toff, sizeof st->toff);
	two.st.trig_done = two.st.trig_shared = 1;
	two.st.s0 = cut;
	two.st.s1 = a->nsent;
	st->s1 = cut;
	tl_task *th;
	int started = tl_task_start(&th, S_part_thread, &two) == 0;
	int rc = S_rules_pass(st);
	if (started)
		tl_task_join(th);
	else
		S_part_thread(&two); /* no thread: here, after the first part */
	if (!rc && !two.rc) {
		static const int order[3] = {TL_SCOPE_ARTICLE, TL_SCOPE_CLAUSE, TL_SCOPE_SENTENCE};
		for (int k = 0; k < 3; k++) {
			for (uint32_t i = 0; i < st->nlog[order[k]]; i++)
				S_apply(m, &st->log[order[k]][i]);
			for (uint32_t i = 0; i < two.st.nlog[order[k]]; i++)
				S_apply(m, &two.st.log[order[k]][i]);
		}
		for (uint32_t r = 0; r < rs->nrules; r++)
			if (st->dg[r] || two.st.dg[r])
				m->res[r].downgraded = 1;
	}
	S_state_free(&two.st);
	return rc || two.rc ? -1 : 0;
}

/* Each sentence's clause scope key, then (from nsent + 1 on) its article scope
 * key, for every part of S_run_rules; malloc'd, NULL when out of memory. */
int32_t *tl_match_scope_keys(const tl_annotated *a)
{
	int32_t *keys = malloc(2 * ((size_t)a->nsent + 1) * sizeof *keys);
	if (keys) {
		S_scope_keys(a, TL_SCOPE_CLAUSE, keys);
		S_scope_keys(a, TL_SCOPE_ARTICLE, keys + a->nsent + 1);
	}
	return keys;
}

int tl_match_patterns(tl_match *m, const uint8_t *applicable, const uint8_t *counts, int only_rule,
                      int threads)
{
	const tl_annotated *a = m->a;
	S_state st;
	memset(&st, 0, sizeof st);
	st.m = m;
	st.applicable = applicable;
	st.counts = counts;
	st.only_rule = only_rule;
	st.s1 = a->nsent;
	/* worked out beside the occurrence scan (match.c), or here; NULL: no key/value
	 * row (or no memory: none read) */
	int32_t *key_of = m->side_done ? m->key_of : tl_match_key_cells(a);
	st.key_of = key_of;
	int32_t *keys = m->side_done ? m->scope_keys : tl_match_scope_keys(a);
	if (!m->side_done) {
		free(m->scope_keys);
		free(m->key_of);
	}
	m->key_of = m->scope_keys = NULL;
	m->side_done = 0;
	int rc = -1;
	if (keys) {
		st.keys[TL_SCOPE_CLAUSE] = keys;
		st.keys[TL_SCOPE_ARTICLE] = keys + a->nsent + 1;
		rc = S_state_alloc(&st, m->rs) ? -1 : S_run_rules(&st, threads);
	}
	S_state_free(&st);
	free(keys);
	free(key_of);
	return rc;
}

uint32_t tl_match_patterns_cut(const tl_match *m)
{
	const tl_annotated *a = m->a;
	int32_t *keys = tl_match_scope_keys(a);
	if (!keys)
		return 0;
	uint32_t cut = S_split_at(m, keys + a->nsent + 1, keys);
	free(keys);
	return cut;
}
