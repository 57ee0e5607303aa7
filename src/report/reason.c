/* reason.c: why a finding has its status, as full sentences in Dutch or
 * English: which clause meets, weakens or contradicts the requirement (with
 * the pattern's own explanation), which definition it relied on, which
 * framework article covers it, or which context was not found. */
#include <ctype.h>
#include <string.h>

#include "clauses/clauses.h"
#include "model/doc.h"
#include "report/reason.h"

static void S_upper_from(tl_buf *b, size_t at)
{
	if (b->data && at < b->len)
		b->data[at] = (char)toupper((unsigned char)b->data[at]);
}

static void S_ref(tl_buf *b, const tl_match *m, int32_t sent, tl_lang lang)
{
	const tl_sentence *s = &m->a->sent[sent];
	tl_clause_ref(b, m->a, s->clause, s->para, lang);
}

/* What a pattern without its own "why" required, in words. */
static void S_auto_why(tl_buf *b, const tl_pattern *p, tl_lang lang)
{
	int en = lang == TL_LANG_EN;
	if (p->vague == 1)
		tl_buf_puts(b, en ? ": it names no fixed period, only a vague term"
		                  : ": er staat geen vaste termijn, alleen een vage term");
	else if (p->efforts == 1)
		tl_buf_puts(b, en ? ": it is only an efforts obligation" : ": het is slechts een inspanningsverplichting");
	else if (p->excmask && !(p->excmask & TL_EXCBIT(TL_EXC_NONE)) && (p->excmask & TL_EXCBIT(TL_EXC_VENDOR)))
		tl_buf_puts(b, en ? ": its exception is left to the vendor's discretion"
		                  : ": de uitzondering is ter beoordeling van de leverancier");
	else if (p->q.kind == TL_Q_DURATION && p->q.has_min && p->list == TL_LIST_VIOLATED)
		tl_buf_printf(b, en ? ": the period it states is %g hours or longer" : ": de termijn is %g uur of langer",
		              p->q.min);
	else if (p->q.kind == TL_Q_DURATION && p->q.has_max && p->list == TL_LIST_MET)
		tl_buf_printf(b, en ? ": it sets a period of at most %g hours" : ": er geldt een termijn van ten hoogste %g uur",
		              p->q.max);
	else if (p->list == TL_LIST_VIOLATED && p->modmask == (1u << TL_MOD_PERMISSION))
		tl_buf_puts(b, en ? ": it permits what the requirement rules out" : ": het staat toe wat de eis uitsluit");
}

/* ": why" without a final period (the caller ends the sentence). */
static void S_why(tl_buf *b, const tl_rule *r, const tl_evidence *ev, tl_lang lang)
{
	if (ev->wish) {
		tl_buf_puts(b, lang == TL_LANG_EN
		                   ? ": the tender's requirements table marks it as a wish, not a requirement, so "
		                     "it binds only if the tenderer offers it"
		                   : ": de eisentabel van de aanbesteding noemt dit een wens, geen eis; het bindt "
		                     "alleen als de inschrijver het aanbiedt");
		return;
	}
	if (ev->pattern < 0)
		return;
	const tl_pattern *p = &r->pat[ev->pattern];
	const char *w = p->why[lang] ? p->why[lang] : p->why[lang == TL_LANG_EN ? TL_LANG_NL : TL_LANG_EN];
	if (!w || !*w) {
		S_auto_why(b, p, lang);
		return;
	}
	size_t n = strlen(w);
	while (n && (w[n - 1] == '.' || w[n - 1] == ' '))
		n--;
	tl_buf_puts(b, ": ");
	tl_buf_put(b, w, n);
}

static void S_definition(tl_buf *b, const tl_match *m, const tl_evidence *ev, tl_lang lang)
{
	if (ev->term < 0 || (uint32_t)ev->term >= m->a->nterms)
		return;
	const tl_term *t = &m->a->terms[ev->term];
	int32_t cl = t->para >= 0 ? m->a->doc->paras[t->para].clause : -1;
	tl_buf_printf(b, lang == TL_LANG_EN ? " This relies on the definition of \"%s\" (" : " Dit steunt op de definitie van \"%s\" (", t->term);
	tl_clause_ref(b, m->a, cl, t->para, lang);
	tl_buf_puts(b, ").");
}

static void S_contexts_or(tl_buf *b, const tl_ruleset *rs, const int32_t *ctx, uint32_t n, tl_lang lang)
{
	for (uint32_t i = 0; i < n; i++) {
		const tl_context_def *c = &rs->contexts[ctx[i]];
		const char *t = c->title[lang] ? c->title[lang] : c->tag;
		if (i)
			tl_buf_puts(b, i + 1 == n ? (lang == TL_LANG_EN ? " or " : " of ") : ", ");
		tl_buf_puts(b, t);
	}
}

static void S_not_applicable(tl_buf *b, const tl_match *m, const tl_rule *r, const tl_rule_result *res,
                             tl_lang lang)
{
	int en = lang == TL_LANG_EN;
	const tl_ruleset *rs = m->rs;
	if (res->missing_ctx >= 0 && m->ctx[res->missing_ctx].forced < 0) {
		tl_buf_printf(b, en ? "Not applicable: the context \"%s\" was switched off for this check."
		                    : "Niet van toepassing: de context \"%s\" is voor deze controle uitgezet.",
		              rs->contexts[res->missing_ctx].tag);
		return;
	}
	tl_buf_puts(b, en ? "Not applicable: the document gives no sign of " : "Niet van toepassing: het document bevat geen aanwijzing voor ");
	if (r->napp_any)
		S_contexts_or(b, rs, r->app_any, r->napp_any, lang);
	else if (res->missing_ctx >= 0)
		S_contexts_or(b, rs, &res->missing_ctx, 1, lang);
	tl_buf_puts(b, en ? ", which this requirement is about." : ", waar deze eis over gaat.");
	if (r->napp_all && r->napp_any) {
		tl_buf_puts(b, en ? " It also needs " : " De eis vraagt ook ");
		S_contexts_or(b, rs, r->app_all, r->napp_all, lang);
		tl_buf_puts(b, ".");
	}
}

static void S_reference(tl_buf *b, const tl_match *m, const tl_rule_result *res, tl_lang lang)
{
	int en = lang == TL_LANG_EN;
	const tl_fwmap *fw = &m->rs->fw[res->fw];
	const tl_fw_entry *e = &fw->e[res->fw_entry];
	const tl_framework *d = &m->a->fw[res->fw_decl];
	size_t at = b->len;
	uint32_t dev = res->fw_devmask;
	if (e->coverage == TL_COV_FULL && !dev && res->fw_ctx < 0)
		tl_buf_puts(b, en ? "met through " : "voldaan via ");
	else if (e->coverage != TL_COV_AGAINST)
		tl_buf_puts(b, en ? "partly met through " : "gedeeltelijk voldaan via ");
	tl_buf_printf(b, "%s art. ", fw->title);
	for (uint32_t i = 0, n = 0; i < e->narticles; i++)
		if (i >= 32 || !(dev & (1u << i)))
			tl_buf_printf(b, "%s%s", n++ ? ", " : "", e->articles[i]);
	int32_t cl = d->para >= 0 ? m->a->doc->paras[d->para].clause : -1;
	tl_buf_puts(b, en ? ", declared applicable in " : ", van toepassing verklaard in ");
	tl_clause_ref(b, m->a, cl, d->para, lang);
	if (e->coverage == TL_COV_AGAINST)
		tl_buf_puts(b, en ? ", works against this requirement" : ", werkt deze eis tegen");
	if (dev) {
		tl_buf_puts(b, en ? "; the document deviates from art. " : "; het document wijkt af van art. ");
		for (uint32_t i = 0, n = 0; i < e->narticles && i < 32; i++)
			if (dev & (1u << i))
				tl_buf_printf(b, "%s%s", n++ ? ", " : "", e->articles[i]);
		tl_buf_puts(b, en ? ", which would cover the rest" : ", dat de rest zou regelen");
	}
	if (res->fw_ctx >= 0) { /* a full mapping, partial for documents in this context */
		const tl_context_def *c = &m->rs->contexts[res->fw_ctx];
		const char *t = c->title[lang] ? c->title[lang] : c->tag;
		tl_buf_printf(b, en ? "; for a document about %s it covers the requirement only in part"
		                    : "; voor een document over %s regelt het de eis maar gedeeltelijk",
		              t);
	}
	S_upper_from(b, at);
	const char *note = e->note[lang] ? e->note[lang] : e->note[en ? TL_LANG_NL : TL_LANG_EN];
	if (note && *note) {
		size_t n = strlen(note);
		while (n && (note[n - 1] == '.' || note[n - 1] == ' '))
			n--;
		tl_buf_puts(b, ": ");
		tl_buf_put(b, note, n);
	}
	tl_buf_puts(b, ".");
	if (e->confidence && !strcmp(e->confidence, "likely"))
		tl_buf_puts(b, en ? " The mapping of this article is likely but not verified."
		                  : " De koppeling aan dit artikel is waarschijnlijk, maar niet geverifieerd.");
}

void tl_reason(tl_buf *b, const tl_match *m, int i, tl_lang lang)
{
	const tl_ruleset *rs = m->rs;
	const tl_rule *r = &rs->rules[i];
	const tl_rule_result *res = &m->res[i];
	int en = lang == TL_LANG_EN;
	size_t at = b->len;
	if (res->basis_reference) {
		if (res->also_by >= 0) { /* met by reference through another rule (match.c) */
			const tl_rule *o = &rs->rules[res->also_by];
			const char *t = tl_rules_text(cJSON_GetObjectItemCaseSensitive(o->json, "title"), lang);
			tl_buf_printf(b, en ? "Met through requirement %s (%s), which the document meets by reference. "
			                    : "Voldaan via eis %s (%s), waaraan het document voldoet door verwijzing. ",
			              o->id, t ? t : o->id);
		}
		S_reference(b, m, res, lang);
		if (res->fw_over_partial && res->nev[TL_LIST_PARTIAL]) {
			/* the text's own partial clause, which the framework completes */
			tl_buf_puts(b, " ");
			at = b->len;
			S_ref(b, m, res->ev[TL_LIST_PARTIAL][0].sent, lang);
			S_upper_from(b, at);
			tl_buf_puts(b, en ? " on its own only partly meets this requirement"
			                  : " voldoet op zichzelf maar gedeeltelijk aan deze eis");
			S_why(b, r, &res->ev[TL_LIST_PARTIAL][0], lang);
			tl_buf_puts(b, ".");
		}
		return;
	}
	switch (res->status) {
	case TL_RS_NA:
		S_not_applicable(b, m, r, res, lang);
		return;
	case TL_RS_MISSING: {
		const char *t = r->reason_missing[lang] ? r->reason_missing[lang] : r->reason_missing[en ? TL_LANG_NL : TL_LANG_EN];
		const char *title = tl_rules_text(cJSON_GetObjectItemCaseSensitive(r->json, "title"), lang);
		if (t)
			tl_buf_puts(b, t);
		else
			tl_buf_printf(b, en ? "No clause in the document addresses this requirement (%s)."
			                    : "Geen bepaling in het document regelt deze eis (%s).", title ? title : r->id);
		if (res->fw >= 0 && res->fw_deviation) {
			const tl_fwmap *fw = &rs->fw[res->fw];
			const tl_framework *d = &m->a->fw[res->fw_decl];
			tl_buf_printf(b, en ? " The document declares %s applicable but deviates from art. %s, which would cover it."
			                    : " Het document verklaart %s van toepassing, maar wijkt af van art. %s, dat dit zou regelen.",
			              fw->title, fw->e[res->fw_entry].articles[0]);
			(void)d;
		}
		return;
	}
	case TL_RS_MET:
		if (res->also_by >= 0) {
			const tl_rule *o = &rs->rules[res->also_by];
			const char *t = tl_rules_text(cJSON_GetObjectItemCaseSensitive(o->json, "title"), lang);
			tl_buf_printf(b, en ? "Met through requirement %s (%s), which the document meets."
			                    : "Voldaan via eis %s (%s), waaraan het document voldoet.", o->id, t ? t : o->id);
			if (res->nev[TL_LIST_VIOLATED]) {
				tl_buf_puts(b, " ");
				at = b->len;
				S_ref(b, m, res->ev[TL_LIST_VIOLATED][0].sent, lang);
				S_upper_from(b, at);
				tl_buf_puts(b, en ? " would conflict with this requirement on its own, but that makes it moot."
				                  : " zou op zichzelf met deze eis in strijd zijn, maar dat maakt het zonder belang.");
			}
			return;
		}
		S_ref(b, m, res->ev[TL_LIST_MET][0].sent, lang);
		S_upper_from(b, at);
		tl_buf_puts(b, en ? " meets this requirement" : " voldoet aan deze eis");
		S_why(b, r, &res->ev[TL_LIST_MET][0], lang);
		tl_buf_puts(b, ".");
		S_definition(b, m, &res->ev[TL_LIST_MET][0], lang);
		if (res->nev[TL_LIST_PARTIAL]) {
			tl_buf_puts(b, " ");
			at = b->len;
			S_ref(b, m, res->ev[TL_LIST_PARTIAL][0].sent, lang);
			S_upper_from(b, at);
			tl_buf_puts(b, en ? " goes only part of the way, which does not undo this."
			                  : " gaat maar een deel van de weg, wat daar niets aan afdoet.");
		}
		return;
	case TL_RS_PARTIAL:
		if (!res->nev[TL_LIST_PARTIAL])
			break;
		S_ref(b, m, res->ev[TL_LIST_PARTIAL][0].sent, lang);
		S_upper_from(b, at);
		tl_buf_puts(b, en ? " only partly meets this requirement" : " voldoet maar gedeeltelijk aan deze eis");
		S_why(b, r, &res->ev[TL_LIST_PARTIAL][0], lang);
		tl_buf_puts(b, ".");
		S_definition(b, m, &res->ev[TL_LIST_PARTIAL][0], lang);
		if (res->nev[TL_LIST_MET]) {
			tl_buf_puts(b, " ");
			at = b->len;
			S_ref(b, m, res->ev[TL_LIST_MET][0].sent, lang);
			S_upper_from(b, at);
			tl_buf_puts(b, en ? " would meet it, but the loophole weakens it." : " zou eraan voldoen, maar de uitzondering verzwakt het.");
		}
		return;
	case TL_RS_VIOLATED:
		S_ref(b, m, res->ev[TL_LIST_VIOLATED][0].sent, lang);
		S_upper_from(b, at);
		tl_buf_puts(b, en ? " conflicts with this requirement" : " is in strijd met deze eis");
		S_why(b, r, &res->ev[TL_LIST_VIOLATED][0], lang);
		tl_buf_puts(b, ".");
		S_definition(b, m, &res->ev[TL_LIST_VIOLATED][0], lang);
		if (res->nev[TL_LIST_MET]) {
			tl_buf_puts(b, " ");
			at = b->len;
			S_ref(b, m, res->ev[TL_LIST_MET][0].sent, lang);
			S_upper_from(b, at);
			tl_buf_puts(b, en ? " does meet it, but a conflicting clause outweighs that."
			                  : " voldoet er wel aan, maar een strijdige bepaling weegt zwaarder.");
		}
		return;
	}
	tl_buf_puts(b, en ? "The requirement is partly met." : "Aan de eis is gedeeltelijk voldaan.");
}
