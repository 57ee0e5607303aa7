/* Unit tests for src/analyze/shortname.c: a company's short name ("Lumen" for
 * "Lumen Public Displays B.V. (the "Contractor")") is that party when it
 * stands alone ("Lumen may suspend access ..."), not when it starts a product
 * name ("the Lumen CMS", "Lumen CMS may ..."); a first word that is generic,
 * written in lower case elsewhere, or part of the other side's name gives no
 * short name (docs/annotation.md, Parties and defined terms). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* The role of the term folded `fold`, or -1 when it is no term. */
static int S_role(const tl_annotated *a, const char *fold)
{
	for (uint32_t i = 0; i < a->nterms; i++)
		if (!strcmp(a->terms[i].fold, fold))
			return (int)a->terms[i].role;
	return -1;
}

/* The first unit whose text starts with `prefix`, or NULL. */
static const tl_sentence *S_unit(const tl_annotated *a, const char *prefix)
{
	size_t np;
	const tl_para *p = tl_document_paras(a->doc, &np);
	for (uint32_t k = 0; k < a->nsent; k++)
		if (!strncmp(p[a->sent[k].para].text + a->sent[k].start, prefix, strlen(prefix)))
			return &a->sent[k];
	return NULL;
}

/* The role of the first token folded `fold` in the unit starting with `prefix`, or -1. */
static int S_tok_role(const tl_annotated *a, const char *prefix, const char *fold)
{
	const tl_sentence *s = S_unit(a, prefix);
	for (uint32_t i = 0; s && i < s->ntok; i++)
		if (!strcmp(s->tok[i].fold, fold))
			return (int)tl_annot_token_role(a, s, i);
	return -1;
}

/* text's term `name` has role `role` (-1: no such term); the unit starting with
 * `duty` binds `bound` with `modality` (NULL: not checked). */
static void S_check(const char *text, const char *name, int role, const char *duty, int bound,
                    const char *modality)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	T_OK(S_role(a, name) == role, "\"%s\": role %d, want %d", name, S_role(a, name), role);
	const tl_sentence *s = duty ? S_unit(a, duty) : NULL;
	if (duty) {
		T_OK(s != NULL, "a unit starts with \"%s\"", duty);
		if (s) {
			T_OK((int)s->bound == bound, "\"%s\" binds %d, want %d", duty, (int)s->bound, bound);
			if (modality)
				T_STR(tl_modality_name(s->modality), modality);
		}
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

/* In text, the token `fold` of the unit starting with `prefix` mentions `role`. */
static void S_check_tok(const char *text, const char *prefix, const char *fold, int role)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	T_OK(S_tok_role(a, prefix, fold) == role, "\"%s\" in \"%s\": %d, want %d", fold, prefix,
	     S_tok_role(a, prefix, fold), role);
	tl_annotated_free(a);
	tl_document_free(d);
}

static const char S_lumen[] =
	"Between the Municipality of Vlietstad, Stadhuisplein 1, Vlietstad (the \"Municipality\"), and Lumen "
	"Public Displays B.V., Eindhoven (the \"Contractor\").\n"
	"1.1 \"Display Network\": the 40 screens, the Lumen CMS and the integrations.\n"
	"# Schedule 4 - Lumen CMS Platform Terms\n"
	"P1. Lumen may use aggregated platform statistics to develop its products.\n"
	"P2. Lumen may suspend access to the Lumen CMS if an invoice remains unpaid for 30 days.\n"
	"P3. Lumen does not sell Municipal Data to third parties.\n"
	"P4. Lumen CMS may show a notice on every screen.\n"
	"P5. The Lumen platform shall keep logs for 30 days.\n"
	"P6. Lumen's support desk shall answer within one day.\n"
	"P7. The Municipality may audit Lumen once a year.\n";

static void test_trade_name(void)
{
	S_check(S_lumen, "lumen", TL_ROLE_VENDOR, "P1. Lumen may use", TL_ROLE_VENDOR, "permission");
	S_check(S_lumen, "lumen", TL_ROLE_VENDOR, "P2. Lumen may suspend", TL_ROLE_VENDOR, "permission");
	S_check(S_lumen, "lumen", TL_ROLE_VENDOR, "P3. Lumen does not sell", TL_ROLE_VENDOR, "prohibition");
	S_check_tok(S_lumen, "P6. Lumen's support", "lumen's", TL_ROLE_VENDOR);
	S_check_tok(S_lumen, "P7. The Municipality may audit", "lumen", TL_ROLE_VENDOR);
	S_check_tok(S_lumen, "P2. Lumen may suspend", "cms", TL_ROLE_NONE);
	S_check_tok(S_lumen, "P4. Lumen CMS", "lumen", TL_ROLE_NONE);
	/* the customer stays the customer where Lumen is the object */
	S_check(S_lumen, "lumen", TL_ROLE_VENDOR, "P7. The Municipality may audit", TL_ROLE_CUSTOMER,
	        "permission");
	/* a product named after the company binds no one */
	S_check(S_lumen, "lumen", TL_ROLE_VENDOR, "P4. Lumen CMS may show", TL_ROLE_NONE, NULL);
	S_check(S_lumen, "lumen", TL_ROLE_VENDOR, "P5. The Lumen platform", TL_ROLE_NONE, NULL);
	/* the full name and the alias are unchanged */
	S_check_tok(S_lumen, "Between the Municipality", "displays", TL_ROLE_VENDOR);
	S_check(S_lumen, "contractor", TL_ROLE_VENDOR, NULL, 0, NULL);
	/* Dutch */
	S_check("Tussen de Gemeente Dalfsen (hierna: \"Opdrachtgever\") en Wattwijzer Energie B.V., "
	        "gevestigd te Zwolle (hierna: \"Opdrachtnemer\").\n"
	        "B2. Wattwijzer verkoopt de Meetgegevens niet aan derden.\n"
	        "B3. De Wattwijzer App toont de meetgegevens aan bewoners.\n",
	        "wattwijzer", TL_ROLE_VENDOR, "B2. Wattwijzer verkoopt", TL_ROLE_VENDOR, "prohibition");
	S_check("Tussen de Gemeente Dalfsen (hierna: \"Opdrachtgever\") en Wattwijzer Energie B.V., "
	        "gevestigd te Zwolle (hierna: \"Opdrachtnemer\").\n"
	        "B2. Wattwijzer verkoopt de Meetgegevens niet aan derden.\n"
	        "B3. De Wattwijzer App toont de meetgegevens aan bewoners.\n",
	        "wattwijzer", TL_ROLE_VENDOR, "B3. De Wattwijzer App", TL_ROLE_NONE, NULL);
	/* a company on the customer's side has its short name too */
	S_check("Between Havenbedrijf Rotterdam N.V. (the \"Customer\") and Acme Software Ltd (the "
	        "\"Supplier\").\n"
	        "Havenbedrijf may terminate the Agreement with one month's notice.\n",
	        "havenbedrijf", TL_ROLE_CUSTOMER, "Havenbedrijf may terminate", TL_ROLE_CUSTOMER, "permission");
}

/* no short name: a generic first word, a word the text also writes in lower case, a word of
 * the other side's name, a name without a legal form */
static void test_no_short_name(void)
{
	S_check("Between the Municipality of Eemsborg (the \"Municipality\") and Open Data Solutions B.V. "
	        "(the \"Supplier\").\n"
	        "Open standards apply to every interface.\n",
	        "open", -1, "Open standards apply", TL_ROLE_NONE, NULL);
	S_check("Between the Municipality of Eemsborg (the \"Municipality\") and Beacon Analytics Ltd (the "
	        "\"Supplier\").\n"
	        "Each beacon records the number of passers-by.\n"
	        "Beacon may publish the counts.\n",
	        "beacon", -1, "Beacon may publish", TL_ROLE_NONE, NULL);
	S_check("Tussen de gemeente Zwolle (hierna: \"Opdrachtgever\") en Camera B.V. (hierna: "
	        "\"Opdrachtnemer\").\n"
	        "Camera's mogen geen geluid opnemen.\n"
	        "Onder Beelden wordt verstaan: alle gegevens die de camera's van Opdrachtnemer vastleggen.\n",
	        "camera", -1, "Camera's mogen", TL_ROLE_NONE, NULL);
	/* a Dutch plural in 's is no possessive of the short name */
	S_check("Tussen de gemeente Zwolle (hierna: \"Opdrachtgever\") en Foto B.V. (hierna: "
	        "\"Opdrachtnemer\").\n"
	        "Foto's mogen niet worden gepubliceerd.\n",
	        "foto", TL_ROLE_VENDOR, NULL, 0, NULL);
	S_check_tok("Tussen de gemeente Zwolle (hierna: \"Opdrachtgever\") en Foto B.V. (hierna: "
	            "\"Opdrachtnemer\").\n"
	            "Foto's mogen niet worden gepubliceerd.\n",
	            "Foto's mogen", "foto's", TL_ROLE_NONE);
	S_check("Tussen de Gemeente Vlietstad (hierna: \"Opdrachtgever\") en Vlietstad Media B.V. (hierna: "
	        "\"Opdrachtnemer\").\n"
	        "Vlietstad mag de schermen plaatsen.\n",
	        "vlietstad", -1, NULL, 0, NULL);
	S_check("Between the Municipality of Eemsborg (the \"Municipality\") and Lumen Partners, Eindhoven "
	        "(the \"Contractor\").\n"
	        "Lumen may publish the counts.\n",
	        "lumen", -1, "Lumen may publish", TL_ROLE_NONE, NULL);
}

int main(void)
{
	test_trade_name();
	test_no_short_name();
	return T_DONE();
}
