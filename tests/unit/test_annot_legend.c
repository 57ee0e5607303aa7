/* Unit tests for a tender's legend written inside a sentence
 * (src/analyze/priority.c, S_inline_legend): "Soort KO is een knock-outeis:
 * ...; Soort G is een gunningscriterium: ...; Soort I is informatief", "In de
 * kolom Type staat M voor minimumeis", "Code AC is an award criterion", "R
 * stands for required, O for optional": the table's rows then bind as the
 * legend says (a wish row: TL_SENT_WISH, binding only if offered; an
 * information row: not operative; a hard requirement: as written).  Not: a
 * code in lower case, a row whose code no legend explains, a legend that
 * makes the same letter a hard requirement. */
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* The flags of the first sentence of text that starts with `start`, or
 * 0xFFFFFFFF when there is none. */
static uint32_t S_flags(const char *text, const char *start)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	const tl_sentence *s = a ? fx_find(a, start) : NULL;
	uint32_t f = s ? s->flags : 0xFFFFFFFFu;
	tl_annotated_free(a);
	tl_document_free(d);
	return f;
}

#define S_WISH(text, start, what) T_OK((S_flags(text, start) & (TL_SENT_WISH | 0x80000000u)) == TL_SENT_WISH, "%s", what)
#define S_INFO(text, start, what)                                                                    \
	T_OK((S_flags(text, start) & (TL_SENT_NONOPERATIVE | TL_SENT_WISH | 0x80000000u)) == TL_SENT_NONOPERATIVE, \
	     "%s", what)
#define S_BINDS(text, start, what)                                                                   \
	T_OK(!(S_flags(text, start) & (TL_SENT_NONOPERATIVE | TL_SENT_WISH | 0x80000000u)), "%s", what)

static const char S_nl1[] =
	"Gemeente Rijnwaarde (hierna: \"Opdrachtgever\") en de leverancier (hierna: \"Opdrachtnemer\").\n"
	"5.1 Iedere eis heeft een soort. Soort KO is een knock-outeis: wie er niet aan voldoet, valt af. "
	"Soort G is een gunningscriterium: de Inschrijver bepaalt zelf of hij het aanbiedt. Soort I is "
	"informatief: het antwoord bindt niemand.\n"
	"| Nr | Eis | Soort |\n"
	"| R1 | Opdrachtnemer bewaart de meetwaarden uitsluitend in de EER. | KO |\n"
	"| R2 | Opdrachtnemer biedt een open koppeling voor alle meetwaarden. | G |\n"
	"| R3 | Beschrijf uw beleid voor de vervanging van sensoren. | I |\n";

static const char S_nl2[] =
	"Gemeente Rijnwaarde (hierna: \"Opdrachtgever\") en de leverancier (hierna: \"Opdrachtnemer\").\n"
	"In de kolom Type staat M voor minimumeis, B voor gunningscriterium en X voor informatief.\n"
	"| Nr | Omschrijving | Type |\n"
	"| 1 | Opdrachtnemer verwijdert de gegevens binnen 30 dagen. | M |\n"
	"| 2 | Opdrachtnemer verhelpt kritieke kwetsbaarheden binnen 48 uur. | B |\n"
	"| 3 | Opdrachtnemer licht toe hoe hij met overnames omgaat. | X |\n";

static const char S_nl3[] =
	"Gemeente Rijnwaarde (hierna: \"Opdrachtgever\") en de leverancier (hierna: \"Opdrachtnemer\").\n"
	"De kolom Categorie gebruikt de volgende codes: A = knock-outeis, B = wens, C = ter informatie.\n"
	"| Eis | Categorie |\n"
	"| Opdrachtnemer meldt een datalek binnen 24 uur. | A |\n"
	"| Opdrachtnemer levert een SBOM bij iedere release. | B |\n"
	"| Opdrachtnemer noemt zijn onderaannemers. | C |\n";

static const char S_en1[] =
	"The Municipality (the \"Customer\") and the supplier (the \"Supplier\").\n"
	"Each requirement has a type. Type M means mandatory; type D means desirable; type N is for "
	"information only.\n"
	"| ID | Requirement | Type |\n"
	"| 1 | The Supplier hosts all data in the EEA. | M |\n"
	"| 2 | The Supplier provides an open API to all data. | D |\n"
	"| 3 | The Supplier describes its change-of-control policy. | N |\n";

static const char S_en2[] =
	"The Municipality (the \"Customer\") and the supplier (the \"Supplier\").\n"
	"In the Priority column, R stands for required, O for optional and Q for question.\n"
	"| Requirement | Priority |\n"
	"| The Supplier encrypts all data at rest. | R |\n"
	"| The Supplier patches critical vulnerabilities within 48 hours. | O |\n"
	"| The Supplier states where its hardware is made. | Q |\n";

static const char S_en3[] =
	"The Municipality (the \"Customer\") and the supplier (the \"Supplier\").\n"
	"Code KR is a knock-out requirement. Code AC is an award criterion.\n"
	"| Requirement | Code |\n"
	"| The Supplier reports incidents within 24 hours. | KR |\n"
	"| The Supplier offers a data export in CSV. | AC |\n"
	"| The Supplier keeps logs for 12 months. | KR |\n";

static void test_legend_in_a_sentence(void)
{
	S_BINDS(S_nl1, "Opdrachtnemer bewaart", "nl: KO binds");
	S_WISH(S_nl1, "Opdrachtnemer biedt", "nl: G is a wish");
	S_INFO(S_nl1, "Beschrijf uw", "nl: I binds no one");
	S_BINDS(S_nl2, "Opdrachtnemer verwijdert", "nl: M voor minimumeis");
	S_WISH(S_nl2, "Opdrachtnemer verhelpt", "nl: B voor gunningscriterium");
	S_INFO(S_nl2, "Opdrachtnemer licht", "nl: X voor informatief");
	S_BINDS(S_nl3, "Opdrachtnemer meldt", "nl: A = knock-outeis");
	S_WISH(S_nl3, "Opdrachtnemer levert", "nl: B = wens");
	S_INFO(S_nl3, "Opdrachtnemer noemt", "nl: C = ter informatie");
	S_BINDS(S_en1, "The Supplier hosts", "en: M means mandatory");
	S_WISH(S_en1, "The Supplier provides", "en: D means desirable");
	S_INFO(S_en1, "The Supplier describes", "en: N is for information only");
	S_BINDS(S_en2, "The Supplier encrypts", "en: R stands for required");
	S_WISH(S_en2, "The Supplier patches", "en: O for optional");
	S_INFO(S_en2, "The Supplier states", "en: Q for question");
	S_BINDS(S_en3, "The Supplier reports", "en: KR is a knock-out requirement");
	S_WISH(S_en3, "The Supplier offers", "en: AC is an award criterion");
}

static void test_no_legend(void)
{
	/* no legend: G and I say nothing by themselves */
	static const char none[] = "Gemeente Rijnwaarde (hierna: \"Opdrachtgever\") en de leverancier (hierna: "
	                           "\"Opdrachtnemer\").\n"
	                           "| Nr | Eis | Soort |\n"
	                           "| R1 | Opdrachtnemer bewaart de meetwaarden in de EER. | KO |\n"
	                           "| R2 | Opdrachtnemer biedt een open koppeling. | G |\n"
	                           "| R3 | Opdrachtnemer noemt zijn onderaannemers. | I |\n";
	S_BINDS(none, "Opdrachtnemer biedt", "nl: G without a legend");
	S_BINDS(none, "Opdrachtnemer noemt", "nl: I without a legend");
	/* a code in lower case is no legend */
	static const char lower[] = "The Municipality (the \"Customer\") and the supplier (the \"Supplier\").\n"
	                            "In this table d means desirable.\n"
	                            "| ID | Requirement | Type |\n"
	                            "| 1 | The Supplier hosts all data in the EEA. | M |\n"
	                            "| 2 | The Supplier provides an open API. | D |\n"
	                            "| 3 | The Supplier encrypts backups. | M |\n";
	S_BINDS(lower, "The Supplier provides", "en: 'd means desirable' in lower case");
	/* a legend that makes G a hard requirement */
	static const char hard[] = "Gemeente Rijnwaarde (hierna: \"Opdrachtgever\") en de leverancier (hierna: "
	                           "\"Opdrachtnemer\").\n"
	                           "Soort G is een knock-outeis: wie er niet aan voldoet, valt af. Soort W is een wens.\n"
	                           "| Nr | Eis | Soort |\n"
	                           "| R1 | Opdrachtnemer bewaart de meetwaarden in de EER. | G |\n"
	                           "| R2 | Opdrachtnemer biedt een open koppeling. | W |\n"
	                           "| R3 | Opdrachtnemer noemt zijn onderaannemers. | G |\n";
	S_BINDS(hard, "Opdrachtnemer bewaart", "nl: G as a knock-out requirement binds");
	S_WISH(hard, "Opdrachtnemer biedt", "nl: W is a wish");
	/* an ordinary sentence with a capital before "is a" is no legend */
	static const char prose[] = "The Municipality (the \"Customer\") and the supplier (the \"Supplier\").\n"
	                            "The EU is a question of scale for the Supplier.\n"
	                            "| Requirement | Type |\n"
	                            "| The Supplier hosts all data in the EEA. | EU |\n"
	                            "| The Supplier encrypts backups. | M |\n"
	                            "| The Supplier keeps logs. | M |\n";
	T_OK(!(S_flags(prose, "The Supplier hosts") & TL_SENT_NONOPERATIVE) ||
	         (S_flags(prose, "The Supplier hosts") & 0x80000000u),
	     "en: 'The EU is a question of scale' explains no code");
}

int main(void)
{
	test_legend_in_a_sentence();
	test_no_legend();
	return T_DONE();
}
