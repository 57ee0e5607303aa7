/* kvrows.c: the rows of a key/value table.
 *
 * A security schedule or an order form sets its terms out in two columns, a
 * short label and its value: "| Melding beveiligingsincidenten | binnen 24
 * uur |", "| Certification | ISO/IEC 27001, maintained for the term |", "|
 * Wi-Fi tracking | No |".  The matcher reads the label's concepts with the
 * value (rules/keycells.c); here the value gets its reading:
 * - a verbless value without a subject, in a document whose vendor is known,
 *   is the vendor's commitment (as a verbless row of binding priority is,
 *   priority.c), or the commitment of the party the label names ("Gebruik
 *   door Opdrachtnemer", "Customer responsibilities");
 * - a value that is only "No", "Nee", "Not used", "Geen", "N.v.t." answers
 *   the label: the row reads as "Wi-Fi tracking is not used" does (a
 *   passive prohibition), and so does the label, whose words are in the
 *   negation's scope.
 * The label keeps its own reading otherwise: a clause-scope pattern finds
 * part of its words there ("| Model updates | Continuous, without prior
 * notice |"), and a negated value ("niet toegestaan") stays as it reads.
 * Not: a header row, a table of definitions, prices or priorities, a label
 * with a verb ("Opdrachtgever levert aan"), a value with its own subject. */
#include <string.h>

#include "analyze/annot_int.h"

/* A label: one sentence of at most this many words (as rules/keycells.c). */
#define S_KEY_WORDS 8

/* header or label words of tables whose rows are no commitments */
static const char *const S_skip_table[] = {
	"begrip", "begrippen", "definitie", "definities", "definition", "definitions", "term", "terms",
	"betekenis", "meaning", "afkorting", "afkortingen", "abbreviation", "abbreviations", "acronym",
	"acronyms", "uitleg", "explanation", "verklaring", "glossary", "woordenlijst", "prioriteit",
	"priority", "moscow", "soort", "type", "kind", NULL};
static const char *const S_price[] = {
	"prijs", "prijzen", "tarief", "tarieven", "kosten", "vergoeding", "vergoedingen", "bedrag",
	"price", "prices", "fee", "fees", "cost", "costs", "charge", "charges", "amount", "rate", NULL};
/* a priority code as the whole value: the row is a requirement with its priority */
static const char *const S_code[] = {"must", "should", "could", "won't", "wens", "eis", "ko",
                                     "knock-out", NULL};
/* a value that answers its label with no */
static const char *const S_no[] = {"nee", "no", "none", "geen", "n.v.t.", "nvt", "n/a", "not used",
                                   "niet gebruikt", "not applicable", "niet van toepassing",
                                   "not included", "niet inbegrepen", NULL};
static const char *const S_by[] = {"door", "by", NULL};

static uint32_t S_words(const tl_sentence *s)
{
	uint32_t w = 0;
	for (uint32_t i = 0; i < s->ntok; i++)
		w += !(s->tok[i].flags & TL_TOK_PUNCT);
	return w;
}

/* 1 when the words of unit s, punctuation aside, are one phrase of list */
static int S_only(const tl_sentence *s, const char *const *list)
{
	uint32_t i = 0, n = s->ntok;
	while (n > 0 && (s->tok[n - 1].flags & TL_TOK_PUNCT) && !tl_tok_is(&s->tok[n - 1], "."))
		n--;
	if (n == 0)
		return 0;
	uint32_t m = tl_ph_list_at(s->tok, n, i, list, NULL);
	if (m == n)
		return 1;
	/* "N.v.t." may come as "n.v.t" and "." */
	return m && m + 1 == n && tl_tok_is(&s->tok[m], ".");
}

static int S_any(const tl_sentence *s, const char *const *list)
{
	for (uint32_t i = 0; i < s->ntok; i++)
		if (tl_tok_in(&s->tok[i], list))
			return 1;
	return 0;
}

static const char *const S_duty[] = {
	"responsibilities", "responsibility", "obligations", "obligation", "duties", "tasks",
	"verplichtingen", "verplichting", "taken", "verantwoordelijkheden", "verantwoordelijkheid", NULL};

/* The party the label names as the one who acts: "Gebruik door Opdrachtnemer",
 * "Supplier obligations", "Verplichtingen Opdrachtgever"; TL_ROLE_NONE when
 * none (a party named as the owner, "Raw Customer Telemetry", is none). */
static tl_role S_label_actor(const tl_annotated *a, const tl_sentence *k)
{
	int duty = S_any(k, S_duty);
	for (uint32_t i = 0; i < k->ntok; i++) {
		if (!(k->tok[i].flags & TL_TOK_PARTY))
			continue;
		tl_role r = tl_annot_token_role(a, k, i);
		if (r != TL_ROLE_VENDOR && r != TL_ROLE_CUSTOMER)
			continue;
		if (duty || (i > 0 && tl_tok_in(&k->tok[i - 1], S_by)))
			return r;
	}
	return TL_ROLE_NONE;
}

/* 1 when the document's vendor is known: a defined vendor, "we" as the
 * vendor, or a unit bound to the vendor */
static int S_vendor_known(const tl_annotated *a)
{
	if (a->flags & TL_ANNOT_WE_VENDOR)
		return 1;
	for (uint32_t t = 0; t < a->nterms; t++)
		if (a->terms[t].role == TL_ROLE_VENDOR)
			return 1;
	for (uint32_t k = 0; k < a->nsent; k++)
		if (a->sent[k].bound == TL_ROLE_VENDOR)
			return 1;
	return 0;
}

/* A unit that reads as "... is not used": a negated passive prohibition. */
static void S_deny(tl_sentence *s)
{
	s->modality = TL_MOD_PROHIBITION;
	s->flags |= TL_SENT_NEGATED | TL_SENT_PASSIVE;
	s->flags &= ~TL_SENT_VERBLESS;
}

/* "| Wi-Fi tracking | No |": the label reads as the value does (Wi-Fi tracking
 * is not used), its words apart from party mentions in the negation's scope. */
static void S_negate_label(tl_sentence *k)
{
	S_deny(k);
	for (uint32_t i = 0; i < k->ntok; i++)
		if (!(k->tok[i].flags & TL_TOK_PARTY))
			k->tok[i].flags |= TL_TOK_NEG_SCOPE;
}

/* One data row: key paragraph kp, value paragraphs [v0, v1) (all in column 1
 * between them: the caller passes the row's paragraphs). */
static void S_row(tl_ann_ctx *c, size_t r0, size_t r1, int *vendor)
{
	tl_annotated *a = c->a;
	const tl_para *ps = c->paras;
	size_t kp = (size_t)-1;
	for (size_t p = r0; p < r1; p++)
		if (ps[p].col == 0) {
			if (kp != (size_t)-1)
				return; /* a label of more than one paragraph */
			kp = p;
		}
	if (kp == (size_t)-1 || a->para_sent[kp + 1] != a->para_sent[kp] + 1)
		return;
	tl_sentence *k = &a->sent[a->para_sent[kp]];
	uint32_t kw = S_words(k);
	if (!kw || kw > S_KEY_WORDS || !(k->flags & TL_SENT_VERBLESS) || (k->flags & TL_SENT_NONOPERATIVE) ||
	    S_any(k, S_price))
		return;
	uint32_t vs0 = UINT32_MAX, vs1 = 0;
	for (size_t p = r0; p < r1; p++)
		if (ps[p].col == 1 && a->para_sent[p] < a->para_sent[p + 1]) {
			if (vs0 == UINT32_MAX)
				vs0 = a->para_sent[p];
			vs1 = a->para_sent[p + 1];
		}
	if (vs0 == UINT32_MAX)
		return;
	if (vs1 == vs0 + 1 && S_only(&a->sent[vs0], S_code))
		return; /* "| Encryptie in rust | Must |": a requirement and its priority */
	tl_role actor = S_label_actor(a, k);
	for (uint32_t u = vs0; u < vs1; u++) {
		tl_sentence *s = &a->sent[u];
		if (ps[s->para].col != 1 || s->bound != TL_ROLE_NONE || s->subject >= 0 ||
		    (s->flags & (TL_SENT_DEFINITION | TL_SENT_HEADING | TL_SENT_NONOPERATIVE | TL_SENT_PLACEHOLDER)))
			continue; /* an unfilled "{security_policy_description}" commits to nothing yet */
		/* "{security_policy_description}", "[vul in]": a template's field */
		if (s->ntok >= 2 && (tl_tok_is(&s->tok[0], "{") || tl_tok_is(&s->tok[0], "[") ||
		                     tl_tok_is(&s->tok[0], "<")) &&
		    (tl_tok_is(&s->tok[s->ntok - 1], "}") || tl_tok_is(&s->tok[s->ntok - 1], "]") ||
		     tl_tok_is(&s->tok[s->ntok - 1], ">")))
			continue;
		int money = 0;
		for (uint32_t q = 0; q < s->nq; q++)
			money |= s->q[q].kind == TL_Q_MONEY;
		if (money)
			continue;
		if (vs1 == vs0 + 1 && S_only(s, S_no)) {
			/* "| Wi-Fi tracking | No |": Wi-Fi tracking is not used */
			S_deny(s);
			S_negate_label(k);
			continue;
		}
		if (s->flags & TL_SENT_NEGATED) {
			if (actor != TL_ROLE_NONE)
				s->bound = actor; /* "niet toegestaan" alone stays as it reads */
			continue;
		}
		if (actor != TL_ROLE_NONE) {
			s->bound = actor;
		} else if (s->flags & TL_SENT_VERBLESS) {
			if (*vendor < 0)
				*vendor = S_vendor_known(a);
			if (!*vendor)
				continue;
			s->bound = TL_ROLE_VENDOR;
		} else {
			continue;
		}
		if ((s->flags & TL_SENT_VERBLESS) && s->modality == TL_MOD_STATEMENT) {
			s->modality = TL_MOD_OBLIGATION;
			s->flags &= ~TL_SENT_VERBLESS;
		}
	}
}

/* 1 when row [r0, r1) is a header: every cell one short verbless sentence of
 * at most three words without a number */
static int S_header(const tl_annotated *a, size_t r0, size_t r1)
{
	for (size_t p = r0; p < r1; p++) {
		if (a->para_sent[p + 1] != a->para_sent[p] + 1)
			return 0;
		const tl_sentence *s = &a->sent[a->para_sent[p]];
		if (!(s->flags & TL_SENT_VERBLESS) || S_words(s) > 3)
			return 0;
		for (uint32_t i = 0; i < s->ntok; i++)
			if (s->tok[i].flags & (TL_TOK_NUMBER | TL_TOK_NEGATOR))
				return 0;
	}
	return 1;
}

void tl_kvrows_mark(tl_ann_ctx *c)
{
	const tl_para *ps = c->paras;
	const tl_annotated *a = c->a;
	size_t np = c->npara;
	int vendor = -1; /* known, not, or not yet asked */
	for (size_t p = 0; p < np;) {
		if (ps[p].kind != TL_PARA_CELL || ps[p].table < 0 || ps[p].row < 0) {
			p++;
			continue;
		}
		size_t t0 = p, t1 = p;
		int32_t maxcol = 0;
		while (t1 < np && tl_para_same_table(&ps[t0], &ps[t1])) {
			if (ps[t1].col > maxcol)
				maxcol = ps[t1].col;
			t1++;
		}
		p = t1;
		if (maxcol != 1)
			continue;
		/* a table under a heading "Afkortingen", "Definitions" */
		if (t0 > 0 && ps[t0 - 1].kind == TL_PARA_HEADING && a->para_sent[t0 - 1] < a->para_sent[t0] &&
		    S_any(&a->sent[a->para_sent[t0 - 1]], S_skip_table))
			continue;
		for (size_t r0 = t0; r0 < t1;) {
			size_t r1 = r0 + 1;
			while (r1 < t1 && ps[r1].row == ps[r0].row)
				r1++;
			if (r0 == t0 && S_header(a, r0, r1)) {
				int skip = 0;
				for (size_t x = r0; x < r1 && !skip; x++)
					skip = S_any(&a->sent[a->para_sent[x]], S_skip_table) ||
					       S_any(&a->sent[a->para_sent[x]], S_price);
				if (skip)
					break; /* definitions, prices or priorities */
			} else {
				S_row(c, r0, r1, &vendor);
			}
			r0 = r1;
		}
	}
}
