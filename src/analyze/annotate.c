/* annotate.c: builds the tl_annotated of a document.
 *
 * Order: tokens of every paragraph (one ICU word iterator, reused) and the
 * document's language; operative paragraphs; sentences (ICU sentence
 * iterator plus abbreviation and ';' rules), their language and stems;
 * definitions and parties; then per sentence polarity (modality, negation,
 * bound party, passive, exceptions) and quantities; placeholders;
 * frameworks.  Every result lives in the annotation's arena.  The text
 * phases (tokens, operative paragraphs, units) are textphase.c's. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "analyze/annot_int.h"
#include "analyze/polclass.h"
#include "util/task.h"

int tl_wc_all; /* annot_int.h: tests only */

/* ---- names -------------------------------------------------------------- */

const char *tl_modality_name(tl_modality m)
{
	switch (m) {
	case TL_MOD_OBLIGATION: return "obligation";
	case TL_MOD_PERMISSION: return "permission";
	case TL_MOD_PROHIBITION: return "prohibition";
	default: return "statement";
	}
}

const char *tl_role_name(tl_role r)
{
	switch (r) {
	case TL_ROLE_VENDOR: return "vendor";
	case TL_ROLE_CUSTOMER: return "customer";
	case TL_ROLE_BOTH: return "both";
	case TL_ROLE_THIRD: return "third";
	default: return "none";
	}
}

const char *tl_exc_kind_name(tl_exc_kind k)
{
	switch (k) {
	case TL_EXC_CUSTOMER: return "customer";
	case TL_EXC_VENDOR: return "vendor";
	case TL_EXC_LAW: return "law";
	case TL_EXC_OTHER: return "other";
	default: return "none";
	}
}

const char *tl_lang_name(tl_lang l)
{
	return l == TL_LANG_NL ? "nl" : l == TL_LANG_EN ? "en" : "unknown";
}

const char *tl_ann_tok_text(tl_ann_ctx *c, const tl_sentence *s, uint32_t i, uint32_t j)
{
	if (i >= j || j > s->ntok)
		return tl_arena_strdup(&c->a->arena, "");
	const char *t = c->paras[s->para].text;
	return tl_arena_strndup(&c->a->arena, t + s->tok[i].start, s->tok[j - 1].end - s->tok[i].start);
}

tl_role tl_annot_token_role(const tl_annotated *a, const tl_sentence *s, uint32_t i)
{
	if (i >= s->ntok || !(s->tok[i].flags & TL_TOK_PARTY))
		return TL_ROLE_NONE;
	/* walk back to the mention's first token */
	uint32_t j = i;
	for (;;) {
		tl_role r;
		uint32_t m = tl_party_at(a, s->tok, s->ntok, j, &r);
		if (m && j + m > i)
			return r;
		if (j == 0 || !(s->tok[j - 1].flags & TL_TOK_PARTY))
			return TL_ROLE_NONE;
		j--;
	}
}

/* ---- polarity on two threads -------------------------------------------- */

/* The lead-in of a list: the tokens up to a final ':' ("Opdrachtnemer zal:"),
 * the first ':' from the third token on (s->colon: found by text phase 1). */
static int S_lead_of(const tl_sentence *s, const tl_token **lead, uint32_t *nlead)
{
	if (!s->colon)
		return 0;
	*lead = s->tok;
	*nlead = s->colon;
	return 1;
}

static int S_is_heading_para(const tl_para *p)
{
	return p->kind == TL_PARA_HEADING || p->outline > 0;
}

static int S_is_list_para(const tl_para *p)
{
	return (p->flags & TL_PARA_F_LIST) || p->list_level > 0;
}

/* 1 when a body paragraph opens with a typed item label, as lists written
 * without list formatting do ("a. het melden van ...", "(b) notify the
 * Customer ...", "ii) ...", "(3) ...", "3) ...", "- ...", "• ..."): a lower-case
 * letter or roman number with "." or ")", anything in brackets of up to four
 * letters or two digits, or a bullet.  Not "5.2 ..." or "3. ...": those number
 * clauses. */
static int S_is_item_label(const tl_para *p)
{
	const unsigned char *t = (const unsigned char *)p->text;
	size_t n = p->len, i = 0;
	if (p->kind != TL_PARA_BODY || n < 4)
		return 0;
	if ((t[0] == '-' || t[0] == '*') && t[1] == ' ')
		return 1;
	if (n > 4 && t[0] == 0xE2 && t[1] == 0x80 && (t[2] == 0xA2 || t[2] == 0x93) && t[3] == ' ')
		return 1; /* "• " or "– " */
	int paren = t[0] == '(';
	i = (size_t)paren;
	size_t s = i;
	int digits = 0;
	while (i < n && i - s < 4 && ((t[i] >= 'a' && t[i] <= 'z') || (paren && t[i] >= 'A' && t[i] <= 'Z')))
		i++;
	if (i == s) {
		while (i < n && i - s < 2 && t[i] >= '0' && t[i] <= '9')
			i++;
		digits = 1;
	}
	if (i == s || i + 1 >= n || t[i + 1] != ' ')
		return 0;
	if (paren || t[i] == ')')
		return t[i] == ')';
	/* "a. ", "iv. ": one letter or a roman number, never digits */
	if (digits || t[i] != '.')
		return 0;
	for (size_t k = s; k < i; k++)
		if (i - s > 1 && !strchr("ivx", t[k]))
			return 0;
	return 1;
}

/* The lead-in each unit continues (NULL when none), and lead_para: a cheap
 * sequential pass before polarity, which can then run on two parts of the
 * document at once.  S_lead_of reads only folded forms, which polarity does
 * not change. */
typedef struct S_lead {
	const tl_token *tok;
	uint32_t n;
	int semi; /* a ';' item of its paragraph (after the first) */
} S_lead;

static void S_leads(tl_ann_ctx *c, S_lead *lead)
{
	tl_annotated *a = c->a;
	const tl_token *plead = NULL; /* lead-in of the list the paragraphs continue */
	uint32_t nplead = 0, plead_para = 0;
	int32_t plead_level = 0;
	for (size_t p = 0; p < c->npara; p++) {
		const tl_para *para = &c->paras[p];
		/* a lead-in leads the list items below it: deeper items, or any item when the
		 * lead-in itself is no list item; headings and other paragraphs end it */
		/* a typed item label ("(b) notify ...") is an item too, below a lead-in that is
		 * no list item */
		int item = S_is_list_para(para) || (plead && plead_level == 0 && S_is_item_label(para));
		if (plead && (S_is_heading_para(para) || (!item && para->kind != TL_PARA_CELL) ||
		              (plead_level > 0 && para->list_level <= plead_level)))
			plead = NULL;
		const tl_token *slead = NULL; /* lead-in inside the paragraph, before ';' items */
		uint32_t nslead = 0;
		for (uint32_t k = a->para_sent[p]; k < a->para_sent[p + 1]; k++) {
			tl_sentence *s = &a->sent[k];
			lead[k].tok = NULL;
			lead[k].n = 0;
			lead[k].semi = s->lead_para == UINT32_MAX;
			if (s->lead_para == UINT32_MAX) {
				s->lead_para = (uint32_t)p;
				lead[k].tok = slead;
				lead[k].n = nslead;
			} else if (s->unit == 0) {
				slead = NULL;
				nslead = 0;
				if (S_lead_of(s, &slead, &nslead) && nslead == s->ntok)
					slead = NULL; /* only a lead-in: items follow in other paragraphs */
			}
			if (!lead[k].tok && plead && item && k == a->para_sent[p]) {
				lead[k].tok = plead;
				lead[k].n = nplead;
				s->lead_para = plead_para;
			}
		}
		/* a paragraph ending in ':' leads the list items that follow */
		if (para->len > 0 && para->text[para->len - 1] == ':' &&
		    a->para_sent[p + 1] > a->para_sent[p]) {
			const tl_sentence *last = &a->sent[a->para_sent[p + 1] - 1];
			if (!S_is_heading_para(para) && S_lead_of(last, &plead, &nplead)) {
				plead_para = (uint32_t)p;
				plead_level = S_is_list_para(para) ? para->list_level : 0;
			}
		}
	}
}

/* Polarity and quantities of sentences [k0, k1): k0 starts a paragraph.
 * Quantities read only the unit's own tokens (folds, number and punctuation
 * flags), which nothing after the text phases changes, and polarity reads
 * none of their results; so the second part's quantities are worked out by
 * its thread while the calling thread finds the definitions (S_build), and
 * its polarity follows once they are done (polarity needs the terms). */
/* With two threads the units' polarity is cut into pieces at paragraphs
 * after which no unit continues a lead-in from before (as the second part's
 * start is), and the threads take the pieces in turn: neither waits long for
 * the other at the end. */
#define S_NPIECE 8
typedef struct S_pieces {
	uint32_t b[S_NPIECE + 1]; /* piece j: units [b[j], b[j + 1]) */
	uint32_t n;
	atomic_uint next;         /* the next piece nobody has taken */
	uint32_t split;           /* the second thread worked out the quantities of the units
	                             from here on, before the pieces */
	uint32_t *qf;             /* their sentence flags (index k - split); freed at the join */
	int quant_done;           /* under the second part's mu: qf is filled in */
	atomic_uint named_next;   /* the first unit of the next S_NAMED units whose frameworks'
	                             names nobody has taken (S_named_take) */
} S_pieces;

typedef struct S_part {
	tl_ann_ctx *c;
	const S_lead *lead;
	uint32_t k0, k1;
	int quant;              /* quantities with polarity (0: already done) */
	int rc;
	S_pieces *pc;           /* both parts, when the second runs on its own thread */
	/* the second part: released by the calling thread after the definitions */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int go;                 /* 0 wait, 1 polarity, -1 stop */
	int pol_done;           /* its polarity is done (the calling thread waits for it) */
	tl_fw_named *named;     /* then: what each operative unit names (frameworks), filled by
	                           both threads (S_named_take); NULL when out of memory */
	tl_ann_ctx c2;          /* its own scratch and arena (a->arena2) */
	tl_task *th;
	int started;
} S_part;

/* Polarity (and quantities, with quant) of unit k; k0 starts its paragraph
 * or a later one. */
static void S_polarity_unit(S_part *pt, uint32_t k, uint32_t k0, int quant)
{
	tl_annotated *a = pt->c->a;
	tl_sentence *s = &a->sent[k];
	const tl_sentence *prev = s->unit > 0 ? &a->sent[k - 1] : NULL;
	/* "...; binds its staff to confidentiality; assists with ...": a ';' item
	 * without a lead-in continues the unit before it in the paragraph (k0
	 * starts a paragraph, so that unit is this part's) */
	if (!prev && pt->lead[k].semi && !pt->lead[k].tok && k > k0 && a->sent[k - 1].para == s->para)
		prev = &a->sent[k - 1];
	pt->rc = tl_polarity_sentence(pt->c, s, pt->lead[k].tok, pt->lead[k].n, prev);
	if (s->pclass & TL_PC_WITHOUT) /* most units have no "without" / "zonder" */
		tl_negscope_without(s->tok, s->ntok);
	uint32_t qf = 0;
	if (!pt->rc && quant)
		pt->rc = tl_quantities_sentence(pt->c, s, &qf);
	if (!pt->rc && tl_verbless_unit(s))
		qf |= TL_SENT_VERBLESS;
	s->flags |= qf;
}

static void S_polarity_part(S_part *pt)
{
	for (uint32_t k = pt->k0; k < pt->k1 && !pt->rc; k++)
		S_polarity_unit(pt, k, pt->k0, pt->quant);
}

/* The pieces taken in turn (two threads, after the definitions); `wait` is the
 * second part, whose quantities the calling thread waits for before it takes
 * a unit of theirs (NULL on the second thread itself, which did them). */
static void S_polarity_pieces(S_part *pt, S_part *wait)
{
	S_pieces *pc = pt->pc;
	tl_annotated *a = pt->c->a;
	int have_qf = wait == NULL;
	for (;;) {
		unsigned j = atomic_fetch_add(&pc->next, 1u);
		if (j >= pc->n)
			return;
		for (uint32_t k = pc->b[j]; k < pc->b[j + 1] && !pt->rc; k++) {
			if (k < pc->split) {
				S_polarity_unit(pt, k, pc->b[j], 1);
				continue;
			}
			if (!have_qf) {
				pthread_mutex_lock(&wait->mu);
				while (!pc->quant_done)
					pthread_cond_wait(&wait->cv, &wait->mu);
				pthread_mutex_unlock(&wait->mu);
				have_qf = 1;
			}
			if (!pc->qf) {
				pt->rc = TL_ENOMEM; /* the second thread's quantities failed */
				return;
			}
			a->sent[k].flags |= pc->qf[k - pc->split];
			S_polarity_unit(pt, k, pc->b[j], 0);
		}
		if (pt->rc)
			return;
	}
}

/* Cuts units [0, nsent) into at most S_NPIECE pieces of about the same number
 * of tokens, at paragraphs after which no unit continues a lead-in from
 * before (the criterion of S_split). */
static void S_pieces_cut(const tl_ann_ctx *c, const S_lead *lead, S_pieces *pc)
{
	const tl_annotated *a = c->a;
	pc->n = 1;
	pc->b[0] = 0;
	pc->b[1] = a->nsent;
	uint8_t *ok = calloc(c->npara + 1, 1);
	if (!ok)
		return;
	uint64_t total = 0;
	for (uint32_t k = 0; k < a->nsent; k++)
		total += a->sent[k].ntok + lead[k].n + 1;
	uint32_t lo = UINT32_MAX;
	for (size_t p = c->npara - 1; p > 0; p--) {
		for (uint32_t k = a->para_sent[p]; k < a->para_sent[p + 1]; k++)
			if (a->sent[k].lead_para < lo)
				lo = a->sent[k].lead_para;
		uint32_t ks = a->para_sent[p];
		ok[p] = ks > 0 && ks < a->nsent && lo >= p;
	}
	uint64_t done = 0;
	uint32_t n = 0;
	for (size_t p = 0; p < c->npara && n + 1 < S_NPIECE; p++) {
		uint32_t ks = a->para_sent[p];
		if (ok[p] && ks > pc->b[n] && done * S_NPIECE >= total * (n + 1))
			pc->b[++n] = ks;
		for (uint32_t k = ks; k < a->para_sent[p + 1]; k++)
			done += a->sent[k].ntok + lead[k].n + 1;
	}
	pc->b[++n] = a->nsent;
	pc->n = n;
	free(ok);
}

/* Quantities of [k0, k1), their sentence flags kept in qf until the
 * definitions (which set other flags of the same units) are done. */
static int S_quantities_part(S_part *pt, uint32_t *qf)
{
	tl_annotated *a = pt->c->a;
	for (uint32_t k = pt->k0; k < pt->k1; k++) {
		int rc = tl_quantities_sentence(pt->c, &a->sent[k], &qf[k - pt->k0]);
		if (rc)
			return rc;
	}
	return 0;
}

/* The frameworks each operative unit names, S_NAMED units at a time, until
 * none are left: the second thread takes them once its polarity is done,
 * the calling thread after its passes over the units (lists of requests,
 * priorities, key/value rows), which write other fields of the units (the
 * names read only the folds). */
#define S_NAMED 256
static void S_named_take(const tl_annotated *a, S_pieces *pc, tl_fw_named *named)
{
	for (;;) {
		unsigned k0 = atomic_fetch_add(&pc->named_next, (unsigned)S_NAMED);
		if (k0 >= a->nsent)
			return;
		uint32_t k1 = a->nsent - k0 > S_NAMED ? k0 + S_NAMED : a->nsent;
		for (uint32_t k = k0; k < k1; k++)
			if (a->para_operative[a->sent[k].para])
				tl_frameworks_named(&a->sent[k], &named[k]);
	}
}

static void *S_second_thread(void *arg)
{
	S_part *pt = arg;
	uint32_t *qf = calloc(pt->k1 - pt->k0 + 1, sizeof *qf);
	pt->rc = qf ? S_quantities_part(pt, qf) : TL_ENOMEM;
	if (pt->rc) {
		free(qf);
		qf = NULL;
	}
	pthread_mutex_lock(&pt->mu);
	pt->pc->qf = qf;
	pt->pc->quant_done = 1;
	pthread_cond_broadcast(&pt->cv);
	while (pt->go == 0)
		pthread_cond_wait(&pt->cv, &pt->mu);
	int go = pt->go;
	pthread_mutex_unlock(&pt->mu);
	if (go > 0 && !pt->rc)
		S_polarity_pieces(pt, NULL);
	if (go <= 0)
		return NULL;
	pthread_mutex_lock(&pt->mu);
	pt->pol_done = 1;
	pthread_cond_broadcast(&pt->cv);
	pthread_mutex_unlock(&pt->mu);
	/* while the calling thread marks lists of requests and priorities, the
	 * frameworks' names, shared with it once it is done (S_named_take) */
	if (!pt->rc && pt->named)
		S_named_take(pt->c->a, pt->pc, pt->named);
	return NULL;
}

/* Where the second part starts: the paragraph boundary nearest to `share`
 * percent of the tokens from the end after which no unit continues a
 * lead-in from before it (the two parts then share no tokens).  0 when
 * there is none. */
static uint32_t S_split(const tl_ann_ctx *c, const S_lead *lead, uint64_t share)
{
	const tl_annotated *a = c->a;
	if (a->nsent < 2 || c->npara < 2)
		return 0;
	uint64_t total = 0;
	for (uint32_t k = 0; k < a->nsent; k++)
		total += a->sent[k].ntok + lead[k].n + 1;
	/* lowest lead_para of the units from paragraph p on, walking back */
	uint32_t best = 0;
	uint64_t best_d = UINT64_MAX, after = 0;
	uint32_t lo = UINT32_MAX;
	for (size_t p = c->npara - 1; p > 0; p--) {
		for (uint32_t k = a->para_sent[p]; k < a->para_sent[p + 1]; k++) {
			after += a->sent[k].ntok + lead[k].n + 1;
			if (a->sent[k].lead_para < lo)
				lo = a->sent[k].lead_para;
		}
		uint32_t ks = a->para_sent[p];
		if (ks == 0 || ks >= a->nsent || lo < p)
			continue;
		uint64_t x = after * 100, y = total * share;
		uint64_t d = x > y ? x - y : y - x;
		if (d < best_d) {
			best_d = d;
			best = ks;
		}
	}
	return best;
}

/* The second thread's share of the units, in percent of their tokens: it
 * also does the quantities of its part while the definitions are found, and
 * after its polarity the frameworks' names of all units, so it takes a
 * little more than half (polarity costs about 3.5 times the quantities;
 * measured on bench-nl-600 and bench-en-600). */
#define S_SECOND_SHARE 54

/* Leads, the split and the second part's thread (started here: its
 * quantities overlap the definitions).  *lead is malloc'd. */
static int S_polarity_start(tl_ann_ctx *c, int threads, S_lead **lead, S_part *one, S_part *two)
{
	tl_annotated *a = c->a;
	*lead = malloc((a->nsent ? a->nsent : 1) * sizeof **lead);
	if (!*lead)
		return TL_ENOMEM;
	S_leads(c, *lead);
	uint32_t split =
	    threads >= 2 && a->nsent >= TL_ANNOT_PAR_MIN ? S_split(c, *lead, S_SECOND_SHARE) : 0;
	memset(one, 0, sizeof *one);
	memset(two, 0, sizeof *two);
	*one = (S_part){.c = c, .lead = *lead, .k0 = 0, .k1 = split ? split : a->nsent, .quant = 1};
	if (!split)
		return 0;
	two->c2 = *c;
	two->c2.wtok = NULL;
	two->c2.wscope = NULL;
	two->c2.wcap = 0;
	two->c2.ar = &a->arena2;
	two->c = &two->c2;
	two->lead = *lead;
	two->k0 = split;
	two->k1 = a->nsent;
	two->quant = 1; /* until its thread runs: without one, this part runs after the first */
	if (pthread_mutex_init(&two->mu, NULL) != 0)
		return 0;
	if (pthread_cond_init(&two->cv, NULL) != 0) {
		pthread_mutex_destroy(&two->mu);
		return 0;
	}
	S_pieces *pc = calloc(1, sizeof *pc);
	if (!pc) {
		pthread_cond_destroy(&two->cv);
		pthread_mutex_destroy(&two->mu);
		return 0;
	}
	S_pieces_cut(c, *lead, pc);
	pc->split = split;
	atomic_init(&pc->next, 0u);
	atomic_init(&pc->named_next, 0u);
	two->named = malloc((a->nsent ? a->nsent : 1) * sizeof *two->named);
	one->pc = two->pc = pc;
	two->quant = 0;
	if (tl_task_start(&two->th, S_second_thread, two) != 0) {
		pthread_cond_destroy(&two->cv);
		pthread_mutex_destroy(&two->mu);
		free(two->named);
		two->named = NULL;
		free(pc);
		one->pc = two->pc = NULL;
		two->quant = 1;
		return 0;
	}
	two->started = 1;
	return 0;
}

/* Polarity of the first part here and of the second on its thread (go > 0),
 * returning when both are done; or only stops the second thread (go < 0:
 * the definitions failed).  The thread itself goes on with the frameworks'
 * names until S_polarity_join. */
static int S_polarity_run(S_part *one, S_part *two, int go)
{
	if (two->started) {
		pthread_mutex_lock(&two->mu);
		two->go = go;
		pthread_cond_broadcast(&two->cv);
		pthread_mutex_unlock(&two->mu);
	}
	if (go > 0 && two->started)
		S_polarity_pieces(one, two);
	else if (go > 0)
		S_polarity_part(one);
	if (two->started && go > 0) {
		pthread_mutex_lock(&two->mu);
		while (!two->pol_done)
			pthread_cond_wait(&two->cv, &two->mu);
		pthread_mutex_unlock(&two->mu);
	} else if (!two->started && go > 0 && !one->rc && two->k1 > two->k0) {
		S_polarity_part(two); /* no thread: both parts here, in order */
	}
	return one->rc ? one->rc : two->rc;
}

/* Ends the second thread; c->fw_named gets its frameworks' names (or NULL). */
static void S_polarity_join(tl_ann_ctx *c, S_lead *lead, S_part *two)
{
	if (two->started) {
		tl_task_join(two->th);
		pthread_cond_destroy(&two->cv);
		pthread_mutex_destroy(&two->mu);
		two->started = 0;
		if (two->rc) {
			free(two->named); /* not all filled in */
			two->named = NULL;
		}
		c->fw_named = two->named;
		free(two->pc->qf);
		free(two->pc);
		two->pc = NULL;
	}
	free(two->c2.wtok);
	free(two->c2.wscope);
	two->c2.wtok = NULL;
	two->c2.wscope = NULL;
	free(lead);
}

static int S_build(tl_ann_ctx *c, int threads, tl_error *err)
{
	tl_annotated *a = c->a;
	int rc = tl_text_open(&c->txt, &a->arena, err);
	if (rc)
		return rc;
	a->npara = c->npara;
	c->pt = calloc(c->npara ? c->npara : 1, sizeof *c->pt);
	a->para_operative = tl_arena_calloc(&a->arena, c->npara + 1, 1);
	a->para_sent = tl_arena_calloc(&a->arena, c->npara + 1, sizeof *a->para_sent);
	if (!c->pt || !a->para_operative || !a->para_sent)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	if ((rc = tl_annot_text_phases(c, threads, err)) != 0)
		return rc;
	S_lead *lead;
	S_part one, two;
	if ((rc = S_polarity_start(c, threads, &lead, &one, &two)) != 0)
		return tl_error_set(err, rc, "annotation failed (%s)", tl_code_name(rc));
	if ((rc = tl_definitions_find(c)) != 0 || (rc = tl_definitions_mark(c)) != 0) {
		S_polarity_run(&one, &two, -1);
		S_polarity_join(c, lead, &two);
		free(c->fw_named); /* the second thread stopped before its names */
		c->fw_named = NULL;
		return tl_error_set(err, rc, "annotation failed (%s)", tl_code_name(rc));
	}
	/* the ';' items of a definition continue it ("\"Token Patterns\" means ..., including:
	 * (a) a name ...; (b) ...") */
	for (uint32_t k = 1; k < a->nsent; k++) {
		const tl_sentence *pv = &a->sent[k - 1];
		tl_sentence *s = &a->sent[k];
		if ((pv->flags & TL_SENT_DEFINITION) && s->para == pv->para &&
		    s->quote_start == pv->quote_start)
			s->flags |= TL_SENT_DEFINITION;
	}
	tl_parties_we_you(c, &c->we);
	rc = S_polarity_run(&one, &two, 1);
	/* the second thread meanwhile works out the frameworks' names (S_second_thread) */
	if (!rc) {
		tl_verbless_mark(c);
		tl_puffery_mark(c);
		rc = tl_priority_mark(c);
	}
	if (!rc)
		rc = c->ph_rc;
	if (!rc) {
		a->ph = c->ph;
		a->nph = c->nph;
		tl_placeholders_flag(a);
		tl_kvrows_mark(c); /* reads the placeholders' flags */
	}
	/* the frameworks' names the second thread has not taken yet */
	if (!rc && two.started && two.named)
		S_named_take(a, two.pc, two.named);
	S_polarity_join(c, lead, &two);
	if (!rc)
		tl_negscope_uncovered(a);
	if (!rc)
		rc = tl_frameworks_find(c);
	if (!rc)
		rc = tl_disapply_mark(c);
	free(c->fw_named);
	c->fw_named = NULL;
	if (rc)
		return tl_error_set(err, rc, "annotation failed (%s)", tl_code_name(rc));
	return 0;
}

/* Moves a malloc'd array into the arena. */
static void *S_to_arena(tl_arena *ar, void *p, size_t n, size_t size, int *fail)
{
	if (!n) {
		free(p);
		return NULL;
	}
	void *q = tl_arena_alloc(ar, n * size);
	if (!q) {
		*fail = 1;
		free(p);
		return NULL;
	}
	memcpy(q, p, n * size);
	free(p);
	return q;
}

int tl_annotate(tl_annotated **out, const tl_document *doc, tl_error *err)
{
	return tl_annotate_ex(out, doc, 1, err);
}

int tl_annotate_ex(tl_annotated **out, const tl_document *doc, int threads, tl_error *err)
{
	*out = NULL;
	tl_annotated *a = calloc(1, sizeof *a);
	if (!a)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	tl_arena_init(&a->arena, 0);
	tl_arena_init(&a->arena2, 0);
	a->doc = doc;
	tl_ann_ctx c;
	memset(&c, 0, sizeof c);
	c.a = a;
	c.ar = &a->arena;
	c.paras = tl_document_paras(doc, &c.npara);
	a->flags |= TL_ANNOT_BUILDING;
	int rc = S_build(&c, threads, err);
	a->flags &= ~TL_ANNOT_BUILDING;
	int fail = 0;
	/* the sentences stay in their malloc'd array (a copy into the arena would touch
	 * as many fresh pages again) */
	if (a->nsent) {
		a->sent = c.sent;
		a->sent_owned = c.sent;
	} else {
		free(c.sent);
		a->sent = NULL;
	}
	a->terms = S_to_arena(&a->arena, c.terms, a->nterms, sizeof *a->terms, &fail);
	a->ph = S_to_arena(&a->arena, c.ph, a->nph, sizeof *a->ph, &fail);
	a->fw = S_to_arena(&a->arena, c.fw, a->nfw, sizeof *a->fw, &fail);
	free(c.clause_defs);
	free(c.term_next);
	free(c.term_word0);
	free(c.term_nwords);
	free(c.term_words);
	free(c.wtok);
	free(c.wscope);
	free(c.pt);
	tl_text_close(c.txt);
	if (!rc && fail)
		rc = tl_error_set(err, TL_ENOMEM, "out of memory");
	if (rc) {
		tl_annotated_free(a);
		return rc;
	}
	*out = a;
	return 0;
}

void tl_annotated_free(tl_annotated *a)
{
	if (!a)
		return;
	tl_arena_free(&a->arena);
	tl_arena_free(&a->arena2);
	free(a->sent_owned);
	for (int k = 0; k < 2; k++)
		if (a->tokmap[k])
			munmap(a->tokmap[k], a->tokmap_len[k]);
	free(a);
}
