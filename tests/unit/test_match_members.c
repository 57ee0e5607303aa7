/* Unit tests for defined terms listed as members of a definition
 * (src/rules/defmembers.c; s10 engine asks 2 of B and 3 of A): when the
 * definition of customer data lists other defined terms ('"Municipal Data":
 * the Subscriber Details, Delivery Logs and all reports derived from them',
 * "Gemeentegegevens: de Meldingen, de Foto's en de Routelogs"), a sentence
 * about one of them is about customer data; through a member's own list too.
 * Not: a term the definition leaves out ("excluding", "met uitzondering
 * van"), one in a prepositional phrase or in a relative clause of who enters
 * the data, one the document also writes in lower case, and nothing without
 * the definition. */
#include <stdlib.h>
#include <string.h>

#include "check_fixture.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

static const char S_ruleset[] =
	"{\"id\": \"members\",\n"
	" \"concepts\": {\"cdata\": {\"nl\": [\"gegevens\"], \"en\": [\"data\"], \"defined_terms\": true},\n"
	"  \"sell\": {\"nl\": [\"verkoopt\"], \"en\": [\"sells\"]}},\n"
	" \"rules\": [{\"id\": \"R-SELL\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", "
	"\"en\": \"t\"},\n"
	"  \"met\": [{\"all\": [\"sell\", \"cdata\"]}]}]}\n";

static void S_expect(const tl_ruleset *rs, const char *text, const char *want, const char *what)
{
	char got[32];
	fx_rule_status(rs, "members.md", text, "R-SELL", got, sizeof got);
	T_OK(!strcmp(got, want), "%s: %s, want %s", what, got, want);
}

static void test_members_join(const tl_ruleset *rs)
{
	S_expect(rs,
	         "# 1. Definitions\n\n1.1 \"Delivery Logs\": the delivery status per message and per number.\n\n"
	         "1.2 \"Municipal Data\": the personal data of Subscribers, Delivery Logs, and all reports "
	         "derived from them.\n\n# 4. Data\n\n4.3 The Supplier sells Delivery Logs to network operators.\n",
	         "met", "en: an item of a comma list");
	S_expect(rs,
	         "# 1. Definitions\n\n1.1 \"Ride Logs\": the trips per vehicle.\n\n"
	         "1.2 \"Customer Data\" means all data of the Customer: the Ride Logs and the Fault Reports.\n\n"
	         "# 4. Data\n\n4.3 The Supplier sells the Ride Logs.\n",
	         "met", "en: 'means A and B'");
	S_expect(rs,
	         "# 1. Definitions\n\n1.1 \"Ride Logs\": the trips per vehicle.\n\n"
	         "1.2 \"Customer Data\": all data of the Customer, including without limitation the "
	         "Ride Logs.\n\n# 4. Data\n\n4.3 The Supplier sells the Ride Logs.\n",
	         "met", "en: 'including without limitation'");
	S_expect(rs,
	         "# 1. Definitions\n\n1.1 \"Error Logs\": the errors per device.\n\n"
	         "1.2 \"Platform Records\": the Error Logs and the Audit Trail.\n\n"
	         "1.3 \"Customer Data\": all data of the Customer: the Platform Records and the Uploads.\n\n"
	         "# 4. Data\n\n4.3 The Supplier sells the Error Logs.\n",
	         "met", "en: a member's own member");
	S_expect(rs,
	         "# 1. Begrippen\n\n1.1 Routelogs: de ritten per voertuig.\n\n"
	         "1.2 Gemeentegegevens: de gegevens van de Gemeente: de Meldingen, de Foto's en de Routelogs.\n\n"
	         "# 4. Data\n\n4.3 Opdrachtnemer verkoopt de Routelogs aan derden.\n",
	         "met", "nl: een opsomming");
	S_expect(rs,
	         "# 1. Begrippen\n\n1.1 Ritregistraties: de ritten per voertuig.\n\n"
	         "1.2 Klantgegevens: alle gegevens van Opdrachtgever, waaronder de Ritregistraties.\n\n"
	         "# 4. Data\n\n4.3 Opdrachtnemer verkoopt de Ritregistraties.\n",
	         "met", "nl: 'waaronder'");
	S_expect(rs,
	         "# 1. Begrippen\n\n1.1 Storingsmeldingen: de meldingen per apparaat.\n\n"
	         "1.2 Klantgegevens: de gegevens van Opdrachtgever, te weten de Ritregistraties alsmede de "
	         "Storingsmeldingen.\n\n"
	         "# 4. Data\n\n4.3 Opdrachtnemer verkoopt de Storingsmeldingen.\n",
	         "met", "nl: 'alsmede'");
	S_expect(rs,
	         "# 1. Begrippen\n\n1.1 Logbestanden: de logregels van de servers.\n\n"
	         "1.2 Gemeentegegevens: alle gegevens van de Gemeente inclusief de Logbestanden.\n\n"
	         "# 4. Data\n\n4.3 Opdrachtnemer verkoopt de Logbestanden.\n",
	         "met", "nl: 'inclusief'");
}

static void test_not_members(const tl_ruleset *rs)
{
	/* without the list, the term is no customer data */
	S_expect(rs,
	         "# 1. Definitions\n\n1.1 \"Delivery Logs\": the delivery status per message and per number.\n\n"
	         "1.2 \"Municipal Data\": all data of the Municipality and all reports.\n\n"
	         "# 4. Data\n\n4.3 The Supplier sells Delivery Logs to network operators.\n",
	         "missing", "en: not listed");
	S_expect(rs,
	         "# 1. Definitions\n\n1.1 \"Delivery Logs\": the delivery status per message.\n\n"
	         "1.2 \"Municipal Data\": all data of the Municipality, excluding Delivery Logs.\n\n"
	         "# 4. Data\n\n4.3 The Supplier sells Delivery Logs.\n",
	         "missing", "en: excluded");
	S_expect(rs,
	         "# 1. Begrippen\n\n1.1 Routelogs: de ritten per voertuig.\n\n"
	         "1.2 Gemeentegegevens: alle gegevens van de Gemeente, met uitzondering van de Routelogs.\n\n"
	         "# 4. Data\n\n4.3 Opdrachtnemer verkoopt de Routelogs.\n",
	         "missing", "nl: uitgezonderd");
	S_expect(rs,
	         "# 1. Definitions\n\n1.1 \"Inspectors\": the officers who check the sites.\n\n"
	         "1.2 \"Municipal Data\": all data that the Municipality, Inspectors or residents enter.\n\n"
	         "# 4. Data\n\n4.3 The Supplier sells the Inspectors a licence.\n",
	         "missing", "en: who enters the data (a relative clause)");
	S_expect(rs,
	         "# 1. Begrippen\n\n1.1 Rechthebbenden: de houders van een grafrecht.\n\n"
	         "1.2 Gemeentegegevens: het register en de gegevens van overledenen en Rechthebbenden.\n\n"
	         "# 4. Data\n\n4.3 Opdrachtnemer verkoopt Rechthebbenden een abonnement.\n",
	         "missing", "nl: the end of a prepositional phrase");
	S_expect(rs,
	         "# 1. Definitions\n\n1.1 \"Trade Secrets\": information that qualifies as a trade secret under law.\n\n"
	         "1.2 \"Customer Data\": all data of the Customer, such as Uploads, Trade Secrets and reports.\n\n"
	         "# 4. Data\n\n4.3 The Supplier sells a trade secret of its own.\n",
	         "missing", "en: the term in lower case is an ordinary word");
}

int main(void)
{
	if (fx_tmp_open("test_match_members") != 0)
		return 1;
	tl_ruleset *rs = fx_tmp_ruleset("members.json", S_ruleset);
	if (rs) {
		test_members_join(rs);
		test_not_members(rs);
	}
	tl_ruleset_free(rs);
	return T_DONE();
}
