/* frames.c: a frame that opens a sentence and hands its predicate to the
 * complement: an acknowledgement ("You understand and agree that ...",
 * "Opdrachtnemer erkent dat ..."), an agreement ("Partijen komen overeen dat
 * ...") or a consent ("Opdrachtgever stemt ermee in dat ..."). */
#include <string.h>

#include "analyze/annot_int.h"

/* The frame becomes the subordinate part.  Returns, for "Partijen komen
 * overeen dat ...", "The parties agree that ...", the end of the frame's party
 * mention: both parties agreeing name no party of the complement; 0
 * otherwise. */
uint32_t tl_pol_frame(const tl_annotated *a, const tl_token *tok, uint32_t n, int16_t *sc)
{
	static const char *const ack[] = {
		"acknowledge|acknowledges|understand|understands|accept|accepts|recognise|recognises|"
		"recognize|recognizes|agree|agrees|confirm|confirms|erkent|erkennen|begrijpt|begrijpen|"
		"aanvaardt|aanvaarden|bevestigt|bevestigen",
		/* "Partijen komen overeen dat ...", "Opdrachtgever stemt ermee in dat ...",
		 * "The Customer consents that ...": the complement carries the predicate */
		"komen|komt overeen", "zijn|is overeengekomen", "spreken|spreekt af",
		"stemt|stemmen ermee|hiermee in", "stemt|stemmen er|hier mee in",
		"stemt|stemmen er|hier bij voorbaat|uitdrukkelijk|onherroepelijk mee in",
		"gaat|gaan ermee|hiermee akkoord", "gaat|gaan er|hier mee akkoord",
		"gaat|gaan er|hier bij voorbaat|uitdrukkelijk mee akkoord", "consent|consents", NULL};
	/* after a leading exception or condition: "Except as prohibited by law, you agree that" */
	uint32_t i0 = 0, len;
	while (i0 < n && i0 < 40 && sc[i0] != 0)
		i0++;
	if (i0 > 0 && i0 < n && tl_tok_is(&tok[i0], ","))
		i0++;
	if (i0 >= 40)
		i0 = 0;
	uint32_t i = i0;
	while (i < n && i < i0 + 6 && !tl_mention_at(a, tok, n, i, &len))
		i++;
	if (i >= n || i >= i0 + 6 || sc[i] != 0)
		return 0;
	uint32_t k = i + len;
	if (k < n && (tl_tok_is(&tok[k], "and") || tl_tok_is(&tok[k], "en")) && k + 1 < n &&
	    tl_mention_at(a, tok, n, k + 1, &len))
		k += 1 + len; /* "You and GitHub agree that" */
	while (k < n && k < i + len + 3 &&
	       (tl_tok_is(&tok[k], "hereby") || tl_tok_is(&tok[k], "hierbij") ||
	        tl_tok_is(&tok[k], "expressly") || tl_tok_is(&tok[k], "uitdrukkelijk")))
		k++;
	uint32_t m = k < n ? tl_ph_list_at(tok, n, k, ack, NULL) : 0;
	if (!m)
		return 0;
	k += m;
	if (k + 1 < n && (tl_tok_is(&tok[k], "and") || tl_tok_is(&tok[k], "en")) &&
	    tl_ph_list_at(tok, n, k + 1, ack, NULL))
		k += 2; /* "understands and agrees" */
	if (k + 2 >= n || sc[k] != 1 || !(tl_tok_is(&tok[k], "that") || tl_tok_is(&tok[k], "dat")))
		return 0;
	for (uint32_t x = 0; x <= k; x++)
		if (sc[x] == 0 || x == k)
			sc[x] = 1;
	for (uint32_t x = k + 1; x < n && sc[x] == 1; x++)
		sc[x] = 0;
	tl_role r;
	uint32_t plen = tl_party_at(a, tok, n, i, &r);
	return r == TL_ROLE_BOTH ? i + plen : 0;
}
