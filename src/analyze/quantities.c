/* quantities.c: durations (normalised to hours), money, percentages and
 * counts, in digits or words, Dutch and English; vague time terms ("zo
 * spoedig mogelijk", "without undue delay") and efforts language
 * ("reasonable efforts", "inspanningsverplichting"). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "text/text.h"

/* strcmp(f, lit) == 0, with the first byte tested inline (most words fail there). */
#define S_IS(f, lit) ((f)[0] == (lit)[0] && strcmp((f), (lit)) == 0)

typedef struct {
	const char *w;
	double v;
} S_num;

/* sorted by word (byte order) for bsearch */
static const S_num S_words[] = {
	{"a", 1}, {"acht", 8}, {"achttien", 18}, {"an", 1}, {"anderhalf", 1.5}, {"dertien", 13},
	{"dertig", 30}, {"drie", 3}, {"duizend", 1000}, {"een", 1}, {"eight", 8}, {"eighteen", 18},
	{"eighty", 80}, {"eleven", 11}, {"elf", 11}, {"fifteen", 15}, {"fifty", 50}, {"five", 5},
	{"forty", 40}, {"four", 4}, {"fourteen", 14}, {"half", 0.5}, {"halve", 0.5}, {"honderd", 100},
	{"hundred", 100}, {"negen", 9}, {"negentien", 19}, {"negentig", 90}, {"nine", 9}, {"nineteen",
	19}, {"ninety", 90}, {"one", 1}, {"seven", 7}, {"seventeen", 17}, {"seventy", 70}, {"six", 6},
	{"sixteen", 16}, {"sixty", 60}, {"tachtig", 80}, {"ten", 10}, {"thirteen", 13}, {"thirty", 30},
	{"thousand", 1000}, {"three", 3}, {"tien", 10}, {"twaalf", 12}, {"twee", 2}, {"twelve", 12},
	{"twenty", 20}, {"twintig", 20}, {"two", 2}, {"veertien", 14}, {"veertig", 40}, {"vier", 4},
	{"vijf", 5}, {"vijftien", 15}, {"vijftig", 50}, {"zes", 6}, {"zestien", 16}, {"zestig", 60},
	{"zeven", 7}, {"zeventien", 17}, {"zeventig", 70}};
#define S_NWORDS (sizeof S_words / sizeof *S_words)

static int S_numcmp(const void *k, const void *e)
{
	return strcmp((const char *)k, ((const S_num *)e)->w);
}

static const S_num *S_lookup(const char *w)
{
	return bsearch(w, S_words, S_NWORDS, sizeof *S_words, S_numcmp);
}

static int S_word_num_fold(const char *f, double *v);

static int S_word_num_fold(const char *f, double *v)
{
	const S_num *hit = S_lookup(f);
	if (hit) {
		*v = hit->v;
		return 1;
	}
	size_t fl = strlen(f);
	if (fl < 9 || strcmp(f + fl - 3, "tig") != 0)
		return 0; /* compounds end in a ten: "...twintig", "...negentig" */
	/* Dutch compounds: "vierentwintig", "tweeenzeventig" (from tweeënzeventig) */
	const char *en = strstr(f, "en");
	for (; en; en = strstr(en + 1, "en")) {
		size_t ul = (size_t)(en - f);
		if (ul < 3 || ul > 6)
			continue;
		double u = 0, t = 0;
		char unit[8];
		memcpy(unit, f, ul);
		unit[ul] = '\0';
		const S_num *un = S_lookup(unit);
		if (!(un && un->v >= 1 && un->v < 10))
			continue;
		u = un->v;
		const S_num *tn = S_lookup(en + 2);
		if (tn && tn->v >= 20 && tn->v < 100) {
			t = tn->v;
			*v = t + u;
			return 1;
		}
	}
	return 0;
}

/* Parses a digit token: "1.000.000", "500,000", "1,5", "99.9", "24h".
 * Returns 1 and sets *v and the unit suffix (e.g. "h") in *suffix. */
static int S_digits(const char *f, double *v, const char **suffix)
{
	char buf[64];
	size_t k = 0, i = 0;
	int ndot = 0, ncomma = 0;
	const char *lastsep = NULL;
	for (; f[i] && k < sizeof buf - 1; i++) {
		char ch = f[i];
		if (ch >= '0' && ch <= '9')
			buf[k++] = ch;
		else if (ch == '.' || ch == ',') {
			ndot += ch == '.';
			ncomma += ch == ',';
			lastsep = f + i;
			buf[k++] = ch;
		} else
			break;
	}
	if (k == 0 || !(buf[0] >= '0' && buf[0] <= '9'))
		return 0;
	buf[k] = '\0';
	*suffix = f + i;
	/* decide the decimal separator */
	char dec = 0;
	if (ndot && ncomma)
		dec = *lastsep;
	else if (ndot + ncomma == 1) {
		size_t after = strlen(lastsep + 1) - strlen(f + i);
		dec = after == 3 ? 0 : *lastsep; /* "1.000" and "500,000" group thousands */
	} else if (ndot + ncomma > 1) {
		dec = 0;
	}
	char clean[64];
	size_t c = 0;
	for (size_t j = 0; j < k; j++) {
		if (buf[j] == '.' || buf[j] == ',') {
			if (buf[j] == dec)
				clean[c++] = '.';
		} else
			clean[c++] = buf[j];
	}
	clean[c] = '\0';
	*v = tl_text_decimal(clean);
	return 1;
}

typedef struct {
	const char *w;
	double hours;
} S_unit;

static const S_unit S_units[] = {
	{"uur", 1}, {"uren", 1}, {"hour", 1}, {"hours", 1}, {"h", 1}, {"hr", 1}, {"hrs", 1}, {"u", 1},
	{"minuut", 1.0 / 60}, {"minuten", 1.0 / 60}, {"minute", 1.0 / 60}, {"minutes", 1.0 / 60},
	{"min", 1.0 / 60}, {"dag", 24}, {"dagen", 24}, {"day", 24}, {"days", 24},
	{"kalenderdag", 24}, {"kalenderdagen", 24}, {"werkdag", 24}, {"werkdagen", 24},
	{"week", 168}, {"weken", 168}, {"weeks", 168}, {"werkweek", 168}, {"werkweken", 168},
	{"maand", 720}, {"maanden", 720}, {"month", 720}, {"months", 720}, {"kalendermaand", 720},
	{"kalendermaanden", 720}, {"kwartaal", 2160}, {"kwartalen", 2160}, {"quarter", 2160},
	{"quarters", 2160}, {"jaar", 8760}, {"jaren", 8760}, {"year", 8760}, {"years", 8760},
	{"kalenderjaar", 8760}, {"kalenderjaren", 8760}, {NULL, 0}};

/* S_units[S_ulo[c] .. S_uhi[c]) holds every unit that starts with byte c
 * (and maybe others between them). */
static uint8_t S_ulo[256], S_uhi[256];
static uint8_t S_ulen[sizeof S_units / sizeof *S_units]; /* strlen of each unit */

static void S_units_init_once(void)
{
	for (int i = 0; S_units[i].w; i++) {
		S_ulen[i] = (uint8_t)strlen(S_units[i].w);
		unsigned char c = (unsigned char)S_units[i].w[0];
		if (S_uhi[c] == 0)
			S_ulo[c] = (uint8_t)i;
		S_uhi[c] = (uint8_t)(i + 1);
	}
}

static pthread_once_t S_units_done = PTHREAD_ONCE_INIT;

static double S_unit_hours(const char *f)
{
	pthread_once(&S_units_done, S_units_init_once);
	unsigned char c = (unsigned char)f[0];
	if (S_uhi[c] == 0)
		return 0; /* no unit starts with it (nor does any with NUL) */
	size_t l = strlen(f);
	if (l > 2 && f[l - 2] == '\'' && f[l - 1] == 's')
		l -= 2; /* "one month's notice" */
	else if (l > 1 && f[l - 1] == '\'')
		l--; /* "three months' notice" */
	for (int i = S_ulo[c]; i < S_uhi[c]; i++)
		if (S_ulen[i] == l && memcmp(S_units[i].w, f, l) == 0)
			return S_units[i].hours;
	return 0;
}

static const char *const S_unit_adj[] = {
	"calendar", "business", "working", "full", "consecutive", "opeenvolgende", "volle",
	"aaneengesloten", "volledige", "additional", "extra", "further", "more", NULL};

static const char *const S_vague[] = {
	"zo spoedig|snel mogelijk", "zo spoedig|snel als mogelijk|redelijkerwijs", "onverwijld",
	"zonder onredelijke|onnodige vertraging", "zonder vertraging", "onmiddellijk", "terstond",
	"tijdig", "tijdige", "binnen een redelijke termijn", "binnen redelijke termijn",
	"without undue|unreasonable delay", "without delay", "as soon as possible|practicable",
	"as soon as reasonably possible|practicable", "asap", "promptly", "immediately",
	"forthwith", "in a timely manner|fashion", "timely", "in good time",
	"within a reasonable time|period|timeframe", "within reasonable time", NULL};

static const char *const S_efforts[] = {
	"reasonable efforts|endeavours|endeavors", "all reasonable efforts|endeavours|endeavors",
	"commercially reasonable", "best efforts|endeavours|endeavors", "endeavour|endeavor to",
	"endeavours|endeavors to", "strive|strives to", "inspanningsverplichting*",
	"inspanningsverbintenis", "zich inspannen", "spant zich in", "spannen zich in",
	"zich naar beste vermogen", "naar beste vermogen", "streeft|streven ernaar", "streeft|streven naar",
	"redelijke inspanningen", "alle redelijke inspanningen", "tracht|trachten",
	"to the extent reasonably possible|practicable", "voor zover redelijkerwijs mogelijk", NULL};

static int S_push(tl_quantity *q, uint32_t *nq, tl_qkind kind, double v, const char *cur,
                  uint32_t s, uint32_t e)
{
	if (*nq >= 32)
		return 0;
	q[*nq].kind = kind;
	q[*nq].value = v;
	q[*nq].currency = cur;
	q[*nq].tok_start = s;
	q[*nq].tok_end = e;
	(*nq)++;
	return 1;
}

static const char *S_currency(const char *f)
{
	/* the first bytes of the names below: most words start with none */
	switch ((unsigned char)f[0]) {
	case 0xE2: case 0xC2: case '$': case 'e': case 'u': case 'd': case 'g': case 'p':
		break;
	default:
		return NULL;
	}
	if (S_IS(f, "€") || S_IS(f, "eur") || S_IS(f, "euro") || S_IS(f, "euros"))
		return "EUR";
	if (S_IS(f, "$") || S_IS(f, "usd") || S_IS(f, "dollar") || S_IS(f, "dollars"))
		return "USD";
	if (S_IS(f, "£") || S_IS(f, "gbp") || S_IS(f, "pound") || S_IS(f, "pounds"))
		return "GBP";
	return NULL;
}

static double S_multiplier(const char *f)
{
	if (f[0] != 'm' && f[0] != 'b' && f[0] != 'd' && f[0] != 't')
		return 0;
	if (S_IS(f, "miljoen") || S_IS(f, "million") || S_IS(f, "mln") || S_IS(f, "mio"))
		return 1e6;
	if (S_IS(f, "miljard") || S_IS(f, "billion") || S_IS(f, "mrd") || S_IS(f, "bn"))
		return 1e9;
	if (S_IS(f, "duizend") || S_IS(f, "thousand"))
		return 1e3;
	return 0;
}

/* What a token's word is to this file, worked out once per word and kept in
 * tl_word.num_known: S_Q_KNOWN, S_Q_NUM (a number word; its value in
 * tl_word.num), S_Q_VAGUE and S_Q_EFF (the word may start a phrase of
 * S_vague or S_efforts: tl_tok_may_start, the memo tl_ph_list_at itself
 * consults, so a word without the bit could match neither list). */
#define S_Q_KNOWN 0x80u
#define S_Q_NUM 0x01u
#define S_Q_VAGUE 0x02u
#define S_Q_EFF 0x04u

static unsigned S_qclass_fill(const tl_token *t, double *v)
{
	double x = 0;
	unsigned q = S_Q_KNOWN | (S_word_num_fold(t->fold, &x) ? S_Q_NUM : 0u) |
	             (tl_tok_may_start(t, S_vague) ? S_Q_VAGUE : 0u) |
	             (tl_tok_may_start(t, S_efforts) ? S_Q_EFF : 0u);
	tl_word *w = t->word;
	if (w) {
		/* two threads may fill it in at once (see tl_memo_known): the value
		 * first, then the class (release) */
		__atomic_store(&w->num, &x, __ATOMIC_RELAXED);
		__atomic_store_n(&w->num_known, (uint8_t)q, __ATOMIC_RELEASE);
	}
	if (q & S_Q_NUM)
		*v = x;
	return q;
}

/* The S_Q_* class of a token's word; *v is set to its value when S_Q_NUM. */
static inline unsigned S_qclass(const tl_token *t, double *v)
{
	const tl_word *w = t->word;
	if (w) {
		unsigned q = __atomic_load_n(&w->num_known, __ATOMIC_ACQUIRE);
		if (q & S_Q_KNOWN) {
			if (q & S_Q_NUM)
				__atomic_load(&w->num, v, __ATOMIC_RELAXED);
			return q;
		}
	}
	return S_qclass_fill(t, v);
}

int tl_quantities_sentence(tl_ann_ctx *c, tl_sentence *s, uint32_t *flags)
{
	const tl_token *tok = s->tok;
	uint32_t n = s->ntok;
	tl_quantity q[32];
	uint32_t nq = 0;
	for (uint32_t i = 0; i < n; i++) {
		const char *f = tok[i].fold;
		double wv = 0;
		unsigned qc = S_qclass(&tok[i], &wv);
		/* (a flag already set needs no second phrase) */
		if ((qc & S_Q_VAGUE) && !(*flags & TL_SENT_VAGUE_TIME) &&
		    tl_ph_list_at(tok, n, i, S_vague, NULL))
			*flags |= TL_SENT_VAGUE_TIME;
		if ((qc & S_Q_EFF) && !(*flags & TL_SENT_EFFORTS) &&
		    tl_ph_list_at(tok, n, i, S_efforts, NULL))
			*flags |= TL_SENT_EFFORTS;
		if (!(tok[i].flags & TL_TOK_NUMBER) && !(qc & S_Q_NUM))
			continue; /* neither digits nor a number word */
		double v = 0;
		const char *suffix = "";
		int digits = (tok[i].flags & TL_TOK_NUMBER) && S_digits(f, &v, &suffix);
		int word = !digits && !(tok[i].flags & TL_TOK_PUNCT) && (qc & S_Q_NUM);
		if (word)
			v = wv;
		if (!digits && !word)
			continue;
		uint32_t k = i + 1;
		/* "twenty-four" */
		if (word && v >= 20 && v < 100 && k + 1 < n && S_IS(tok[k].fold, "-")) {
			double u;
			if ((S_qclass(&tok[k + 1], &u) & S_Q_NUM) && u >= 1 && u < 10) {
				v += u;
				k += 2;
			}
		}
		/* "one (1) month", "vijf (5) werkdagen" */
		if (k + 2 < n && S_IS(tok[k].fold, "(") && (tok[k + 1].flags & TL_TOK_NUMBER) &&
		    S_IS(tok[k + 2].fold, ")")) {
			double v2;
			const char *sf;
			if (S_digits(tok[k + 1].fold, &v2, &sf)) {
				if (word)
					v = v2;
				k += 3;
			}
		}
		/* "48 (achtenveertig) uur", "5 (five) days", "24 (twenty-four) hours": the same
		 * number again in words */
		if (digits && !*suffix && k + 2 < n && S_IS(tok[k].fold, "(")) {
			double w = 0, part;
			uint32_t j = k + 1, nw = 0;
			for (; j < n && j <= k + 5 && !S_IS(tok[j].fold, ")"); j++) {
				if (S_IS(tok[j].fold, "-"))
					continue;
				if (!(S_qclass(&tok[j], &part) & S_Q_NUM) || (tok[j].flags & TL_TOK_PUNCT))
					break;
				w += part;
				nw++;
			}
			if (j < n && S_IS(tok[j].fold, ")") && nw > 0 && w == v)
				k = j + 1;
		}
		/* money before the number: "€ 1.000.000", "EUR 500,000" */
		const char *cur = i > 0 ? S_currency(tok[i - 1].fold) : NULL;
		double mult = k < n ? S_multiplier(tok[k].fold) : 0;
		if (mult && (cur || (k + 1 < n && S_currency(tok[k + 1].fold)))) {
			v *= mult;
			k++;
		}
		if (!cur && k < n && (cur = S_currency(tok[k].fold)) != NULL)
			k++;
		if (cur && digits) {
			S_push(q, &nq, TL_Q_MONEY, v, cur, i > 0 && S_currency(tok[i - 1].fold) ? i - 1 : i, k);
			i = k - 1;
			continue;
		}
		if (digits && *suffix) {
			double h = S_unit_hours(suffix);
			if (h > 0) {
				S_push(q, &nq, TL_Q_DURATION, v * h, NULL, i, i + 1);
				continue;
			}
		}
		if (k < n && (S_IS(tok[k].fold, "%") || S_IS(tok[k].fold, "procent") ||
		              S_IS(tok[k].fold, "percent") || S_IS(tok[k].fold, "pct"))) {
			S_push(q, &nq, TL_Q_PERCENT, v, NULL, i, k + 1);
			i = k;
			continue;
		}
		if (k + 1 < n && S_IS(tok[k].fold, "per") && S_IS(tok[k + 1].fold, "cent")) {
			S_push(q, &nq, TL_Q_PERCENT, v, NULL, i, k + 2);
			i = k + 1;
			continue;
		}
		uint32_t u = k;
		while (u < n && u < k + 2 && tl_tok_in(&tok[u], S_unit_adj))
			u++;
		double h = u < n ? S_unit_hours(tok[u].fold) : 0;
		/* "a" / "een" only before a unit; "u" only after digits */
		/* "13 years of age", "18 jaar oud" are ages, not periods */
		if (h > 0 && u + 1 < n &&
		    (tl_ph_at(tok, n, u + 1, "of age") || S_IS(tok[u + 1].fold, "old") ||
		     S_IS(tok[u + 1].fold, "oud")))
			h = 0;
		if (h > 0 && !(S_IS(tok[u].fold, "u") && !digits) &&
		    !(S_IS(tok[u].fold, "h") && !digits)) {
			S_push(q, &nq, TL_Q_DURATION, v * h, NULL, i, u + 1);
			i = u;
			continue;
		}
		if (k < n && (S_IS(tok[k].fold, "maal") || S_IS(tok[k].fold, "keer") ||
		              S_IS(tok[k].fold, "times") || S_IS(tok[k].fold, "x")) &&
		    !(word && v == 1 && (f[0] == 'a' || S_IS(f, "een")))) {
			S_push(q, &nq, TL_Q_COUNT, v, NULL, i, k + 1);
			i = k;
			continue;
		}
	}
	s->nq = nq;
	s->q = NULL;
	if (nq) {
		s->q = tl_arena_alloc(c->ar, nq * sizeof *s->q);
		if (!s->q)
			return TL_ENOMEM;
		memcpy(s->q, q, nq * sizeof *q);
	}
	return 0;
}
