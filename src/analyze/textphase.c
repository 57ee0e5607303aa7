/* textphase.c: the text phases of tl_annotate (annotate.c): tokens of every
 * paragraph and the document's language, operative paragraphs, and the units
 * (sentences and their coordinated parts) with their stems, on two threads
 * for a long document; the token pools. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "analyze/annot_int.h"
#include "util/task.h"

/* ---- building ----------------------------------------------------------- */

/* A growing list of units (one per part of S_sentences). */
typedef struct S_sents {
	tl_sentence *v;
	uint32_t n, cap;
} S_sents;

static tl_sentence *S_new_sentence(S_sents *l)
{
	if (l->n == l->cap) {
		if (l->cap > UINT32_MAX / 4)
			return NULL;
		uint32_t n = l->cap ? l->cap * 2 : 1024;
		tl_sentence *s = realloc(l->v, (size_t)n * sizeof *s);
		if (!s)
			return NULL;
		l->v = s;
		l->cap = n;
	}
	tl_sentence *s = &l->v[l->n++];
	memset(s, 0, sizeof *s);
	s->clause = -1;
	s->subject = -1;
	s->pclass = UINT32_MAX;
	return s;
}

/* Tokens of paragraph p inside [start, end); *cursor (ranges come in text
 * order) keeps the scan linear over the paragraph. */
static void S_slice(const tl_ann_para *pt, uint32_t start, uint32_t end, tl_token **tok, uint32_t *n,
                    uint32_t *cursor)
{
	uint32_t i = *cursor;
	while (i < pt->ntok && pt->tok[i].start < start)
		i++;
	uint32_t j = i;
	while (j < pt->ntok && pt->tok[j].end <= end)
		j++;
	*tok = pt->tok ? pt->tok + i : NULL;
	*n = j - i;
	*cursor = j;
}

/* A sentence that is an unticked option of a choice list inside a paragraph
 * ("... - [x] Expires [1 year(s)] from Effective Date. - [ ] Continues until
 * terminated ..."): not part of the agreement. */
static int S_unticked_option(const tl_token *tok, uint32_t n)
{
	uint32_t i = 0;
	while (i < n && i < 2 && (strcmp(tok[i].fold, "-") == 0 || strcmp(tok[i].fold, "*") == 0))
		i++;
	if (i < n && (strcmp(tok[i].fold, "\xe2\x98\x90") == 0 || /* U+2610 ballot box */
	              strcmp(tok[i].fold, "\xe2\x96\xa1") == 0))  /* U+25A1 white square */
		return 1;
	return i + 1 < n && strcmp(tok[i].fold, "[") == 0 && strcmp(tok[i + 1].fold, "]") == 0;
}

/* 1 + the index of the first ':' among tok[2 .. n), or 0: where a lead-in
 * ends ("Opdrachtnemer zal:"), found here, in the pieces, for annotate.c. */
static uint32_t S_colon(const tl_token *tok, uint32_t n)
{
	for (uint32_t i = 2; i < n; i++)
		if (tok[i].fold[0] == ':' && tok[i].fold[1] == '\0')
			return i + 1;
	return 0;
}

/* Units of paragraphs [p0, p1) into out, with txt (the one that made their
 * tokens: it stems them); para_sent[p] is the index in out. */
static int S_sentences_part(tl_ann_ctx *c, tl_text *txt, size_t p0, size_t p1, S_sents *out)
{
	tl_annotated *a = c->a;
	for (size_t p = p0; p < p1; p++) {
		const tl_para *para = &c->paras[p];
		a->para_sent[p] = out->n;
		const tl_range *r;
		uint32_t nr;
		int rc = tl_text_sentences(txt, para->text, para->len, &r, &nr);
		if (rc)
			return rc;
		uint32_t qs = 0, qe = 0, cursor = 0;
		for (uint32_t k = 0; k < nr; k++) {
			if (!(r[k].flags & TL_RANGE_AFTER_SEMI)) {
				qs = r[k].start;
				/* the quote runs over the ';' items that follow */
				uint32_t m = k + 1;
				while (m < nr && (r[m].flags & TL_RANGE_AFTER_SEMI))
					m++;
				qe = r[m - 1].end;
			}
			tl_token *tok;
			uint32_t ntok;
			S_slice(&c->pt[p], r[k].start, r[k].end, &tok, &ntok, &cursor);
			uint32_t cnl = 0, cen = 0;
			tl_text_lang_count(tok, ntok, &cnl, &cen);
			tl_lang lang = (cnl + cen >= 2) ? tl_text_lang_pick(cnl, cen, a->lang) : a->lang;
			if (lang == TL_LANG_UNKNOWN)
				lang = TL_LANG_NL;
			if (tl_text_stem_tokens(txt, lang, tok, ntok) != 0)
				return TL_ENOMEM;
			/* coordinated units: "X shall not sell the Data, but may use it" */
			uint32_t from = 0, unit = 0;
			while (from <= ntok) {
				uint32_t cut = ntok > from ? tl_polarity_split(tok + from, ntok - from, lang) : 0;
				uint32_t to = cut ? from + cut : ntok;
				tl_sentence *s = S_new_sentence(out);
				if (!s)
					return TL_ENOMEM;
				s->para = (int32_t)p;
				s->clause = para->clause;
				s->start = from == 0 ? r[k].start : tok[from].start;
				s->end = to == ntok ? r[k].end : tok[to - 1].end;
				s->quote_start = qs;
				s->quote_end = qe;
				s->lang = lang;
				s->tok = tok + from;
				s->ntok = to - from;
				s->colon = S_colon(s->tok, s->ntok);
				s->unit = unit++;
				s->lead_para = (uint32_t)p;
				if (r[k].flags & TL_RANGE_AFTER_SEMI)
					s->lead_para = UINT32_MAX; /* resolved by S_polarity */
				if (para->kind == TL_PARA_HEADING || para->outline > 0)
					s->flags |= TL_SENT_HEADING;
				if (!a->para_operative[p] || (s->unit == 0 && S_unticked_option(tok, ntok)))
					s->flags |= TL_SENT_NONOPERATIVE;
				if (!cut)
					break;
				from = to;
			}
		}
	}
	return 0;
}

/* Tokens (and the document's language), operative paragraphs and units.
 * With threads >= 2 and a long enough document, the paragraphs from the
 * middle on are tokenised and cut into units by a second thread with its
 * own tl_text (its own word records, stems and arena2): the same tokens,
 * stems and units, in paragraph order. */
typedef struct S_tpart {
	tl_ann_ctx *c;
	tl_text *txt;
	size_t p0, p1;
	int phase;         /* 0 tokens, 1 units */
	uint32_t cnl, cen; /* language counts of the part */
	size_t bad;        /* the paragraph that could not be segmented */
	S_sents out;
	tl_ph_vec ph;      /* placeholders of the part (phase 0) */
	tl_we_count we;    /* first and second persons (phase 1) */
	int rc, ph_rc;
} S_tpart;

static void S_text_part(S_tpart *t)
{
	tl_ann_ctx *c = t->c;
	if (t->phase == 1) {
		t->rc = S_sentences_part(c, t->txt, t->p0, t->p1, &t->out);
		tl_parties_we_count(c, t->p0, t->p1, &t->we);
		return;
	}
	for (size_t p = t->p0; p < t->p1; p++) {
		int rc = tl_text_tokens(t->txt, c->paras[p].text, c->paras[p].len, &c->pt[p].tok,
		                        &c->pt[p].ntok);
		if (rc) {
			t->rc = rc;
			t->bad = p;
			return;
		}
		tl_para_kind k = c->paras[p].kind;
		if (k != TL_PARA_COMMENT && k != TL_PARA_HEADER && k != TL_PARA_FOOTER)
			tl_text_lang_count(c->pt[p].tok, c->pt[p].ntok, &t->cnl, &t->cen);
		/* what tl_operative_paras and tl_priority_mark ask of the paragraph alone */
		tl_operative_para(c, p);
		if (tl_priority_legend_para(&c->paras[p]))
			c->pt[p].op |= TL_OP_LEGEND;
		/* placeholders read only the text: found here, flagged after polarity */
		if (!t->ph_rc)
			t->ph_rc = tl_placeholders_para(t->txt, &c->paras[p], p, &t->ph);
	}
}

/* The text phases in pieces that two threads take in turn: each thread has
 * its own tl_text (txt[t]) and stems with it whatever piece it takes. */
#define S_PIECES 8

typedef struct S_twork {
	S_tpart piece[S_PIECES];
	size_t npiece;
	tl_text *txt[2];
	atomic_uint next;
	/* the units of the pieces put together as they come (S_units_done) */
	pthread_mutex_t mu;
	uint8_t done[S_PIECES]; /* under mu: piece k's units are made */
	size_t front;           /* under mu: the units of pieces [0, front) are in piece 0's list */
	int fail;               /* under mu: a piece failed, or no room: nothing more is put */
} S_twork;

/* Piece k's units are made: every piece from the front on whose units are
 * made goes to the end of piece 0's list, its paragraphs' first units moved
 * by the units before it.  Whichever thread ends a piece does this, so the
 * copies (and the fresh pages they touch) are spread over the phase instead
 * of following it, and a copied piece's list is free for the pieces still to
 * cut. */
static void S_units_done(S_twork *w, size_t k)
{
	tl_annotated *a = w->piece[0].c->a;
	S_sents *all = &w->piece[0].out;
	pthread_mutex_lock(&w->mu);
	w->done[k] = 1;
	for (; w->front < w->npiece && w->done[w->front]; w->front++) {
		S_tpart *t = &w->piece[w->front];
		if (t->rc)
			w->fail = 1;
		if (w->front == 0 || w->fail)
			continue;
		uint64_t need = (uint64_t)all->n + t->out.n;
		if (need > UINT32_MAX / 2) {
			w->fail = 1;
			continue;
		}
		if (all->cap < need) {
			uint64_t cap = (uint64_t)all->cap * 2 > need ? (uint64_t)all->cap * 2 : need;
			if (cap > UINT32_MAX / 2)
				cap = need;
			tl_sentence *v = realloc(all->v, (size_t)cap * sizeof *v);
			if (!v) {
				w->fail = 1;
				continue;
			}
			all->v = v;
			all->cap = (uint32_t)cap;
		}
		if (t->out.n)
			memcpy(all->v + all->n, t->out.v, (size_t)t->out.n * sizeof *t->out.v);
		for (size_t p = t->p0; p < t->p1; p++)
			a->para_sent[p] += all->n;
		all->n += t->out.n;
		free(t->out.v);
		t->out.v = NULL;
		t->out.n = t->out.cap = 0;
	}
	pthread_mutex_unlock(&w->mu);
}

/* The next piece nobody has taken, until none is left, in either phase: a
 * thread cuts and stems with its own tl_text whatever piece it takes (a
 * word's stem, kept in its word record, is read and filled atomically,
 * tl_text_stem_tokens). */
static void S_take(S_twork *w, int t)
{
	for (;;) {
		unsigned k = atomic_fetch_add(&w->next, 1u);
		if (k >= w->npiece)
			break;
		w->piece[k].txt = w->txt[t];
		S_text_part(&w->piece[k]);
		if (w->piece[k].phase == 1)
			S_units_done(w, k);
	}
}

static void *S_text_thread(void *arg)
{
	S_take(arg, 1);
	return NULL;
}

/* Every piece of the phase, on the second thread too when there is one. */
static void S_run_parts(S_twork *w, int phase)
{
	for (size_t k = 0; k < w->npiece; k++)
		w->piece[k].phase = phase;
	atomic_store(&w->next, 0u);
	tl_task *th;
	if (w->npiece > 1 && w->txt[1] && tl_task_start(&th, S_text_thread, w) == 0) {
		S_take(w, 0);
		tl_task_join(th);
		return;
	}
	S_take(w, 0); /* without a thread, every piece here, in order */
}

/* The token pool of text part k (tl_text_token_pool) for `bytes` bytes of
 * text: an anonymous mapping aligned to 2 MiB and advised to use huge pages,
 * so that the 40-byte tokens of a long document (120k tokens: 4.8 MB) cost a
 * few page faults instead of one per 4 KiB.  Room for bytes/4 tokens (they
 * average more than 4 bytes with their spaces; later ones go to the arena).
 * Huge pages only as far as the tokens of sure_bytes of text surely reach
 * (sure_bytes/6 of them: Dutch and English text averages 6 bytes a token
 * with its space), the rest in
 * 4 KiB pages: a 2 MiB page the tokens only begin is 2 MiB of memory for a
 * few hundred KiB of tokens (bench-nl-600: the two pools' peak 8 -> 4.9 MiB).
 * NULL for a short text, or when the mapping fails. */
#define S_POOL_MIN_BYTES (128u * 1024)
#define S_POOL_MAX_BYTES (64u * 1024 * 1024)
#define S_HUGE ((size_t)2 << 20)

static tl_token *S_pool_map(tl_annotated *a, int k, uint64_t bytes, uint64_t sure_bytes, size_t *cap)
{
	*cap = 0;
	if (bytes < S_POOL_MIN_BYTES || bytes > S_POOL_MAX_BYTES)
		return NULL;
	size_t n = (size_t)(bytes / 4) + 1024;
	size_t len = n * sizeof(tl_token) + S_HUGE;
	void *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
	               -1, 0);
	if (m == MAP_FAILED)
		return NULL;
	a->tokmap[k] = m;
	a->tokmap_len[k] = len;
	uintptr_t p = ((uintptr_t)m + S_HUGE - 1) & ~(uintptr_t)(S_HUGE - 1);
#ifdef MADV_HUGEPAGE
	size_t sure = (size_t)(sure_bytes / 6) * sizeof(tl_token) & ~(S_HUGE - 1);
	if (sure)
		(void)madvise((void *)p, sure, MADV_HUGEPAGE);
#endif
	*cap = n;
	return (tl_token *)p;
}

/* With threads >= 2 and a long enough document, the paragraphs are cut into
 * S_PIECES pieces of about as many bytes, and both threads take the next
 * piece until none is left, in each phase (tokens, then units): a fixed cut
 * in two halves left one thread waiting for the other 1-3 ms on
 * bench-nl-600.docx, as the ruleset still loads on the same cores when the
 * tokens are made.  Each thread stems with its own tl_text; the pieces'
 * results are put together in paragraph order: the same tokens, stems and
 * units as one pass. */
int tl_annot_text_phases(tl_ann_ctx *c, int threads, tl_error *err)
{
	tl_annotated *a = c->a;
	S_twork *w = calloc(1, sizeof *w);
	if (!w)
		return tl_error_set(err, TL_ENOMEM, "out of memory annotating");
	if (pthread_mutex_init(&w->mu, NULL) != 0) {
		free(w);
		return tl_error_set(err, TL_ENOMEM, "out of memory annotating");
	}
	w->txt[0] = c->txt;
	w->npiece = 1;
	uint64_t bytes = 0; /* of text; with a separator per paragraph for the cuts */
	for (size_t p = 0; p < c->npara; p++)
		bytes += c->paras[p].len;
	uint64_t total = bytes + c->npara;
	size_t bound[S_PIECES + 1] = {0};
	if (threads >= 2 && c->npara >= 2 && total >= TL_ANNOT_PAR_BYTES) {
		tl_error e2 = TL_ERROR_INIT;
		if (tl_text_open(&w->txt[1], &a->arena2, &e2) == 0) {
			uint64_t seen = 0;
			size_t p = 0;
			for (size_t k = 1; k < S_PIECES; k++) {
				while (p < c->npara && seen * S_PIECES < total * k)
					seen += c->paras[p++].len + 1;
				if (p >= c->npara)
					break;
				if (p > bound[w->npiece - 1])
					bound[w->npiece++] = p;
			}
		}
	}
	bound[w->npiece] = c->npara;
	for (size_t k = 0; k < w->npiece; k++) {
		w->piece[k].c = c;
		w->piece[k].p0 = bound[k];
		w->piece[k].p1 = bound[k + 1];
	}
	/* token pools, one per thread, each with room for the whole text's tokens
	 * (a thread may take every piece while the other waits for a core: the
	 * room is only address space) and huge pages as far as the tokens of the
	 * text, or with two threads of half of it, surely reach */
	uint64_t sure = w->txt[1] ? bytes / 2 : bytes;
	size_t cap;
	tl_token *pool = S_pool_map(a, 0, bytes, sure, &cap);
	if (pool)
		tl_text_token_pool(w->txt[0], pool, cap);
	if (w->txt[1] && (pool = S_pool_map(a, 1, bytes, sure, &cap)) != NULL)
		tl_text_token_pool(w->txt[1], pool, cap);
	int rc = 0;
	S_run_parts(w, 0);
	/* the placeholders of the pieces, in text order; the first TL_ANNOT_MAX_PH count */
	S_tpart *one = &w->piece[0];
	c->ph = one->ph.v;
	c->aph = one->ph.cap;
	c->nph = one->ph.n;
	c->ph_rc = one->ph_rc;
	one->ph.v = NULL;
	for (size_t k = 1; k < w->npiece; k++) {
		S_tpart *t = &w->piece[k];
		if (!c->ph_rc)
			c->ph_rc = t->ph_rc;
		if (c->ph_rc || !t->ph.n || c->nph >= TL_ANNOT_MAX_PH)
			continue;
		uint32_t add = t->ph.n;
		if (add > TL_ANNOT_MAX_PH - c->nph)
			add = TL_ANNOT_MAX_PH - c->nph;
		if (c->aph < c->nph + add) {
			tl_placeholder *v = realloc(c->ph, (size_t)(c->nph + add) * sizeof *v);
			if (!v) {
				c->ph_rc = TL_ENOMEM;
				continue;
			}
			c->ph = v;
			c->aph = c->nph + add;
		}
		memcpy(c->ph + c->nph, t->ph.v, (size_t)add * sizeof *c->ph);
		c->nph += add;
	}
	uint32_t cnl = 0, cen = 0;
	for (size_t k = 0; k < w->npiece; k++) {
		S_tpart *t = &w->piece[k];
		if (t->rc) {
			rc = tl_error_set(err, t->rc, "paragraph %zu: cannot segment the text", t->bad);
			goto done;
		}
		cnl += t->cnl;
		cen += t->cen;
	}
	a->lang = tl_text_lang_pick(cnl, cen, cnl + cen ? TL_LANG_NL : TL_LANG_UNKNOWN);
	if ((rc = tl_operative_paras(c)) != 0) {
		rc = tl_error_set(err, rc, "annotation failed (%s)", tl_code_name(rc));
		goto done;
	}
	/* piece 0's list has room for the units of all (S_units_done puts the others
	 * after its own): one a paragraph and one per 12 tokens, above the benchmark
	 * contracts' one per 17-18 tokens; only address space until written */
	if (w->npiece > 1) {
		uint64_t ntok = 0;
		for (size_t p = 0; p < c->npara; p++)
			ntok += c->pt[p].ntok;
		uint64_t room = c->npara + ntok / 12 + 1024;
		if (room <= UINT32_MAX / 4 && (one->out.v = malloc((size_t)room * sizeof *one->out.v)) != NULL)
			one->out.cap = (uint32_t)room;
	}
	S_run_parts(w, 1);
	/* the units of the pieces, in paragraph order, in the first piece's list */
	int urc = 0;
	for (size_t k = 0; k < w->npiece; k++)
		if (!urc)
			urc = w->piece[k].rc;
	if (!urc && (w->fail || w->front < w->npiece))
		urc = TL_ENOMEM;
	memset(&c->we, 0, sizeof c->we);
	for (size_t k = 0; k < w->npiece; k++) {
		const tl_we_count *we = &w->piece[k].we;
		c->we.nwe += we->nwe;
		c->we.nyou += we->nyou;
		c->we.we_first += we->we_first;
		c->we.ntender += we->ntender;
		c->we.nwe_op += we->nwe_op;
	}
	c->sent = one->out.v;
	c->asent = one->out.cap;
	a->sent = one->out.v;
	a->nsent = urc ? 0 : one->out.n;
	one->out.v = NULL;
	a->para_sent[c->npara] = a->nsent;
	if (urc)
		rc = tl_error_set(err, urc, "annotation failed (%s)", tl_code_name(urc));
done:
	for (size_t k = 0; k < w->npiece; k++) {
		free(w->piece[k].out.v);
		free(w->piece[k].ph.v);
	}
	tl_text_close(w->txt[1]);
	pthread_mutex_destroy(&w->mu);
	free(w);
	return rc;
}
