/* doctext.c: "paragraphs" of a document report (TL_CHECK_F_TEXT): the
 * contract's own text, paragraph by paragraph, so the HTML report can show
 * every clause with the evidence highlighted.  Comments are reviewers' notes,
 * never contract text, and are left out; headers, footers, notes and text
 * boxes stay, each with its kind. */
#include "report/doctext.h"

static cJSON *S_str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *S_paragraph(const tl_para *p, const tl_clause *cl, size_t ncl)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	const char *clause = p->clause >= 0 && (size_t)p->clause < ncl ? cl[p->clause].label : NULL;
	if (!cJSON_AddNumberToObject(o, "para", p->index) ||
	    !cJSON_AddStringToObject(o, "kind", tl_para_kind_name(p->kind)) ||
	    !cJSON_AddItemToObject(o, "clause", S_str_or_null(clause)) ||
	    !cJSON_AddItemToObject(o, "label", S_str_or_null(p->label)) ||
	    !cJSON_AddStringToObject(o, "text", p->text ? p->text : "")) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

int tl_report_add_paragraphs(cJSON *doc, const tl_document *d)
{
	size_t npara = 0, ncl = 0;
	const tl_para *paras = tl_document_paras(d, &npara);
	const tl_clause *cl = tl_document_clauses(d, &ncl);
	cJSON *arr = cJSON_CreateArray();
	if (!arr)
		return TL_ENOMEM;
	for (size_t i = 0; i < npara; i++) {
		if (paras[i].kind == TL_PARA_COMMENT)
			continue;
		cJSON *o = S_paragraph(&paras[i], cl, ncl);
		if (!o) {
			cJSON_Delete(arr);
			return TL_ENOMEM;
		}
		cJSON_AddItemToArray(arr, o);
	}
	if (!cJSON_AddItemToObject(doc, "paragraphs", arr)) {
		cJSON_Delete(arr);
		return TL_ENOMEM;
	}
	return 0;
}
