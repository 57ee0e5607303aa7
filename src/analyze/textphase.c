/* textphase.c: the text phases of tl_annotate (annotate.c): tokens of every
 * paragraph and the document's language, operative paragraphs, and the units
 * (sentences and their coordinated parts) with their stems, on two threads
 * for a long document; the token pools. */
#include <pthread.h>
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
		/* placeholders read only the text: found here, flagged after polarity */
		if (!t->ph_rc)
			t->ph_rc = tl_placeholders_para(t->txt, &c->paras[p], p, &t->ph);
	}
}

static void *S_text_thread(void *arg)
{
	S_text_part(arg);
	return NULL;
}

/* Both parts, the second on a thread when one can be started. */
static void S_run_parts(S_tpart *one, S_tpart *two)
{
	tl_task *th;
	if (two->p0 < two->p1 && tl_task_start(&th, S_text_thread, two) == 0) {
		S_text_part(one);
		tl_task_join(th);
		return;
	}
	S_text_part(one);
	if (!one->rc && two->p0 < two->p1)
		S_text_part(two);
}

/* The token pool of text part k (tl_text_token_pool) for `bytes` bytes of
 * text: an anonymous mapping aligned to 2 MiB and advised to use huge pages,
 * so that the 40-byte tokens of a long document (120k tokens: 4.8 MB) cost a
 * few page faults instead of one per 4 KiB.  Room for bytes/4 tokens (they
 * average more than 4 bytes with their spaces; later ones go to the arena).
 * Huge pages only as far as the tokens surely reach (bytes/6 of them: Dutch
 * and English text averages 6 bytes a token with its space), the rest in
 * 4 KiB pages: a 2 MiB page the tokens only begin is 2 MiB of memory for a
 * few hundred KiB of tokens (bench-nl-600: the two pools' peak 8 -> 4.9 MiB).
 * NULL for a short text, or when the mapping fails. */
#define S_POOL_MIN_BYTES (128u * 1024)
#define S_POOL_MAX_BYTES (64u * 1024 * 1024)
#define S_HUGE ((size_t)2 << 20)

static tl_token *S_pool_map(tl_annotated *a, int k, uint64_t bytes, size_t *cap)
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
	size_t sure = (size_t)(bytes / 6) * sizeof(tl_token) & ~(S_HUGE - 1);
	if (sure)
		(void)madvise((void *)p, sure, MADV_HUGEPAGE);
#endif
	*cap = n;
	return (tl_token *)p;
}

int tl_annot_text_phases(tl_ann_ctx *c, int threads, tl_error *err)
{
	tl_annotated *a = c->a;
	size_t split = c->npara;
	tl_text *txt2 = NULL;
	if (threads >= 2 && c->npara >= 2) {
		uint64_t total = 0, half = 0;
		for (size_t p = 0; p < c->npara; p++)
			total += c->paras[p].len + 1;
		split = 0;
		while (split < c->npara && half * 2 < total)
			half += c->paras[split++].len + 1;
		tl_error e2 = TL_ERROR_INIT;
		if (total < TL_ANNOT_PAR_BYTES || split >= c->npara ||
		    tl_text_open(&txt2, &a->arena2, &e2) != 0)
			split = c->npara; /* one part */
	}
	/* token pools: bytes of text per part */
	uint64_t bytes1 = 0, bytes2 = 0;
	for (size_t p = 0; p < c->npara; p++)
		*(p < split ? &bytes1 : &bytes2) += c->paras[p].len;
	size_t cap;
	tl_token *pool = S_pool_map(a, 0, bytes1, &cap);
	if (pool)
		tl_text_token_pool(c->txt, pool, cap);
	if (txt2 && (pool = S_pool_map(a, 1, bytes2, &cap)) != NULL)
		tl_text_token_pool(txt2, pool, cap);
	S_tpart one = {c, c->txt, 0, split, 0, 0, 0, 0, {NULL, 0, 0}, {NULL, 0, 0}, {0, 0, 0, 0, 0}, 0, 0};
	S_tpart two = {c, txt2, split, c->npara, 0, 0, 0, 0, {NULL, 0, 0}, {NULL, 0, 0}, {0, 0, 0, 0, 0}, 0, 0};
	int rc = 0;
	S_run_parts(&one, &two);
	/* the placeholders of both parts, in text order; the first TL_ANNOT_MAX_PH count */
	c->ph = one.ph.v;
	c->aph = one.ph.cap;
	c->nph = one.ph.n;
	c->ph_rc = one.ph_rc ? one.ph_rc : two.ph_rc;
	one.ph.v = NULL;
	if (!c->ph_rc && two.ph.n && c->nph < TL_ANNOT_MAX_PH) {
		uint32_t add = two.ph.n;
		if (add > TL_ANNOT_MAX_PH - c->nph)
			add = TL_ANNOT_MAX_PH - c->nph;
		if (c->aph < c->nph + add) {
			tl_placeholder *v = realloc(c->ph, (size_t)(c->nph + add) * sizeof *v);
			if (!v)
				c->ph_rc = TL_ENOMEM;
			else {
				c->ph = v;
				c->aph = c->nph + add;
			}
		}
		if (!c->ph_rc) {
			memcpy(c->ph + c->nph, two.ph.v, (size_t)add * sizeof *c->ph);
			c->nph += add;
		}
	}
	if (one.rc || two.rc) {
		S_tpart *bad = one.rc ? &one : &two;
		rc = tl_error_set(err, bad->rc, "paragraph %zu: cannot segment the text", bad->bad);
		goto done;
	}
	uint32_t cnl = one.cnl + two.cnl, cen = one.cen + two.cen;
	a->lang = tl_text_lang_pick(cnl, cen, cnl + cen ? TL_LANG_NL : TL_LANG_UNKNOWN);
	if ((rc = tl_operative_paras(c)) != 0) {
		rc = tl_error_set(err, rc, "annotation failed (%s)", tl_code_name(rc));
		goto done;
	}
	one.phase = two.phase = 1;
	S_run_parts(&one, &two);
	if (!one.rc && !two.rc && two.out.n) {
		uint32_t n = one.out.n + two.out.n;
		if (n < one.out.n) {
			one.rc = TL_ENOMEM;
		} else if (one.out.cap < n) {
			tl_sentence *v = realloc(one.out.v, (size_t)n * sizeof *v);
			if (!v)
				one.rc = TL_ENOMEM;
			else {
				one.out.v = v;
				one.out.cap = n;
			}
		}
		if (!one.rc) {
			memcpy(one.out.v + one.out.n, two.out.v, (size_t)two.out.n * sizeof *two.out.v);
			for (size_t p = two.p0; p < two.p1; p++)
				a->para_sent[p] += one.out.n;
			one.out.n = n;
		}
	}
	c->we.nwe = one.we.nwe + two.we.nwe;
	c->we.nyou = one.we.nyou + two.we.nyou;
	c->we.we_first = one.we.we_first + two.we.we_first;
	c->we.ntender = one.we.ntender + two.we.ntender;
	c->we.nwe_op = one.we.nwe_op + two.we.nwe_op;
	c->sent = one.out.v;
	c->asent = one.out.cap;
	a->sent = one.out.v;
	a->nsent = one.out.n;
	a->para_sent[c->npara] = a->nsent;
	if (one.rc || two.rc)
		rc = tl_error_set(err, one.rc ? one.rc : two.rc, "annotation failed (%s)",
		                  tl_code_name(one.rc ? one.rc : two.rc));
done:
	free(two.out.v);
	free(two.ph.v);
	tl_text_close(txt2);
	return rc;
}
