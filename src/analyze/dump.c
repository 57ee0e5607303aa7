/* dump.c: a readable listing of an annotation, for debugging, tests and
 * `tenderlint` diagnostics. */
#include <stdio.h>
#include <string.h>

#include "analyze/annot.h"
#include "model/doc.h"

static void S_flags(FILE *out, uint32_t f)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} names[] = {{TL_SENT_NONOPERATIVE, "nonoperative"}, {TL_SENT_DEFINITION, "definition"},
	             {TL_SENT_HEADING, "heading"},           {TL_SENT_PASSIVE, "passive"},
	             {TL_SENT_NEGATED, "negated"},           {TL_SENT_VAGUE_TIME, "vague"},
	             {TL_SENT_EFFORTS, "efforts"},           {TL_SENT_PLACEHOLDER, "placeholder"},
	             {TL_SENT_VERBLESS, "verbless"},         {TL_SENT_WISH, "wish"},
	             {TL_SENT_DISAPPLIED, "disapplied"}};
	int any = 0;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (f & names[i].bit) {
			fprintf(out, "%s%s", any ? "," : "", names[i].name);
			any = 1;
		}
	if (!any)
		fputs("-", out);
}

void tl_annot_dump_sentence(const tl_annotated *a, uint32_t k, FILE *out)
{
	const tl_sentence *s = &a->sent[k];
	size_t np;
	const tl_para *paras = tl_document_paras(a->doc, &np);
	const char *t = paras[s->para].text;
	fprintf(out, "[%d.%u%s] %s %s bound=%s flags=", s->para, k, s->unit ? "+" : "",
	        tl_lang_name(s->lang), tl_modality_name(s->modality), tl_role_name(s->bound));
	S_flags(out, s->flags);
	for (uint32_t e = 0; e < s->nexc; e++)
		fprintf(out, " exc=%s[%u,%u)", tl_exc_kind_name(s->exc[e].kind), s->exc[e].tok_start,
		        s->exc[e].tok_end);
	for (uint32_t q = 0; q < s->nq; q++) {
		static const char *kinds[] = {"?", "duration", "money", "percent", "count"};
		fprintf(out, " %s=%g%s%s", kinds[s->q[q].kind], s->q[q].value,
		        s->q[q].kind == TL_Q_DURATION ? "h" : "", s->q[q].currency ? s->q[q].currency : "");
	}
	fprintf(out, "\n    %.*s\n    ", (int)(s->end - s->start), t + s->start);
	for (uint32_t i = 0; i < s->ntok; i++) {
		uint32_t f = s->tok[i].flags;
		fprintf(out, "%s%s%s%s%s%s%s%s ", (f & TL_TOK_SUBJECT) ? "@" : "",
		        (f & TL_TOK_NEGATOR) ? "!" : "", (f & TL_TOK_MODAL) ? "^" : "",
		        (f & TL_TOK_NEG_SCOPE) ? "~" : "", (f & TL_TOK_IN_EXC) ? "{" : "",
		        (f & TL_TOK_SUBORD) ? "(" : "", s->tok[i].stem ? s->tok[i].stem : s->tok[i].fold,
		        s->tok[i].term >= 0 ? "#" : "");
	}
	fputc('\n', out);
}

void tl_annot_dump(const tl_annotated *a, FILE *out)
{
	fprintf(out, "language %s, %u sentences, %u terms, %u placeholders, %u frameworks\n",
	        tl_lang_name(a->lang), a->nsent, a->nterms, a->nph, a->nfw);
	for (uint32_t i = 0; i < a->nterms; i++) {
		const tl_term *t = &a->terms[i];
		fprintf(out, "term \"%s\" (%s) role=%s%s%s%s%s\n", t->term, t->fold, tl_role_name(t->role),
		        t->name ? " name=" : "", t->name ? t->name : "", t->definition ? " def=" : "",
		        t->definition ? t->definition : "");
	}
	for (uint32_t i = 0; i < a->nfw; i++) {
		fprintf(out, "framework %s para %d", a->fw[i].id, a->fw[i].para);
		for (uint32_t d = 0; d < a->fw[i].ndev; d++)
			fprintf(out, "%s%s", d ? "," : " deviations ", a->fw[i].deviations[d]);
		fputc('\n', out);
	}
	for (uint32_t i = 0; i < a->ndis; i++)
		fprintf(out, "disapplied clause %d by sentence %d\n", a->dis[i].clause, a->dis[i].sentence);
	size_t np;
	const tl_para *paras = tl_document_paras(a->doc, &np);
	for (uint32_t i = 0; i < a->nph; i++)
		fprintf(out, "placeholder para %d: %.*s\n", a->ph[i].para, (int)(a->ph[i].end - a->ph[i].start),
		        paras[a->ph[i].para].text + a->ph[i].start);
	for (uint32_t k = 0; k < a->nsent; k++)
		tl_annot_dump_sentence(a, k, out);
}
