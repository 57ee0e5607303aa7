/* frameworks.c: incorporated frameworks (GIBIT, ARBIT, the VNG processing
 * agreement).  One mapping file per framework and version says which rule
 * the framework covers, through which articles, how far (full, partial,
 * against) and on what source.  A rule the text leaves missing is met (or
 * partial) by reference when the document declares the framework and does
 * not deviate from a mapped article. */
#include <string.h>

#include "rules/load.h"

static const cJSON *S_get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

static void S_entry(tl_load *L, tl_fwmap *fw, const cJSON *e)
{
	static const char *const keys[] = {"articles", "coverage", "confidence", "source", "note",
	                                   "partial_in_contexts", NULL};
	tl_ruleset *rs = L->rs;
	if (!cJSON_IsObject(e)) {
		tl_load_error(L, e, "a mapping entry must be an object");
		return;
	}
	tl_load_check_keys(L, e, "mapping entry", keys);
	int r = tl_rules_find(rs, e->string);
	if (r < 0) {
		/* a rule an extending ruleset disabled is fine; an unknown id is not */
		int known = 0;
		for (uint32_t i = 0; i < L->rules.n && !known; i++)
			known = !strcmp(L->rules.v[i].name, e->string);
		if (!known)
			tl_load_error(L, tl_load_key(e), "mapping for unknown rule '%s'", e->string);
		return;
	}
	tl_fw_entry *x = &fw->e[fw->ne];
	memset(x, 0, sizeof *x);
	x->rule = r;
	const cJSON *arts = S_get(e, "articles"), *a;
	if (!cJSON_IsArray(arts) || !cJSON_GetArraySize(arts)) {
		tl_load_error(L, arts ? arts : e, "\"articles\" must be a non-empty array of article numbers");
		return;
	}
	x->articles = tl_arena_calloc(&rs->arena, (size_t)cJSON_GetArraySize(arts), sizeof(char *));
	if (!x->articles) {
		L->oom = 1;
		return;
	}
	cJSON_ArrayForEach(a, arts)
	{
		if (!cJSON_IsString(a))
			tl_load_error(L, a, "an article number must be a string (\"24.14\")");
		else
			x->articles[x->narticles++] = tl_load_strdup(L, a->valuestring);
	}
	const cJSON *cov = S_get(e, "coverage");
	const char *cs = cJSON_IsString(cov) ? cov->valuestring : "";
	if (!strcmp(cs, "full"))
		x->coverage = TL_COV_FULL;
	else if (!strcmp(cs, "partial"))
		x->coverage = TL_COV_PARTIAL;
	else if (!strcmp(cs, "against"))
		x->coverage = TL_COV_AGAINST;
	else
		tl_load_error(L, cov ? cov : e, "\"coverage\" must be full, partial or against");
	const cJSON *conf = S_get(e, "confidence");
	if (!cJSON_IsString(conf) ||
	    (strcmp(conf->valuestring, "verified") && strcmp(conf->valuestring, "likely")))
		tl_load_error(L, conf ? conf : e, "\"confidence\" must be verified or likely");
	else
		x->confidence = tl_load_strdup(L, conf->valuestring);
	const cJSON *src = S_get(e, "source");
	if (!cJSON_IsString(src))
		tl_load_error(L, src ? src : e, "every mapping needs a \"source\"");
	else
		x->source = tl_load_strdup(L, src->valuestring);
	const cJSON *note = S_get(e, "note");
	if (note && !cJSON_IsObject(note))
		tl_load_error(L, note, "\"note\" must be {\"nl\": ..., \"en\": ...}");
	x->note[TL_LANG_NL] = tl_load_lang_text(L, note, TL_LANG_NL);
	x->note[TL_LANG_EN] = tl_load_lang_text(L, note, TL_LANG_EN);
	if (x->coverage == TL_COV_AGAINST && !x->note[TL_LANG_NL] && !x->note[TL_LANG_EN])
		tl_load_error(L, e, "an \"against\" mapping needs a \"note\" explaining it");
	const cJSON *pc = S_get(e, "partial_in_contexts");
	if (pc && (!cJSON_IsArray(pc) || x->coverage != TL_COV_FULL)) {
		tl_load_error(L, pc, "\"partial_in_contexts\" must be an array of context tags, on a full mapping");
	} else if (pc) {
		x->partial_ctx = tl_arena_calloc(&rs->arena, (size_t)cJSON_GetArraySize(pc) + 1, sizeof(int32_t));
		if (!x->partial_ctx) {
			L->oom = 1;
			return;
		}
		cJSON_ArrayForEach(a, pc)
		{
			int c = cJSON_IsString(a) ? tl_rules_context(rs, a->valuestring) : -1;
			if (c < 0)
				tl_load_error(L, a, "unknown context '%s' in partial_in_contexts",
				              cJSON_IsString(a) ? a->valuestring : "?");
			else
				x->partial_ctx[x->npartial_ctx++] = c;
		}
	}
	fw->ne++;
}

void tl_frameworks_load(tl_load *L, int src)
{
	static const char *const keys[] = {"framework", "title", "source", "version", "covers",
	                                   "identify", NULL};
	tl_ruleset *rs = L->rs;
	const cJSON *root = L->srcs[src].root;
	if (!cJSON_IsObject(root)) {
		tl_load_error(L, root, "a framework mapping must be a JSON object");
		return;
	}
	tl_load_check_keys(L, root, "framework mapping", keys);
	const cJSON *id = S_get(root, "framework"), *covers = S_get(root, "covers"), *e;
	if (!cJSON_IsString(id)) {
		tl_load_error(L, id ? id : root, "a mapping needs \"framework\": \"gibit-2023\"");
		return;
	}
	if (!cJSON_IsObject(covers)) {
		tl_load_error(L, covers ? covers : root, "a mapping needs \"covers\": {RULE-ID: ...}");
		return;
	}
	tl_fwmap *nv = tl_arena_calloc(&rs->arena, rs->nfw + 1, sizeof *nv);
	if (!nv) {
		L->oom = 1;
		return;
	}
	if (rs->nfw)
		memcpy(nv, rs->fw, rs->nfw * sizeof *nv);
	for (uint32_t i = 0; i < rs->nfw; i++)
		if (!strcmp(rs->fw[i].id, id->valuestring))
			tl_load_error(L, id, "framework '%s' is mapped twice", id->valuestring);
	rs->fw = nv;
	tl_fwmap *fw = &rs->fw[rs->nfw++];
	fw->id = tl_load_strdup(L, id->valuestring);
	const cJSON *t = S_get(root, "title"), *s = S_get(root, "source");
	fw->title = cJSON_IsString(t) ? tl_load_strdup(L, t->valuestring) : fw->id;
	fw->source = cJSON_IsString(s) ? tl_load_strdup(L, s->valuestring) : NULL;
	fw->file = tl_load_strdup(L, L->srcs[src].path);
	fw->e = tl_arena_calloc(&rs->arena, (size_t)cJSON_GetArraySize(covers) + 1, sizeof *fw->e);
	if (!fw->e) {
		L->oom = 1;
		return;
	}
	cJSON_ArrayForEach(e, covers)
	{
		if (!tl_load_is_comment_key(e->string))
			S_entry(L, fw, e);
	}
	const cJSON *ident = S_get(root, "identify");
	if (ident)
		tl_frameworks_load_identify(L, fw, ident);
}

/* "24" deviates from "24.14"; "24.1" does not deviate from "24.14". */
static int S_deviates(const char *dev, const char *art)
{
	size_t n = strlen(dev);
	return !strncmp(dev, art, n) && (art[n] == '\0' || art[n] == '.');
}

/* A partial that rests on a stated quantity ("within 72 hours" where 48 is
 * asked) is a term the contract sets itself: it departs from the framework's
 * term as much as an express deviation does, so the reference does not
 * complete it.  A partial without its own term (a vague "as soon as
 * possible", a missing detail) is what a declared framework fills in. */
static int S_own_term(const tl_ruleset *rs, uint32_t r, const tl_rule_result *res)
{
	const tl_rule *rule = &rs->rules[r];
	for (uint32_t e = 0; e < res->nev[TL_LIST_PARTIAL] && e < TL_EVIDENCE_MAX; e++) {
		int32_t p = res->ev[TL_LIST_PARTIAL][e].pattern;
		if (p >= 0 && (uint32_t)p < rule->npat && rule->pat[p].q.kind > 0)
			return 1;
	}
	return 0;
}

/* A deviation from one mapped article leaves the others: a rule mapped to
 * 24.14 and 26 is still partly covered through 24.14 when the contract
 * deviates from 26 (partial by reference, the reason names both).  Only a
 * deviation from every mapped article takes the coverage away.
 *
 * A reference only fills what the text leaves open: a rule the text already
 * meets or violates keeps its status; a rule the text meets in part becomes
 * met by reference when a declared framework covers it fully and the document
 * does not deviate from any mapped article (fw_over_partial: the reason names
 * the partial clause and the framework), unless the partial states its own
 * term (S_own_term) or comes from a pattern marked "downgrades" (a limit the
 * contract sets itself, which a reference to general terms does not lift). */
void tl_frameworks_apply(tl_match *m)
{
	const tl_ruleset *rs = m->rs;
	const tl_annotated *a = m->a;
	for (uint32_t r = 0; r < rs->nrules; r++) {
		tl_rule_result *res = &m->res[r];
		if (res->status != TL_RS_MISSING && res->status != TL_RS_PARTIAL)
			continue;
		int best = -1; /* coverage rank: full 3, partial 2, against 1, all deviated 0 */
		int32_t fw = -1, fw_entry = -1, fw_decl = -1, fw_ctx = -1;
		uint32_t devmask = 0;
		for (uint32_t d = 0; d < a->nfw; d++) {
			const tl_framework *decl = &a->fw[d];
			for (uint32_t f = 0; f < rs->nfw; f++) {
				if (!decl->id || strcmp(rs->fw[f].id, decl->id) != 0)
					continue;
				for (uint32_t k = 0; k < rs->fw[f].ne; k++) {
					const tl_fw_entry *e = &rs->fw[f].e[k];
					if (e->rule != (int32_t)r)
						continue;
					uint32_t mask = 0, left = 0;
					for (uint32_t j = 0; j < e->narticles && j < 32; j++) {
						int dev = 0;
						for (uint32_t i = 0; i < decl->ndev && !dev; i++)
							dev = S_deviates(decl->deviations[i], e->articles[j]);
						if (dev)
							mask |= 1u << j;
						else
							left++;
					}
					int rank = e->coverage == TL_COV_FULL ? 3 : e->coverage == TL_COV_PARTIAL ? 2 : 1;
					/* full, but not for a document in one of these contexts */
					int32_t ctx = -1;
					for (uint32_t j = 0; rank == 3 && j < e->npartial_ctx && ctx < 0; j++)
						if (m->ctx[e->partial_ctx[j]].set)
							ctx = e->partial_ctx[j];
					if (ctx >= 0)
						rank = 2;
					if (!left)
						rank = 0;
					else if (mask && rank == 3)
						rank = 2;
					if (rank > best) {
						best = rank;
						fw = (int32_t)f;
						fw_entry = (int32_t)k;
						fw_decl = (int32_t)d;
						devmask = mask;
						fw_ctx = ctx;
					}
				}
			}
		}
		int partial = res->status == TL_RS_PARTIAL;
		/* a downgrading partial ("where the Supplier considers it feasible") is a
		 * loophole the contract sets itself, as its own term is */
		if (partial && (best != 3 || S_own_term(rs, r, res) || res->downgraded))
			continue; /* the text's partial stands */
		if (best >= 0) {
			res->fw = fw;
			res->fw_entry = fw_entry;
			res->fw_decl = fw_decl;
			res->fw_deviation = devmask != 0;
			res->fw_devmask = devmask;
			res->fw_ctx = fw_ctx;
		}
		if (best <= 0)
			continue; /* none, or only deviated-from articles: stays missing */
		res->basis_reference = 1;
		res->fw_over_partial = partial;
		res->status = best == 3 ? TL_RS_MET : TL_RS_PARTIAL;
	}
}
