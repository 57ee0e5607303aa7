/* polclass.c: the per-word classes of polclass.h.  Two threads may fill in
 * the same word at once; both compute the same value from the word alone,
 * stored with one relaxed atomic store (a plain move on x86). */
#include <string.h>

#include "analyze/polclass.h"

const char *const tl_pol_negators[] = {
	"niet", "geen", "nooit", "nimmer", "niets", "nergens", "not", "no", "never", "nothing", "none",
	"neither", "nor", "cannot", "*n't", "evenmin", NULL};
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

int tl_pol_fast = 1;

uint32_t tl_polclass_slow(const tl_token *t)
{
	static const struct {
		const char *const *list;
		uint32_t bit;
	} in[] = {
		{tl_pol_coord, TL_PC_COORD},         {tl_modal_aux, TL_PC_MODAL},
		{tl_subordinators, TL_PC_SUBORD},    {tl_pol_pron, TL_PC_PRON},
		{tl_pol_dets, TL_PC_DETS},           {tl_pol_preps, TL_PC_PREPS},
		{tl_pol_split_aux, TL_PC_SAUX},      {tl_pol_split_but, TL_PC_SBUT},
		{tl_pol_split_conj, TL_PC_SCONJ},    {tl_pol_nl_pass, TL_PC_NLPASS},
		{tl_pol_en_be, TL_PC_ENBE}};
	uint32_t v = TL_PC_KNOWN;
	const char *f = t->fold;
	if (f[0] >= 'a' && f[0] <= 'z' && tl_tok_in(t, tl_pol_negators))
		v |= TL_PC_NEG;
	if (tl_tok_may_start(t, tl_pol_cue_ph))
		v |= TL_PC_CUE;
	for (size_t k = 0; k < sizeof in / sizeof *in; k++)
		if (tl_tok_in(t, in[k].list))
			v |= in[k].bit;
	if (strcmp(f, ",") == 0)
		v |= TL_PC_COMMA;
	if (strcmp(f, ";") == 0)
		v |= TL_PC_SEMI;
	if (t->word)
		__atomic_store_n(&t->word->polar, v, __ATOMIC_RELAXED);
	return v;
}
