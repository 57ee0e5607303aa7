/* test_annot_scope.c: what a ban covers and what an exception is.
 *
 * A predicate that bans its subject ("is niet toegestaan", "is verboden", "is
 * not permitted", "is prohibited") puts a subject that names an activity
 * ("Het plaatsen van camera's", "Use of Customer Data to train AI models") in
 * the negation's scope, so it sets no context tag; a thing as the subject
 * ("Camera's mogen niet worden gebruikt voor ...") exists and still does.
 * "only with" / "uitsluitend met" narrow a duty and open no exception unless
 * a party's consent, instruction or request follows, and a consent exception
 * belongs to the party that consents.  The context checks run
 * the engine's test ruleset (rulesets/test/engine.json, context "sensors" on
 * the concept camera). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"
#include "rules/rules.h"

static tl_ruleset *S_rs;

/* The annotated last paragraph of preamble + text: its first unit. */
typedef struct {
	tl_document *doc;
	tl_annotated *a;
	const tl_sentence *s;
} S_ann;

static int S_open(S_ann *r, int nl, const char *text)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s%s\n", nl ? fx_pre_nl : fx_pre_en, text);
	memset(r, 0, sizeof *r);
	r->a = fx_annotate(buf, &r->doc);
	if (!r->a)
		return -1;
	size_t np;
	tl_document_paras(r->doc, &np);
	uint32_t first = r->a->para_sent[np - 1];
	r->s = first < r->a->para_sent[np] ? &r->a->sent[first] : NULL;
	return r->s ? 0 : -1;
}

static void S_close(S_ann *r)
{
	tl_annotated_free(r->a);
	tl_document_free(r->doc);
}

/* 1 when the first token with this fold is in the negation's scope, 0 when
 * not, -1 when there is none. */
static int S_in_scope(const tl_sentence *s, const char *fold)
{
	for (uint32_t i = 0; i < s->ntok; i++)
		if (!strcmp(s->tok[i].fold, fold))
			return (s->tok[i].flags & TL_TOK_NEG_SCOPE) != 0;
	return -1;
}

/* Whether the sentence sets the test ruleset's "sensors" context. */
static int S_sensors(int nl, const char *text)
{
	S_ann r;
	tl_match *m = NULL;
	tl_error err = TL_ERROR_INIT;
	int set = -1;
	if (S_open(&r, nl, text) == 0 && tl_match_run(&m, S_rs, r.a, NULL, 0, -1, &err) == 0)
		set = (int)m->ctx[tl_rules_context(S_rs, "sensors")].set;
	tl_match_free(m);
	S_close(&r);
	return set;
}

static void test_banned_activity(void)
{
	/* the activity is what is banned: none of its words is evidence */
	T_INT(S_sensors(1, "Het plaatsen van camera's in de openbare ruimte is niet toegestaan."), 0);
	T_INT(S_sensors(1, "Gebruik van camera's voor eigen doeleinden is Opdrachtnemer niet toegestaan."),
	      0);
	T_INT(S_sensors(0, "Installation of cameras in public spaces is prohibited."), 0);
	T_INT(S_sensors(0, "Use of cameras to track visitors shall not be permitted."), 0);
	/* a thing as the subject exists; only a use of it, or a place, is banned */
	T_INT(S_sensors(1, "Camera's mogen niet worden gebruikt voor gezichtsherkenning."), 1);
	T_INT(S_sensors(1, "Camera's zijn in de kleedruimtes niet toegestaan."), 1);
	T_INT(S_sensors(0, "Cameras shall not be used for facial recognition."), 1);
	T_INT(S_sensors(0, "Cameras are not permitted in changing rooms."), 1);
	/* a permission is no ban; an agent is not what is banned */
	T_INT(S_sensors(1, "Het plaatsen van camera's is toegestaan."), 1);
	T_INT(S_sensors(0, "Cameras are not allowed to record sound."), 1);

	S_ann r;
	if (S_open(&r, 1,
	           "Gebruik voor eigen doeleinden, voor productverbetering, benchmarking of onderzoek, of "
	           "voor het trainen, testen of verbeteren van algoritmen of AI-modellen, is Opdrachtnemer "
	           "niet toegestaan, ook niet in geanonimiseerde vorm.") == 0) {
		T_INT(r.s->modality, TL_MOD_PROHIBITION);
		T_INT(r.s->bound, TL_ROLE_VENDOR);
		T_INT(S_in_scope(r.s, "gebruik"), 1);
		T_INT(S_in_scope(r.s, "algoritmen"), 1);
		T_INT(S_in_scope(r.s, "opdrachtnemer"), 0); /* the bound party is never denied */
	}
	S_close(&r);
	if (S_open(&r, 0, "Use of Customer Data to train AI models is not permitted.") == 0) {
		T_INT(r.s->modality, TL_MOD_PROHIBITION);
		T_INT(S_in_scope(r.s, "train"), 1);
		T_INT(S_in_scope(r.s, "models"), 1);
	}
	S_close(&r);
	/* a subject with its own verb before the ban is not one activity */
	if (S_open(&r, 0, "The cameras record images and storage is prohibited.") == 0)
		T_INT(S_in_scope(r.s, "cameras"), 0);
	S_close(&r);
}

/* The kinds of the unit's exceptions, comma-separated ("" for none). */
static const char *S_exc(const tl_sentence *s, char *buf, size_t size)
{
	buf[0] = '\0';
	for (uint32_t i = 0; i < s->nexc; i++) {
		size_t l = strlen(buf);
		snprintf(buf + l, size - l, "%s%s", i ? "," : "", tl_exc_kind_name(s->exc[i].kind));
	}
	return buf;
}

static void S_expect_exc(int nl, const char *text, const char *want, int in_exc_word_ok,
                         const char *word)
{
	S_ann r;
	char buf[128];
	if (S_open(&r, nl, text) != 0) {
		T_OK(0, "annotate: %s", text);
		S_close(&r);
		return;
	}
	T_STR(S_exc(r.s, buf, sizeof buf), want);
	for (uint32_t i = 0; word && i < r.s->ntok; i++)
		if (!strcmp(r.s->tok[i].fold, word)) {
			int in = (r.s->tok[i].flags & TL_TOK_IN_EXC) != 0;
			T_OK(in == in_exc_word_ok, "%s: '%s' inside an exception: %d", text, word, in);
			break;
		}
	S_close(&r);
}

static void test_restriction_is_no_exception(void)
{
	/* a restriction narrows the duty: its words stay in the main clause */
	S_expect_exc(0, "The Supplier shall develop and test only with synthetic test data.", "", 0,
	             "synthetic");
	S_expect_exc(1, "Opdrachtnemer ontwikkelt uitsluitend met synthetische testgegevens.", "", 0,
	             "synthetische");
	S_expect_exc(1, "Opdrachtnemer verwijdert de Gegevens uitsluitend na afloop van de bewaartermijn.",
	             "", 0, "afloop");
	S_expect_exc(0, "The Supplier shall share Customer Data only with the Customer.", "", 0, NULL);
	/* a restriction beside a real exception: only the exception counts */
	S_expect_exc(1, "Opdrachtnemer test alleen met geanonimiseerde gegevens, tenzij Opdrachtgever "
	                "anders bepaalt.", "customer", 0, "geanonimiseerde");
	/* consent, instruction or request after "only with" / "uitsluitend na" gives way to a party */
	S_expect_exc(0, "Provider may use Subcontractors only with the Customer's prior permission.",
	             "customer", 1, "prior");
	S_expect_exc(0, "The Supplier shall process Customer Data only with the written instructions of "
	                "the Customer.", "customer", 1, "written");
	S_expect_exc(1, "Opdrachtnemer mag alleen na schriftelijke toestemming van Opdrachtgever "
	                "subverwerkers inschakelen.", "customer", 1, "schriftelijke");
	S_expect_exc(1, "Opdrachtnemer verstrekt de Gegevens uitsluitend na een schriftelijk verzoek van "
	                "Opdrachtgever.", "customer", 1, "verzoek");
	/* the real exceptions are untouched */
	S_expect_exc(0, "The Supplier shall not disclose Customer Data except where required by law.",
	             "law", 1, "required");
	S_expect_exc(1, "Opdrachtnemer verstrekt geen Gegevens, tenzij Opdrachtgever daarvoor "
	                "toestemming geeft.", "customer", 1, "toestemming");
}

/* Who controls a consent exception is the party that consents, not the first
 * party the exception names. */
static void test_consenting_party(void)
{
	S_expect_exc(0, "The Supplier shall not disclose Customer Data to third parties, unless the "
	                "Supplier has obtained the Customer's prior written consent.", "customer", 1,
	             "written");
	S_expect_exc(0, "The Supplier shall not transfer Customer Data, except to Sub-processors "
	                "approved by the Customer.", "customer", 1, "approved");
	S_expect_exc(1, "Opdrachtnemer verstrekt geen Gegevens aan derden, behalve aan subverwerkers die "
	                "Opdrachtgever heeft goedgekeurd.", "customer", 1, "goedgekeurd");
	S_expect_exc(1, "Opdrachtnemer verstrekt geen Gegevens aan derden, tenzij Opdrachtnemer daarvoor "
	                "toestemming van Opdrachtgever heeft verkregen.", "customer", 1, "verkregen");
	/* the vendor's consent stays the vendor's; an aside names no consenting party */
	S_expect_exc(1, "Opdrachtgever mag het Maatwerk aan andere overheden ter beschikking stellen, mits "
	                "Opdrachtnemer daarvoor vooraf toestemming geeft.", "vendor", 1, "vooraf");
	S_expect_exc(0, "The Customer may publish the counts, provided that it has obtained the "
	                "Supplier's prior written approval.", "vendor", 1, "prior");
	S_expect_exc(1, "Opdrachtnemer verstrekt geen Gegevens aan derden, tenzij Opdrachtgever, na "
	                "overleg met Opdrachtnemer, schriftelijk toestemming geeft.", "customer", 1,
	             "schriftelijk");
}

/* A Dutch proviso ("met dien verstande dat", "met dien verstande, dat", "zij
 * het dat") is an exception like "behoudens" or English "save that": its words
 * leave the main clause, whose party and modality stay, and its kind is read
 * from its own words (the vendor's discretion, the customer's consent, the
 * law). */
static void S_expect_main(int nl, const char *text, const char *role, const char *modality)
{
	S_ann r;
	if (S_open(&r, nl, text) != 0) {
		T_OK(0, "annotate: %s", text);
		S_close(&r);
		return;
	}
	T_STR(tl_role_name(r.s->bound), role);
	T_STR(tl_modality_name(r.s->modality), modality);
	S_close(&r);
}

static void test_proviso(void)
{
	static const char *const disc[] = {
		"Opdrachtnemer gebruikt de Gegevens uitsluitend om de Dienst te leveren, met dien verstande "
		"dat hij logbestanden mag gebruiken voor andere doeleinden die hij naar eigen inzicht nodig acht.",
		"Opdrachtnemer gebruikt de Gegevens uitsluitend om de Dienst te leveren, met dien verstande, "
		"dat hij logbestanden mag gebruiken voor andere doeleinden die hij naar eigen inzicht nodig acht.",
		"Opdrachtnemer gebruikt de Gegevens uitsluitend om de Dienst te leveren, zij het dat hij "
		"logbestanden mag gebruiken voor andere doeleinden die hij naar eigen inzicht nodig acht.",
		NULL};
	for (const char *const *t = disc; *t; t++) {
		S_expect_exc(1, *t, "vendor", 1, "logbestanden");
		S_expect_main(1, *t, "vendor", "obligation");
	}
	/* the English form it mirrors */
	S_expect_exc(0, "The Provider shall use Customer Data only to provide the Service, save that the "
	                "Provider may use Delivery Metadata for such other purposes as it deems necessary.",
	             "vendor", 1, "metadata");
	/* the kind is read from the proviso's words: a consent runs past the party it names */
	S_expect_exc(1, "Opdrachtnemer verstrekt geen Gegevens aan derden, met dien verstande dat "
	                "Opdrachtgever daarvoor vooraf schriftelijke toestemming kan geven.", "customer", 1,
	             "toestemming");
	S_expect_main(1, "Opdrachtnemer verstrekt geen Gegevens aan derden, met dien verstande dat "
	                 "Opdrachtgever daarvoor vooraf schriftelijke toestemming kan geven.", "vendor",
	              "prohibition");
	S_expect_exc(1, "Opdrachtnemer verwijdert de Gegevens na afloop van de Overeenkomst, zij het dat een "
	                "wettelijke bewaarplicht voorgaat.", "law", 1, "bewaarplicht");
	S_expect_exc(1, "Opdrachtnemer verkoopt de Gegevens niet, met dien verstande dat hij geanonimiseerde "
	                "statistieken naar eigen inzicht mag publiceren.", "vendor", 1, "statistieken");
	S_expect_main(1, "Opdrachtnemer verkoopt de Gegevens niet, met dien verstande dat hij geanonimiseerde "
	                 "statistieken naar eigen inzicht mag publiceren.", "vendor", "prohibition");
	/* no proviso: no exception; the words of "zij het eens zijn" open nothing */
	S_expect_exc(1, "Opdrachtnemer gebruikt de Gegevens uitsluitend om de Dienst te leveren.", "", 0,
	             "dienst");
	S_expect_exc(1, "Opdrachtgever en Opdrachtnemer verklaren dat zij het eens zijn over de planning.", "",
	             0, NULL);
	S_expect_exc(1, "Opdrachtnemer levert de Dienst met de zorg die van een goed opdrachtnemer verwacht "
	                "mag worden.", "", 0, "zorg");
}

/* A fronted "Behoudens" with a noun phrase and no comma ends before the finite verb of
 * the inverted main clause, whose subject is the bound party (s9 ask 13). */
static void test_fronted_behoudens(void)
{
	static const char *const t[] = {
		"Behoudens een wettelijk verbod meldt Opdrachtnemer een datalek binnen 24 uur aan Opdrachtgever.",
		"Behoudens een wettelijk verbod stelt Opdrachtnemer Opdrachtgever binnen 24 uur op de hoogte.",
		NULL};
	for (const char *const *x = t; *x; x++) {
		S_expect_exc(1, *x, "law", 0, "binnen");
		S_expect_main(1, *x, "vendor", "obligation");
	}
	S_expect_main(1, "Behoudens overmacht meldt Opdrachtnemer een datalek binnen 24 uur.", "vendor", "obligation");
	/* a consent phrase keeps its party; the subject after the verb is bound */
	S_expect_exc(1, "Behoudens voorafgaande schriftelijke toestemming van Opdrachtgever verstrekt Opdrachtnemer "
	                "geen Gegevens aan derden.", "customer", 1, "toestemming");
	S_expect_main(1, "Behoudens voorafgaande schriftelijke toestemming van Opdrachtgever verstrekt Opdrachtnemer "
	                 "geen Gegevens aan derden.", "vendor", "prohibition");
	/* with a comma the phrase ends there, as before */
	S_expect_main(1, "Behoudens het bepaalde in artikel 5, meldt Opdrachtnemer elk datalek binnen 24 uur.", "vendor",
	              "obligation");
}

/* A contrast set off by commas ("X, not Y, and <verb> ...") denies Y only: what the
 * next predicate names stays out of the scope; a later denied predicate is denied. */
static void S_expect_scope(int nl, const char *text, const char *const *in, const char *const *out)
{
	S_ann r;
	if (S_open(&r, nl, text) != 0) {
		T_OK(0, "annotate: %s", text);
		return;
	}
	for (const char *const *w = in; *w; w++)
		T_OK(S_in_scope(r.s, *w) == 1, "'%s' denied in: %s", *w, text);
	for (const char *const *w = out; *w; w++)
		T_OK(S_in_scope(r.s, *w) == 0, "'%s' not denied in: %s", *w, text);
	S_close(&r);
}

static void test_contrast(void)
{
	static const char *const app_in_en[] = {"inspectors", NULL};
	static const char *const app_out_en[] = {"shows", "names", "trees", NULL};
	S_expect_scope(0,
	               "The App records the location of trees, not of the inspectors, and shows parcel "
	               "owners' names only to users with the role \"legal advisor\".",
	               app_in_en, app_out_en);
	static const char *const app_in_nl[] = {"die", "inspecteurs", NULL};
	static const char *const app_out_nl[] = {"toont", "namen", "bomen", NULL};
	S_expect_scope(1,
	               "De App legt de locatie van bomen vast, niet die van de inspecteurs, en toont de "
	               "namen van eigenaren alleen aan juristen.",
	               app_in_nl, app_out_nl);
	static const char *const us_in[] = {"us", NULL};
	static const char *const us_out[] = {"deletes", "days", NULL};
	S_expect_scope(0, "The Supplier stores the data in the EU, not in the US, and deletes it after 30 days.",
	               us_in, us_out);
	/* a later denied predicate is denied again */
	static const char *const meta_in_nl[] = {"metadata", "logbestanden", NULL};
	static const char *const meta_out_nl[] = {"gegevens", NULL};
	S_expect_scope(1, "Opdrachtnemer verwerkt de gegevens, niet de metadata, en slaat geen logbestanden op.",
	               meta_in_nl, meta_out_nl);
	static const char *const meta_in_en[] = {"metadata", "keep", "logs", NULL};
	static const char *const meta_out_en[] = {"data", NULL};
	S_expect_scope(0, "The Supplier processes the data, not the metadata, and does not keep logs.",
	               meta_in_en, meta_out_en);
	/* without a predicate of its own after the closing comma, the denial runs on */
	static const char *const run_in[] = {"us", "china", NULL};
	static const char *const none[] = {NULL};
	S_expect_scope(0, "The Supplier stores the data in the EU, not in the US, and never in China.", run_in,
	               none);
	static const char *const plain_in[] = {"gegevens", "derden", NULL};
	S_expect_scope(1, "Opdrachtnemer verkoopt de gegevens niet, en verstrekt ze niet aan derden.", plain_in,
	               none);
}

int main(void)
{
	tl_error err = TL_ERROR_INIT;
	if (tl_rules_load(&S_rs, TL_SOURCE_DIR "/rulesets/test/engine.json", NULL, &err) != 0) {
		fprintf(stderr, "cannot load the test ruleset: %s\n", err.message);
		return 1;
	}
	test_banned_activity();
	test_restriction_is_no_exception();
	test_consenting_party();
	test_proviso();
	test_fronted_behoudens();
	test_contrast();
	tl_ruleset_free(S_rs);
	return T_DONE();
}
