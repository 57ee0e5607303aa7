/* report.c: the report model (docs/report-format.md) as a cJSON tree.
 *
 * tl_check_document annotates a document, runs the rules and writes one
 * documents[] entry: parties, definitions, frameworks, placeholders,
 * contexts with evidence, revisions, and one finding per rule with a reason
 * in full sentences (report language: the document's, or opts->report_lang),
 * evidence quoting whole sentences with their clause and offsets, and for
 * anything not met a suggested clause in the contract's own terms. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clauses/clauses.h"
#include "model/doc.h"
#include "report/doctext.h"
#include "report/reason.h"
#include "rules/rules.h"
#include "rules/stems.h"
#include "tl_version.h"

#define J_STR(o, k, v) cJSON_AddItemToObject((o), (k), (v) ? cJSON_CreateString(v) : cJSON_CreateNull())

static cJSON *S_clause_label(const tl_annotated *a, int32_t clause)
{
	size_t n = 0;
	const tl_clause *cl = tl_document_clauses(a->doc, &n);
	if (clause < 0 || (size_t)clause >= n || !cl[clause].label)
		return cJSON_CreateNull();
	return cJSON_CreateString(cl[clause].label);
}

static cJSON *S_str_n(const char *s, size_t n)
{
	char *t = strndup(s, n);
	cJSON *j = t ? cJSON_CreateString(t) : NULL;
	free(t);
	return j;
}

/** ## Rules metadata */

static cJSON *S_rule_meta(const tl_ruleset *rs, const tl_rule *r)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	cJSON_AddStringToObject(o, "id", r->id);
	cJSON_AddStringToObject(o, "area", r->area);
	cJSON_AddStringToObject(o, "severity", tl_rules_severity_name(r->severity));
	static const char *const keys[] = {"title", "description", "references"};
	for (int i = 0; i < 3; i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(r->json, keys[i]);
		cJSON_AddItemToObject(o, keys[i], v ? cJSON_Duplicate(v, 1) : cJSON_CreateObject());
	}
	cJSON *ap = cJSON_AddArrayToObject(o, "applies");
	if (r->applies_always)
		cJSON_AddItemToArray(ap, cJSON_CreateString("always"));
	for (uint32_t i = 0; i < r->napp_any; i++)
		cJSON_AddItemToArray(ap, cJSON_CreateString(rs->contexts[r->app_any[i]].tag));
	for (uint32_t i = 0; i < r->napp_all; i++)
		cJSON_AddItemToArray(ap, cJSON_CreateString(rs->contexts[r->app_all[i]].tag));
	if (r->napp_all)
		cJSON_AddStringToObject(o, "applies_mode", r->napp_any ? "any+all" : "all");
	const tl_clause_tpl *c = tl_rules_clause(rs, r->clause);
	J_STR(o, "clause", c ? c->id : NULL);
	return o;
}

int tl_report_new(cJSON **out, const tl_ruleset *rs, tl_error *err)
{
	cJSON *o = cJSON_CreateObject();
	*out = NULL;
	if (!o)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	cJSON *tool = cJSON_AddObjectToObject(o, "tool");
	cJSON_AddStringToObject(tool, "name", "tenderlint");
	cJSON_AddStringToObject(tool, "version", TL_VERSION_STRING);
	cJSON *r = cJSON_AddObjectToObject(o, "ruleset");
	cJSON_AddStringToObject(r, "id", tl_ruleset_id(rs));
	cJSON_AddStringToObject(r, "version", tl_ruleset_version(rs));
	if (rs->title)
		cJSON_AddItemToObject(r, "title", cJSON_Duplicate(rs->title, 1));
	cJSON *rules = cJSON_AddArrayToObject(o, "rules");
	for (uint32_t i = 0; i < rs->nrules && rules; i++)
		cJSON_AddItemToArray(rules, S_rule_meta(rs, &rs->rules[i]));
	if (!cJSON_AddArrayToObject(o, "documents") || !rules) {
		cJSON_Delete(o);
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	}
	*out = o;
	return 0;
}

char *tl_report_head_text(const tl_ruleset *rs, tl_render_format fmt, size_t *len)
{
	*len = 0;
	if (fmt != TL_RENDER_JSON && fmt != TL_RENDER_JSONL)
		return NULL;
	int k = fmt == TL_RENDER_JSON ? TL_HEAD_JSON : TL_HEAD_JSONL;
	const tl_head_table *t = rs->builtin ? tl_heads_builtin() : NULL;
	if (t && t->len[k]) { /* worked out at build time (stems.h) */
		char *s = malloc(t->len[k] + 1);
		if (s) {
			memcpy(s, t->text[k], t->len[k] + 1);
			*len = t->len[k];
		}
		return s;
	}
	cJSON *rep = NULL;
	tl_error err = TL_ERROR_INIT;
	if (tl_report_new(&rep, rs, &err) != 0)
		return NULL;
	char *s = fmt == TL_RENDER_JSON ? tl_render_json_head(rep, len) : tl_render_jsonl_header_text(rep, len);
	cJSON_Delete(rep);
	return s;
}

cJSON *tl_report_error_document(const char *path, const tl_error *err)
{
	cJSON *d = cJSON_CreateObject();
	if (!d)
		return NULL;
	cJSON_AddStringToObject(d, "path", path ? path : "");
	cJSON_AddNullToObject(d, "format");
	cJSON *e = cJSON_AddObjectToObject(d, "error");
	char msg[2048];
	tl_error_format(err, msg, sizeof msg);
	cJSON_AddStringToObject(e, "code", tl_code_name(err ? err->code : TL_EINTERNAL));
	cJSON_AddStringToObject(e, "message", msg);
	cJSON_AddArrayToObject(d, "findings");
	return d;
}

/** ## Document sections */

static cJSON *S_evidence(const tl_match *m, const tl_evidence *ev);

static void S_doc_sections(cJSON *d, const tl_match *m)
{
	const tl_annotated *a = m->a;
	const tl_ruleset *rs = m->rs;
	size_t npara = 0, ncl = 0;
	const tl_para *paras = tl_document_paras(a->doc, &npara);
	tl_document_clauses(a->doc, &ncl);
	cJSON *parties = cJSON_AddArrayToObject(d, "parties");
	cJSON *defs = cJSON_AddArrayToObject(d, "definitions");
	for (uint32_t i = 0; i < a->nterms; i++) {
		const tl_term *t = &a->terms[i];
		int32_t cl = t->para >= 0 && (size_t)t->para < npara ? paras[t->para].clause : -1;
		if (t->role != TL_ROLE_NONE) {
			cJSON *p = cJSON_CreateObject();
			cJSON_AddStringToObject(p, "term", t->term);
			cJSON_AddStringToObject(p, "role", tl_role_name(t->role));
			J_STR(p, "name", t->name);
			cJSON_AddNumberToObject(p, "para", t->para);
			cJSON_AddItemToArray(parties, p);
		}
		if (t->definition) {
			cJSON *p = cJSON_CreateObject();
			cJSON_AddStringToObject(p, "term", t->term);
			cJSON_AddStringToObject(p, "text", t->definition);
			cJSON_AddNumberToObject(p, "para", t->para);
			cJSON_AddItemToObject(p, "clause", S_clause_label(a, cl));
			cJSON_AddItemToArray(defs, p);
		}
	}
	cJSON *fws = cJSON_AddArrayToObject(d, "frameworks");
	for (uint32_t i = 0; i < a->nfw; i++) {
		const tl_framework *f = &a->fw[i];
		cJSON *p = cJSON_CreateObject();
		J_STR(p, "id", f->id);
		int32_t cl = f->para >= 0 && (size_t)f->para < npara ? paras[f->para].clause : -1;
		cJSON_AddItemToObject(p, "clause", S_clause_label(a, cl));
		cJSON_AddNumberToObject(p, "para", f->para);
		cJSON *dv = cJSON_AddArrayToObject(p, "deviations");
		for (uint32_t k = 0; k < f->ndev; k++)
			cJSON_AddItemToArray(dv, cJSON_CreateString(f->deviations[k]));
		int mapped = 0;
		for (uint32_t k = 0; k < rs->nfw && f->id; k++)
			mapped |= !strcmp(rs->fw[k].id, f->id);
		cJSON_AddBoolToObject(p, "mapped", mapped);
		/* the declaring sentence, which a finding through an annex cites (src/batch/annex.c) */
		if (f->sentence >= 0 && (uint32_t)f->sentence < a->nsent) {
			tl_evidence x = {f->sentence, TL_LIST_MET, -1, -1, 0};
			cJSON_AddItemToObject(p, "evidence", S_evidence(m, &x));
		}
		cJSON_AddItemToArray(fws, p);
	}
	int32_t tpara = -1;
	int fi = tl_frameworks_identify(rs, a, &tpara);
	if (fi >= 0) {
		cJSON *ft = cJSON_AddObjectToObject(d, "framework_text");
		J_STR(ft, "id", rs->fw[fi].id);
		J_STR(ft, "title", rs->fw[fi].title);
		cJSON_AddNumberToObject(ft, "para", tpara);
		const char *q = tpara >= 0 ? paras[tpara].text : tl_document_title(a->doc);
		J_STR(ft, "quote", q);
		/* how far the framework covers each rule, for the documents that
		 * incorporate this one (src/batch/annex.c caps their status) */
		cJSON *cov = cJSON_AddObjectToObject(ft, "covers");
		static const char *const cn[] = {"full", "partial", "against"};
		for (uint32_t k = 0; k < rs->fw[fi].ne; k++) {
			const tl_fw_entry *e = &rs->fw[fi].e[k];
			if (e->rule >= 0 && (uint32_t)e->rule < rs->nrules)
				cJSON_AddStringToObject(cov, rs->rules[e->rule].id, cn[e->coverage]);
		}
	} else {
		cJSON_AddNullToObject(d, "framework_text");
	}
	cJSON *phs = cJSON_AddArrayToObject(d, "placeholders");
	for (uint32_t i = 0; i < a->nph; i++) {
		const tl_placeholder *ph = &a->ph[i];
		if (ph->para < 0 || (size_t)ph->para >= npara || ph->end > paras[ph->para].len || ph->start > ph->end)
			continue;
		cJSON *p = cJSON_CreateObject();
		cJSON_AddItemToObject(p, "text", S_str_n(paras[ph->para].text + ph->start, ph->end - ph->start));
		cJSON_AddItemToObject(p, "clause", S_clause_label(a, paras[ph->para].clause));
		cJSON_AddNumberToObject(p, "para", ph->para);
		cJSON_AddItemToArray(phs, p);
	}
	cJSON *ctxs = cJSON_AddArrayToObject(d, "contexts");
	for (uint32_t c = 0; c < rs->ncontexts; c++) {
		const tl_ctx_state *st = &m->ctx[c];
		if (!st->set)
			continue;
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "tag", rs->contexts[c].tag);
		cJSON_AddBoolToObject(p, "forced", st->forced > 0);
		cJSON_AddNumberToObject(p, "mentions", st->mentions);
		cJSON *ev = cJSON_AddArrayToObject(p, "evidence");
		for (uint32_t k = 0; k < st->nev; k++) {
			const tl_sentence *s = &a->sent[st->ev[k]];
			cJSON *e = cJSON_CreateObject();
			cJSON_AddItemToObject(e, "clause", S_clause_label(a, s->clause));
			cJSON_AddNumberToObject(e, "para", s->para);
			cJSON_AddItemToObject(e, "quote", S_str_n(paras[s->para].text + s->quote_start,
			                                          s->quote_end - s->quote_start));
			cJSON_AddItemToArray(ev, e);
		}
		cJSON_AddItemToArray(ctxs, p);
	}
	const tl_revision_info *rv = tl_document_revisions(a->doc);
	cJSON *r = cJSON_AddObjectToObject(d, "revisions");
	cJSON_AddStringToObject(r, "view", tl_revisions_name(rv->view));
	cJSON_AddNumberToObject(r, "pending", rv->pending);
	cJSON *au = cJSON_AddArrayToObject(r, "authors");
	for (int32_t i = 0; i < rv->nauthors; i++)
		cJSON_AddItemToArray(au, cJSON_CreateString(rv->authors[i] ? rv->authors[i] : ""));
	cJSON *st = cJSON_AddObjectToObject(d, "stats");
	cJSON_AddNumberToObject(st, "paragraphs", (double)npara);
	cJSON_AddNumberToObject(st, "clauses", (double)ncl);
	cJSON_AddNumberToObject(st, "sentences", a->nsent);
}

/** ## Findings */

/* The quantities the evidence sentence states, as the annotation read them:
 * durations in hours, money with its currency, percentages, counts; a vague
 * time term ("zo spoedig mogelijk") is a duration without hours.  `tenderlint
 * compare` reads the hours to set a contract's period against the tender's. */
static cJSON *S_quantities(const tl_sentence *s)
{
	cJSON *arr = cJSON_CreateArray();
	int duration = 0;
	for (uint32_t i = 0; i < s->nq && arr; i++) {
		const tl_quantity *q = &s->q[i];
		cJSON *o = cJSON_CreateObject();
		if (!o)
			break;
		switch (q->kind) {
		case TL_Q_DURATION:
			cJSON_AddStringToObject(o, "kind", "duration");
			cJSON_AddNumberToObject(o, "hours", q->value);
			cJSON_AddBoolToObject(o, "vague", 0);
			duration = 1;
			break;
		case TL_Q_MONEY:
			cJSON_AddStringToObject(o, "kind", "money");
			cJSON_AddNumberToObject(o, "value", q->value);
			J_STR(o, "currency", q->currency);
			break;
		case TL_Q_PERCENT:
			cJSON_AddStringToObject(o, "kind", "percent");
			cJSON_AddNumberToObject(o, "value", q->value);
			break;
		default:
			cJSON_AddStringToObject(o, "kind", "count");
			cJSON_AddNumberToObject(o, "value", q->value);
			break;
		}
		cJSON_AddItemToArray(arr, o);
	}
	if (arr && !duration && (s->flags & TL_SENT_VAGUE_TIME)) {
		cJSON *o = cJSON_CreateObject();
		if (o) {
			cJSON_AddStringToObject(o, "kind", "duration");
			cJSON_AddNullToObject(o, "hours");
			cJSON_AddBoolToObject(o, "vague", 1);
			cJSON_AddItemToArray(arr, o);
		}
	}
	return arr;
}

static cJSON *S_evidence(const tl_match *m, const tl_evidence *ev)
{
	const tl_annotated *a = m->a;
	const tl_sentence *s = &a->sent[ev->sent];
	const tl_para *p = &a->doc->paras[s->para];
	cJSON *e = cJSON_CreateObject();
	cJSON_AddItemToObject(e, "clause", S_clause_label(a, s->clause));
	cJSON_AddNumberToObject(e, "para", s->para);
	cJSON_AddStringToObject(e, "part", p->part ? p->part : "");
	cJSON_AddNumberToObject(e, "part_para", p->part_index);
	uint32_t qs = s->quote_start, qe = s->quote_end;
	if (qe > p->len || qs > qe)
		qs = 0, qe = (uint32_t)p->len;
	cJSON_AddItemToObject(e, "quote", S_str_n(p->text + qs, qe - qs));
	cJSON_AddNumberToObject(e, "start", qs);
	cJSON_AddNumberToObject(e, "end", qe);
	cJSON_AddStringToObject(e, "status", tl_list_name(ev->list));
	cJSON_AddItemToObject(e, "quantities", S_quantities(s));
	if (ev->term >= 0 && (uint32_t)ev->term < a->nterms) {
		const tl_term *t = &a->terms[ev->term];
		cJSON *dfn = cJSON_AddObjectToObject(e, "definition");
		cJSON_AddStringToObject(dfn, "term", t->term);
		int32_t cl = t->para >= 0 ? a->doc->paras[t->para].clause : -1;
		cJSON_AddItemToObject(dfn, "clause", S_clause_label(a, cl));
		cJSON_AddNumberToObject(dfn, "para", t->para);
		J_STR(dfn, "text", t->definition);
	}
	return e;
}

/* The data term this finding relied on ("Telemetry"), if its evidence went through one. */
static int32_t S_relied_data_term(const tl_match *m, int rule)
{
	const tl_rule_result *r = &m->res[rule];
	if (m->rs->data_concept < 0 || !m->term_concepts)
		return -1;
	for (int l = TL_LIST_VIOLATED; l >= TL_LIST_MET; l--)
		for (uint32_t e = 0; e < r->nev[l]; e++) {
			int32_t t = r->ev[l][e].term;
			for (const int32_t *c = t >= 0 ? m->term_concepts[t] : NULL; c && *c >= 0; c++)
				if (*c == m->rs->data_concept)
					return t;
		}
	return -1;
}

static cJSON *S_suggestion(const tl_match *m, int rule, tl_lang lang, const tl_clause_terms *doc_terms)
{
	const tl_ruleset *rs = m->rs;
	const tl_clause_tpl *c = tl_rules_clause(rs, rs->rules[rule].clause);
	if (!c)
		return cJSON_CreateNull();
	tl_buf b = TL_BUF_INIT(1 << 20);
	tl_clause_terms own = *doc_terms;
	char *data = NULL;
	int32_t rt = doc_terms->data_term >= 0 || m->a->lang == lang ? S_relied_data_term(m, rule) : -1;
	if (rt >= 0 && (data = tl_clause_with_article(m->a->terms[rt].term, lang)))
		own.data = data;
	const tl_clause_terms *terms = &own;
	int frc = tl_clause_fill(&b, c, terms, lang);
	free(data);
	if (frc != 0) {
		tl_buf_free(&b);
		return cJSON_CreateNull();
	}
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "clause", c->id);
	cJSON_AddStringToObject(o, "lang", lang == TL_LANG_EN ? "en" : "nl");
	const char *title = c->title[lang] ? c->title[lang] : c->title[lang == TL_LANG_EN ? TL_LANG_NL : TL_LANG_EN];
	J_STR(o, "title", title);
	cJSON_AddStringToObject(o, "text", b.data ? b.data : "");
	tl_insert ins;
	tl_clause_insert(&ins, m, rule, c);
	cJSON *in = cJSON_AddObjectToObject(o, "insert");
	cJSON_AddItemToObject(in, "after_clause", S_clause_label(m->a, ins.after_clause));
	cJSON_AddNumberToObject(in, "after_para", ins.after_para);
	const tl_para *ap = ins.after_para >= 0 && (size_t)ins.after_para < m->a->doc->npara
	                    ? &m->a->doc->paras[ins.after_para] : NULL;
	J_STR(in, "part", ap ? ap->part : NULL);
	cJSON_AddItemToObject(in, "part_para", ap ? cJSON_CreateNumber(ap->part_index) : cJSON_CreateNull());
	tl_buf_reset(&b);
	tl_clause_insert_hint(&b, m, &ins, lang);
	cJSON_AddStringToObject(in, "hint", b.data ? b.data : "");
	tl_buf_free(&b);
	return o;
}

static cJSON *S_finding(const tl_match *m, int i, tl_lang lang, const tl_clause_terms *terms)
{
	const tl_ruleset *rs = m->rs;
	const tl_rule *r = &rs->rules[i];
	const tl_rule_result *res = &m->res[i];
	cJSON *f = cJSON_CreateObject();
	if (!f)
		return NULL;
	cJSON_AddStringToObject(f, "rule", r->id);
	cJSON_AddStringToObject(f, "status", tl_rules_status_name(res->status));
	cJSON_AddStringToObject(f, "basis", res->basis_reference ? "reference" : "text");
	cJSON_AddStringToObject(f, "severity", tl_rules_severity_name(r->severity));
	cJSON_AddStringToObject(f, "area", r->area);
	const char *title = tl_rules_text(cJSON_GetObjectItemCaseSensitive(r->json, "title"), lang);
	cJSON_AddStringToObject(f, "title", title ? title : r->id);
	tl_buf b = TL_BUF_INIT(1 << 20);
	tl_reason(&b, m, i, lang);
	cJSON_AddStringToObject(f, "reason", b.data ? b.data : "");
	tl_buf_free(&b);
	cJSON *ev = cJSON_AddArrayToObject(f, "evidence");
	static const int order[5][3] = {
		[TL_RS_MET] = {TL_LIST_MET, TL_LIST_PARTIAL, 0},
		[TL_RS_PARTIAL] = {TL_LIST_PARTIAL, TL_LIST_MET, 0},
		[TL_RS_VIOLATED] = {TL_LIST_VIOLATED, TL_LIST_MET, TL_LIST_PARTIAL},
	};
	if (res->status <= TL_RS_VIOLATED && (!res->basis_reference || res->fw_over_partial))
		for (int k = 0; k < 3 && order[res->status][k]; k++) {
			int l = order[res->status][k];
			for (uint32_t e = 0; e < res->nev[l]; e++)
				cJSON_AddItemToArray(ev, S_evidence(m, &res->ev[l][e]));
		}
	if (res->also_by >= 0 && res->status == TL_RS_MET) {
		const tl_rule_result *o = &m->res[res->also_by];
		for (uint32_t e = 0; e < o->nev[TL_LIST_MET]; e++)
			cJSON_AddItemToArray(ev, S_evidence(m, &o->ev[TL_LIST_MET][e]));
	}
	if (res->basis_reference && res->fw_decl >= 0) {
		const tl_framework *d = &m->a->fw[res->fw_decl];
		if (d->sentence >= 0 && (uint32_t)d->sentence < m->a->nsent) {
			tl_evidence x = {d->sentence, res->status == TL_RS_MET ? TL_LIST_MET : TL_LIST_PARTIAL, -1, -1, 0};
			cJSON_AddItemToArray(ev, S_evidence(m, &x));
		}
		const tl_fwmap *fw = &rs->fw[res->fw];
		const tl_fw_entry *fe = &fw->e[res->fw_entry];
		cJSON *ref = cJSON_AddObjectToObject(f, "reference");
		cJSON_AddStringToObject(ref, "framework", fw->id);
		/* the articles that still apply; those the contract deviates from apart */
		uint32_t dev = res->fw_devmask, first = 0;
		while (first < fe->narticles && first < 32 && (dev & (1u << first)))
			first++;
		cJSON_AddStringToObject(ref, "article", fe->articles[first < fe->narticles ? first : 0]);
		cJSON *arts = cJSON_AddArrayToObject(ref, "articles");
		cJSON *devs = cJSON_AddArrayToObject(ref, "deviated");
		for (uint32_t k = 0; k < fe->narticles; k++)
			cJSON_AddItemToArray(k < 32 && (dev & (1u << k)) ? devs : arts,
			                     cJSON_CreateString(fe->articles[k]));
		int32_t cl = d->para >= 0 ? m->a->doc->paras[d->para].clause : -1;
		cJSON_AddItemToObject(ref, "declared_in", S_clause_label(m->a, cl));
		cJSON_AddStringToObject(ref, "coverage", fe->coverage == TL_COV_AGAINST ? "against"
		                                         : fe->coverage == TL_COV_FULL && !dev && res->fw_ctx < 0 ? "full"
		                                                                                          : "partial");
		J_STR(ref, "confidence", fe->confidence);
		J_STR(ref, "source", fe->source);
	}
	if (res->status == TL_RS_PARTIAL || res->status == TL_RS_VIOLATED || res->status == TL_RS_MISSING)
		cJSON_AddItemToObject(f, "suggestion", S_suggestion(m, i, lang, terms));
	else
		cJSON_AddNullToObject(f, "suggestion");
	cJSON_AddNullToObject(f, "waiver");
	return f;
}

static tl_lang S_report_lang(const tl_check_options *opts, const tl_annotated *a)
{
	if (opts && opts->report_lang && !strcmp(opts->report_lang, "en"))
		return TL_LANG_EN;
	if (opts && opts->report_lang && !strcmp(opts->report_lang, "nl"))
		return TL_LANG_NL;
	return a->lang == TL_LANG_EN ? TL_LANG_EN : TL_LANG_NL;
}

int tl_report_document(cJSON **out, const tl_match *m, const tl_check_options *opts, tl_error *err)
{
	const tl_annotated *a = m->a;
	const tl_ruleset *rs = m->rs;
	tl_lang lang = S_report_lang(opts, a);
	*out = NULL;
	cJSON *d = cJSON_CreateObject();
	tl_clause_terms terms;
	if (!d || tl_clause_terms_find(&terms, m, lang) != 0) {
		cJSON_Delete(d);
		return tl_error_set(err, TL_ENOMEM, "out of memory building the report");
	}
	cJSON_AddStringToObject(d, "path", tl_document_path(a->doc));
	cJSON_AddStringToObject(d, "format", tl_format_name(tl_document_format(a->doc)));
	cJSON_AddStringToObject(d, "language", a->lang == TL_LANG_EN ? "en" : "nl");
	cJSON_AddStringToObject(d, "report_language", lang == TL_LANG_EN ? "en" : "nl");
	J_STR(d, "title", tl_document_title(a->doc));
	S_doc_sections(d, m);
	cJSON_AddNullToObject(d, "error");
	uint32_t count[5] = {0};
	cJSON *fs = cJSON_CreateArray();
	for (uint32_t i = 0; i < rs->nrules && fs; i++) {
		count[m->res[i].status]++;
		cJSON_AddItemToArray(fs, S_finding(m, (int)i, lang, &terms));
	}
	cJSON *sum = cJSON_AddObjectToObject(d, "summary");
	for (int s = 0; s <= TL_RS_NA; s++)
		cJSON_AddNumberToObject(sum, tl_rules_status_name(s), count[s]);
	cJSON_AddNumberToObject(sum, "waived", 0);
	cJSON_AddItemToObject(d, "findings", fs);
	int text_rc = opts && (opts->flags & TL_CHECK_F_TEXT) ? tl_report_add_paragraphs(d, a->doc) : 0;
	tl_clause_terms_free(&terms);
	if (!fs || !sum || text_rc) {
		cJSON_Delete(d);
		return tl_error_set(err, TL_ENOMEM, "out of memory building the report");
	}
	*out = d;
	return 0;
}

/* Matching and the report for an annotated document (a is freed). */
static int S_match_report(cJSON **out, const tl_ruleset *rs, tl_annotated *a,
                          const tl_check_options *opts, tl_error *err)
{
	tl_match *m = NULL;
	int threads = opts ? opts->threads : 0;
	int rc = tl_match_run_ex(&m, rs, a, opts ? opts->force_contexts : NULL, 0, -1, threads, err);
	if (!rc)
		rc = tl_report_document(out, m, opts, err);
	tl_match_free(m);
	tl_annotated_free(a);
	return rc;
}

int tl_check_document(cJSON **out, const tl_ruleset *rs, const tl_document *doc,
                      const tl_check_options *opts, tl_error *err)
{
	tl_annotated *a = NULL;
	*out = NULL;
	int rc = tl_annotate_ex(&a, doc, opts ? opts->threads : 0, err);
	if (rc) {
		tl_annotated_free(a);
		return rc;
	}
	return S_match_report(out, rs, a, opts, err);
}

int tl_check_file(cJSON **out, const tl_ruleset *rs, const char *path, const tl_check_options *opts,
                  tl_error *err)
{
	tl_read_options ro = TL_READ_OPTIONS_INIT;
	if (opts)
		ro = opts->read;
	tl_document *doc = NULL;
	*out = NULL;
	int rc = tl_document_read(&doc, path, &ro, err);
	if (rc) {
		*out = tl_report_error_document(path, err);
		if (!*out)
			return TL_ENOMEM;
		return rc;
	}
	return tl_check_read_file(out, rs, path, doc, opts, err);
}

/* A check error gives a report naming the file and its format. */
static int S_read_file_done(cJSON **out, int rc, const char *path, tl_document *doc, tl_error *err)
{
	if (rc && rc != TL_ENOMEM) {
		*out = tl_report_error_document(path, err);
		if (*out)
			cJSON_ReplaceItemInObjectCaseSensitive(*out, "format",
			                                       cJSON_CreateString(tl_format_name(tl_document_format(doc))));
	}
	tl_document_free(doc);
	return rc;
}

int tl_check_read_file(cJSON **out, const tl_ruleset *rs, const char *path, tl_document *doc,
                       const tl_check_options *opts, tl_error *err)
{
	int rc = tl_check_document(out, rs, doc, opts, err);
	return S_read_file_done(out, rc, path, doc, err);
}

int tl_check_read_file_when(cJSON **out, const tl_ruleset *(*ruleset)(void *ctx), void *ctx,
                            const char *path, tl_document *doc, const tl_check_options *opts,
                            tl_error *err)
{
	tl_annotated *a = NULL;
	*out = NULL;
	int rc = tl_annotate_ex(&a, doc, opts ? opts->threads : 0, err);
	const tl_ruleset *rs = ruleset(ctx);
	if (!rs) {
		tl_annotated_free(a);
		tl_document_free(doc);
		return TL_EINVAL;
	}
	if (rc)
		tl_annotated_free(a);
	else
		rc = S_match_report(out, rs, a, opts, err);
	return S_read_file_done(out, rc, path, doc, err);
}
