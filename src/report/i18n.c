/* i18n.c: Dutch and English strings for the renderers.  Every fixed string a
 * renderer prints comes from here, so a report reads in one language. */
#include <string.h>

#include "report/i18n.h"

typedef struct {
	const char *nl, *en;
} S_pair;

static const S_pair S_strings[TL_S_COUNT] = {
	[TL_S_REPORT_TITLE] = {"tenderlint-rapport", "tenderlint report"},
	[TL_S_DOCUMENT] = {"Document", "Document"},
	[TL_S_DOCUMENTS] = {"Documenten", "Documents"},
	[TL_S_N_DOCUMENTS] = {"{1} documenten", "{1} documents"},
	[TL_S_ONE_DOCUMENT] = {"1 document", "1 document"},
	[TL_S_FORMAT] = {"Formaat", "Format"},
	[TL_S_LANGUAGE] = {"Taal", "Language"},
	[TL_S_TITLE] = {"Titel", "Title"},
	[TL_S_RULESET] = {"Regelset", "Ruleset"},
	[TL_S_CLAUSE] = {"artikel {1}", "clause {1}"},
	[TL_S_NO_CLAUSE] = {"vóór het eerste genummerde artikel", "before the first numbered clause"},
	[TL_S_PARAGRAPH] = {"alinea {1}", "paragraph {1}"},
	[TL_S_WHY] = {"Waarom", "Why"},
	[TL_S_SUGGESTED] = {"Voorgestelde bepaling", "Suggested clause"},
	[TL_S_SUMMARY] = {"Samenvatting", "Summary"},
	[TL_S_TOTAL] = {"Totaal over {1} documenten", "Total over {1} documents"},
	[TL_S_UNREADABLE] = {"kon niet worden gelezen", "could not be read"},
	[TL_S_CONTEXTS] = {"Context", "Contexts"},
	[TL_S_NONE_FOUND] = {"geen gevonden", "none found"},
	[TL_S_FORCED] = {"opgelegd", "forced"},
	[TL_S_REVISIONS] = {"{1} bijgehouden wijzigingen open{3}; gecontroleerd in de weergave '{2}'",
	                    "{1} tracked changes pending{3}; checked in the '{2}' view"},
	[TL_S_REVISIONS_BY] = {" (door {1})", " (by {1})"},
	[TL_S_BY_REFERENCE_SHORT] = {"via {1} art. {2}", "through {1} art. {2}"},
	[TL_S_BY_REFERENCE] = {"via {1} art. {2}, van toepassing verklaard in artikel {3}",
	                       "through {1} art. {2}, declared applicable in clause {3}"},
	[TL_S_BY_ANNEX] = {"via de bijlage {1} ({2}), opgenomen in artikel {3}",
	                   "through the annex {1} ({2}), incorporated in clause {3}"},
	[TL_S_IN_ANNEX] = {"bijlage {1}, artikel {2}", "annex {1}, clause {2}"},
	[TL_S_WAIVED] = {"afwijking aanvaard", "waived"},
	[TL_S_WAIVER] = {"Aanvaarde afwijking: {1} (door {2}, tot {3})",
	                 "Accepted deviation: {1} (by {2}, until {3})"},
	[TL_S_DEFINITION] = {"steunt op de definitie van \"{1}\" ({2})",
	                     "relies on the definition of \"{1}\" ({2})"},
	[TL_S_PLACEHOLDERS] = {"Niet ingevulde invulvelden", "Unfilled placeholders"},
	[TL_S_FILTER] = {"Filter", "Filter"},
	[TL_S_STATUS] = {"Status", "Status"},
	[TL_S_AREA] = {"Onderwerp", "Area"},
	[TL_S_SEVERITY] = {"Ernst", "Severity"},
	[TL_S_ALL] = {"alle", "all"},
	[TL_S_COPY] = {"Kopiëren", "Copy"},
	[TL_S_COPIED] = {"Gekopieerd", "Copied"},
	[TL_S_TEXT_VIEW] = {"Contracttekst", "Contract text"},
	[TL_S_TEXT_VIEW_NOTE] = {"De geciteerde passages per artikel, met het bewijs gemarkeerd.",
	                         "The quoted passages per clause, with the evidence highlighted."},
	[TL_S_OVERVIEW] = {"Overzicht", "Overview"},
	[TL_S_FINDINGS] = {"Bevindingen", "Findings"},
	[TL_S_SCORECARD] = {"Scorekaart", "Scorecard"},
	[TL_S_REQUIREMENT] = {"Eis", "Requirement"},
	[TL_S_EVIDENCE] = {"Vindplaats", "Evidence"},
	[TL_S_NO_MATCH] = {"Geen bevindingen voldoen aan de filters.", "No findings match the filters."},
	[TL_S_CITED_BY] = {"geciteerd bij", "cited by"},
	[TL_S_ERROR] = {"Fout", "Error"},
	[TL_S_NO_DOCUMENTS] = {"Het rapport bevat geen documenten.", "The report holds no documents."},
	[TL_S_NOTE_INSERTED] = {"De voorgestelde bepaling is hieronder ingevoegd als bijgehouden wijziging.",
	                        "The suggested clause is inserted below as a tracked change."},
	[TL_S_NOTE_NOT_INSERTED] = {"Er is geen voorgestelde bepaling voor deze eis.",
	                            "There is no suggested clause for this requirement."},
	[TL_S_NOTE_HERE] = {"Het contract regelt dit nergens; de voorgestelde bepaling hoort hier.",
	                    "Nothing in the contract addresses this; the suggested clause belongs here."},
	[TL_S_NOTE_VIOLATED] = {"De geciteerde tekst blijft staan: schrap of wijzig die, want een schending geldt zolang die tekst in het contract staat.",
	                        "The quoted text stays: delete or amend it, since a violation stands as long as that text is in the contract."},
	[TL_S_GAPS] = {"Tekortkomingen", "Gaps"},
	[TL_S_RESET] = {"Alles tonen", "Show all"},
	[TL_S_TRACKED] = {"Bijgehouden wijzigingen", "Tracked changes"},
	[TL_S_TEXT_FULL_NOTE] = {"De hele tekst ({1} alinea's, zonder opmerkingen). Het bewijs is gemarkeerd; elke "
	                         "markering verwijst naar de bevindingen die haar citeren.",
	                         "The whole text ({1} paragraphs, without comments). The evidence is highlighted; "
	                         "each highlight links to the findings that cite it."},
	[TL_S_ONLY_EVIDENCE] = {"alleen alinea's met bewijs", "only paragraphs with evidence"},
	[TL_S_KIND_HEADER] = {"koptekst", "header"},
	[TL_S_KIND_FOOTER] = {"voettekst", "footer"},
	[TL_S_KIND_FOOTNOTE] = {"voetnoot", "footnote"},
	[TL_S_KIND_ENDNOTE] = {"eindnoot", "endnote"},
	[TL_S_KIND_TEXTBOX] = {"tekstvak", "text box"},
};

static const S_pair S_status[TL_ST_COUNT + 1] = {
	[TL_ST_MET] = {"voldaan", "met"},
	[TL_ST_PARTIAL] = {"gedeeltelijk", "partial"},
	[TL_ST_VIOLATED] = {"geschonden", "violated"},
	[TL_ST_MISSING] = {"ontbreekt", "missing"},
	[TL_ST_NA] = {"niet van toepassing", "not applicable"},
	[TL_ST_COUNT] = {"onbekend", "unknown"},
};

static const S_pair S_severity[TL_SEV_COUNT + 1] = {
	[TL_SEV_CRITICAL] = {"kritiek", "critical"},
	[TL_SEV_HIGH] = {"hoog", "high"},
	[TL_SEV_MEDIUM] = {"middel", "medium"},
	[TL_SEV_LOW] = {"laag", "low"},
	[TL_SEV_INFO] = {"info", "info"},
	[TL_SEV_COUNT] = {"onbekend", "unknown"},
};

const char *const tl_i18n_areas[] = {"DATA", "RESALE", "OPEN",  "SEC", "CHAIN",
                                     "SURV", "ACCT",   "PRIV", "LEGAL", NULL};

static const S_pair S_areas[] = {
	{"Eigendom van gegevens", "Data ownership"},
	{"Doorverkoop en hergebruik", "Resale and secondary use"},
	{"Open standaarden, uitwisselbaarheid en exit", "Open standards, interoperability and exit"},
	{"Beveiliging en privacy by design", "Security and privacy by design"},
	{"Transparantie in de keten", "Supply-chain transparency"},
	{"Surveillance en biometrie", "Surveillance and biometrics"},
	{"Transparantie en verantwoording", "Transparency and accountability"},
	{"Persoonsgegevens", "Personal data"},
	{"Juridische grondslag", "Legal basis"},
};

static const char *S_pick(const S_pair *p, const char *lang)
{
	return lang && !strcmp(lang, "nl") ? p->nl : p->en;
}

const char *tl_i18n(const char *lang, tl_str_id id)
{
	if ((int)id < 0 || id >= TL_S_COUNT || !S_strings[id].en)
		return "";
	return S_pick(&S_strings[id], lang);
}

const char *tl_i18n_status(const char *lang, tl_status st)
{
	if ((int)st < 0 || st > TL_ST_COUNT)
		st = TL_ST_COUNT;
	return S_pick(&S_status[st], lang);
}

const char *tl_i18n_severity(const char *lang, tl_severity sev)
{
	if ((int)sev < 0 || sev > TL_SEV_COUNT)
		sev = TL_SEV_COUNT;
	return S_pick(&S_severity[sev], lang);
}

const char *tl_i18n_area(const char *lang, const char *area)
{
	if (!area)
		return NULL;
	for (size_t i = 0; tl_i18n_areas[i]; i++)
		if (!strcmp(tl_i18n_areas[i], area))
			return S_pick(&S_areas[i], lang);
	return NULL;
}
