/* polclass.c: the per-word classes of polclass.h.  Two threads may fill in
 * the same word at once; both compute the same value from the word alone,
 * stored with one relaxed atomic store (a plain move on x86). */
#include <pthread.h>
#include <string.h>

#include "analyze/polclass.h"

const char *const tl_pol_negators[] = {
	"niet", "geen", "nooit", "nimmer", "niets", "nergens", "niemand", "not", "no", "never", "nothing",
	"none", "nobody", "neither", "nor", "cannot", "*n't", "evenmin", NULL};
const char *const tl_pol_coord[] = {"en", "and", "or", "of", "maar", "but", ",", ";", NULL};
const char *const tl_pol_pron[] = {"hij", "zij", "ze", "it", "he", "she", "they", NULL};
const char *const tl_pol_dets[] = {
	"the", "a", "an", "its", "his", "her", "their", "any", "each", "every", "all", "both", "de",
	"het", "een", "zijn", "haar", "hun", "elke", "iedere", "ieder", "alle", "beide", "this", "deze",
	"dit", "such", "relevant", "betreffende", "desbetreffende", NULL};
const char *const tl_pol_preps[] = {
	"of", "to", "by", "for", "with", "from", "on", "upon", "at", "against", "towards", "between",
	"about", "under", "behalf", "than", "van", "aan", "door", "voor", "met", "bij", "namens",
	"jegens", "tegen", "tussen", "tot", "naar", "over", "onder", "uit", "om", "op", "dan", "via",
	"into", "binnen", "within", "as", "als", NULL};
const char *const tl_pol_split_aux[] = {"may", "shall", "must", "will", "can", "mag", "zal",
                                        "moet", "kan", "dient", "mogen", "zullen", "moeten",
                                        "kunnen", NULL};
const char *const tl_pol_split_but[] = {"but", "maar", "doch", "however", "whereas", "yet", NULL};
const char *const tl_pol_split_conj[] = {"and", "or", "en", "of", NULL};
const char *const tl_pol_nl_pass[] = {"wordt", "worden", "werd", "werden", NULL};
const char *const tl_pol_en_be[] = {"be", "is", "are", "was", "were", "been", "being", NULL};
/* "makes no guarantees that", "does not give any warranty", "geeft geen garantie" */
const char *const tl_pol_promise[] = {
	"warranty", "warranties", "guarantee", "guarantees", "representation", "representations",
	"assurance", "assurances", "promise", "promises", "garantie", "garanties", "toezegging",
	"toezeggingen", NULL};
const char *const tl_pol_nl_v[] = {"is", "zijn", "heeft", "hebben", "wordt", "worden", "gaat",
                                   "gaan", "staat", "staan", "doet", "doen", "komt", "komen",
                                   "blijft", "blijven", "kent", "geeft", NULL};
const char *const tl_pol_nl_not[] = {"niet", "het", "dat", "tot", "met", "uit", "recht", "dit",
                                     "wat", "ten", "naast", "omtrent", "nadat", "totdat",
                                     "gezet", NULL};
const char *const tl_pol_en_v[] = {"is", "are", "has", "have", "does", "do", "was", "were",
                                   "remain", "bear", "bears", "owe", "pay", "retain", NULL};
const char *const tl_pol_en_not[] = {"its", "this", "his", "as", "us", "thus", "unless", "plus",
                                     "various", "terms", "services", "rights", "parties",
                                     "data", "process", "access", "business", "whereas", NULL};

/* verbless.c */
const char *const tl_pol_vl_en_aux[] = {
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "does", "do", "did", "shall",
	"will", "must", "may", "can", "cannot", "should", "would", "could", "might", NULL};
const char *const tl_pol_vl_nl_aux[] = {
	"is", "zijn", "was", "waren", "heeft", "hebben", "had", "wordt", "worden", "werd", "werden",
	"zal", "zullen", "mag", "mogen", "moet", "moeten", "kan", "kunnen", "dient", "dienen", NULL};
const char *const tl_pol_vl_en_dets[] = {
	"the", "a", "an", "its", "their", "his", "her", "our", "your", "any", "all", "each", "this",
	"these", "no", NULL};
const char *const tl_pol_vl_en_not[] = {"plus", "thus", "unless", "its", "this", "as", "us",
                                        "various", "whereas", "business", "previous", NULL};
const char *const tl_pol_vl_preps[] = {
	"of", "for", "to", "in", "on", "at", "by", "with", "from", "under", "within",
	"including", "excluding", "between", "regarding", "per", "as", "about", "into",
	"over", "than", "and", "or", "plus", "such", "against", "during", "upon", "after",
	"before", "without", "through", "across", "among", "concerning", "via", "if",
	"where", "when", "that", "which", "whether", "not", "all", "any", "each", NULL};
const char *const tl_pol_vl_det_after[] = {"the", "a", "an", "your", "our", "its", "their",
                                           "his", "her", "any", "all", "each", "this",
                                           "these", "such", "no", NULL};

/* negscope.c: words that can make a predicate switch a feature on or off */
const char *const tl_pol_switch[] = {
	"disabled", "deactivated", "uitgeschakeld", "gedeactiveerd", "uitgezet", "disable",
	"disables", "deactivate", "deactivates", "deactiveert", "deactiveren", "schakelt", "schakelen",
	"switched", "turned", "enabled", "activated", "ingeschakeld", "geactiveerd", "aangezet", NULL};

int tl_pol_fast = 1;

/* Which lists make which bit: TL_PC_CUE from the first words of the cue
 * phrases (what tl_tok_may_start asks), the others from the single-word
 * entries (what tl_tok_in asks). */
static const struct {
	const char *const *list;
	uint32_t bit;
	int start;
} S_lists[] = {
	{tl_pol_negators, TL_PC_NEG, 0},     {tl_pol_cue_ph, TL_PC_CUE, 1},
	{tl_pol_coord, TL_PC_COORD, 0},      {tl_modal_aux, TL_PC_MODAL, 0},
	{tl_subordinators, TL_PC_SUBORD, 0}, {tl_pol_pron, TL_PC_PRON, 0},
	{tl_pol_dets, TL_PC_DETS, 0},        {tl_pol_preps, TL_PC_PREPS, 0},
	{tl_pol_split_aux, TL_PC_SAUX, 0},   {tl_pol_split_but, TL_PC_SBUT, 0},
	{tl_pol_split_conj, TL_PC_SCONJ, 0}, {tl_pol_nl_pass, TL_PC_NLPASS, 0},
	{tl_pol_en_be, TL_PC_ENBE, 0},       {tl_pol_promise, TL_PC_PROMISE, 0},
	{tl_pol_nl_v, TL_PC_NLV, 0},         {tl_pol_nl_not, TL_PC_NLNOT, 0},
	{tl_pol_en_v, TL_PC_ENV, 0},         {tl_pol_en_not, TL_PC_ENNOT, 0},
	{tl_pol_vl_nl_aux, TL_PC_VNLAUX, 0}, {tl_pol_vl_en_aux, TL_PC_VENAUX, 0},
	{tl_pol_vl_en_not, TL_PC_VENNOT, 0}, {tl_pol_vl_en_dets, TL_PC_VENDETS, 0},
	{tl_pol_vl_preps, TL_PC_VPREPS, 0},  {tl_pol_vl_det_after, TL_PC_VDETAFTER, 0},
	{tl_pol_switch, TL_PC_SWITCH, 0},    {tl_pol_puff_cues, TL_PC_PUFF, 1},
	{tl_pol_puff_anchor, TL_PC_PUFFA, 0}, {tl_pol_ref_words, TL_PC_REF, 0},
	{tl_pol_without, TL_PC_WITHOUT, 0}};

/* The classes the lists give, asked of the lists one by one (when the table
 * below could not be built). */
static uint32_t S_by_lists(const tl_token *t)
{
	uint32_t v = TL_PC_KNOWN;
	const char *f = t->fold;
	for (size_t k = 0; k < sizeof S_lists / sizeof *S_lists; k++) {
		int r = S_lists[k].start ? tl_tok_may_start(t, S_lists[k].list) : tl_tok_in(t, S_lists[k].list);
		if (r && (S_lists[k].bit != TL_PC_NEG || (f[0] >= 'a' && f[0] <= 'z')))
			v |= S_lists[k].bit;
	}
	if (strcmp(f, ",") == 0)
		v |= TL_PC_COMMA;
	if (strcmp(f, ";") == 0)
		v |= TL_PC_SEMI;
	return v;
}

/* All the lists in one table, built once per process: each pattern word
 * alternative ("is|are" gives two) with the bits of the lists it is in, by
 * tl_text_hash; alternatives with a '*' are tested one by one the way
 * phrases.c's S_word_match tests them (a leading '*' a suffix, a trailing
 * one a prefix). */
#define S_CAP 1024u
typedef struct {
	const char *s;
	uint32_t len, hash, bits;
} S_ent;
static S_ent S_tab[S_CAP];
static uint32_t S_nent;
static struct {
	const char *s;
	uint32_t len, suffix, bit;
} S_wild[32];
static uint32_t S_nwild;
static int S_ok;
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_add(const char *w, size_t len, uint32_t bit)
{
	if (len > 1 && w[0] == '*') {
		if (S_nwild >= sizeof S_wild / sizeof *S_wild) {
			S_ok = 0;
			return;
		}
		S_wild[S_nwild++] = (__typeof__(S_wild[0])){w + 1, (uint32_t)(len - 1), 1, bit};
		return;
	}
	if (len > 0 && w[len - 1] == '*') {
		if (S_nwild >= sizeof S_wild / sizeof *S_wild) {
			S_ok = 0;
			return;
		}
		S_wild[S_nwild++] = (__typeof__(S_wild[0])){w, (uint32_t)(len - 1), 0, bit};
		return;
	}
	uint32_t h = tl_text_hash(w, len);
	for (uint32_t k = h & (S_CAP - 1);; k = (k + 1) & (S_CAP - 1)) {
		S_ent *e = &S_tab[k];
		if (!e->s) {
			if (S_nent + 1 >= S_CAP / 2) {
				S_ok = 0;
				return;
			}
			*e = (S_ent){w, (uint32_t)len, h, bit};
			S_nent++;
			return;
		}
		if (e->hash == h && e->len == len && memcmp(e->s, w, len) == 0) {
			e->bits |= bit;
			return;
		}
	}
}

static void S_build(void)
{
	S_ok = 1;
	for (size_t k = 0; k < sizeof S_lists / sizeof *S_lists; k++)
		for (const char *const *p = S_lists[k].list; *p; p++) {
			const char *sp = strchr(*p, ' ');
			if (sp && !S_lists[k].start)
				continue; /* tl_tok_in asks the single-word entries only */
			const char *w = *p, *end = sp ? sp : *p + strlen(*p);
			for (;;) {
				const char *bar = memchr(w, '|', (size_t)(end - w));
				S_add(w, (size_t)((bar ? bar : end) - w), S_lists[k].bit);
				if (!bar)
					break;
				w = bar + 1;
			}
		}
	S_add(",", 1, TL_PC_COMMA);
	S_add(";", 1, TL_PC_SEMI);
}

uint32_t tl_polclass_slow(const tl_token *t)
{
	pthread_once(&S_once, S_build);
	const tl_word *w = t->word;
	const char *f = t->fold;
	uint32_t v;
	if (!S_ok) {
		v = S_by_lists(t);
	} else {
		size_t len = w ? w->len : strlen(f);
		uint32_t h = w ? w->hash : tl_text_hash(f, len);
		v = TL_PC_KNOWN;
		for (uint32_t k = h & (S_CAP - 1); S_tab[k].s; k = (k + 1) & (S_CAP - 1))
			if (S_tab[k].hash == h && S_tab[k].len == len && memcmp(S_tab[k].s, f, len) == 0) {
				v |= S_tab[k].bits;
				break;
			}
		for (uint32_t k = 0; k < S_nwild; k++)
			if (len >= S_wild[k].len &&
			    memcmp(f + (S_wild[k].suffix ? len - S_wild[k].len : 0), S_wild[k].s, S_wild[k].len) == 0)
				v |= S_wild[k].bit;
		if (!(f[0] >= 'a' && f[0] <= 'z'))
			v &= ~(uint32_t)TL_PC_NEG;
	}
	if (t->word)
		__atomic_store_n(&t->word->polar, v, __ATOMIC_RELAXED);
	return v;
}
