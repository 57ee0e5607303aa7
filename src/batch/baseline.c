/* baseline.c: compare a run with an earlier report (JSON or JSON Lines) and
 * keep only what changed: new gaps, changed statuses, and resolved ones. */
#include <stdlib.h>
#include <string.h>

#include "tenderlint.h"

struct tl_baseline {
	cJSON *report; /* the earlier report */
};

int tl_baseline_load(tl_baseline **out, const char *path, tl_error *err)
{
	*out = NULL;
	cJSON *rep;
	int rc = tl_report_read_file(&rep, path, err);
	if (rc)
		return rc;
	tl_baseline *b = calloc(1, sizeof *b);
	if (!b) {
		cJSON_Delete(rep);
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	}
	b->report = rep;
	*out = b;
	return 0;
}

void tl_baseline_free(tl_baseline *b)
{
	if (!b)
		return;
	cJSON_Delete(b->report);
	free(b);
}

static const char *S_str(const cJSON *o, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(it) ? it->valuestring : NULL;
}

static int S_is_gap(const char *status)
{
	return status && (!strcmp(status, "partial") || !strcmp(status, "violated") ||
	                  !strcmp(status, "missing"));
}

static const cJSON *S_find_doc(const tl_baseline *b, const char *path)
{
	const cJSON *docs = cJSON_GetObjectItemCaseSensitive(b->report, "documents");
	const cJSON *d;
	cJSON_ArrayForEach(d, docs)
	{
		const char *p = S_str(d, "path");
		if (p && !strcmp(p, path))
			return d;
	}
	return NULL;
}

static const cJSON *S_find_finding(const cJSON *doc, const char *rule)
{
	const cJSON *fs = cJSON_GetObjectItemCaseSensitive(doc, "findings");
	const cJSON *f;
	cJSON_ArrayForEach(f, fs)
	{
		const char *r = S_str(f, "rule");
		if (r && !strcmp(r, rule))
			return f;
	}
	return NULL;
}

int tl_baseline_apply(const tl_baseline *b, cJSON *document)
{
	const char *path = S_str(document, "path");
	cJSON *findings = cJSON_GetObjectItemCaseSensitive(document, "findings");
	if (!b || !path || !cJSON_IsArray(findings))
		return 0;
	const cJSON *old = S_find_doc(b, path);
	cJSON *resolved = cJSON_CreateArray();
	if (!resolved)
		return TL_ENOMEM;
	cJSON *f = findings->child;
	while (f) {
		cJSON *next = f->next;
		const char *rule = S_str(f, "rule"), *status = S_str(f, "status");
		const cJSON *of = (old && rule) ? S_find_finding(old, rule) : NULL;
		const char *ostatus = of ? S_str(of, "status") : NULL;
		if (ostatus && status && !strcmp(ostatus, status)) {
			cJSON_Delete(cJSON_DetachItemViaPointer(findings, f)); /* unchanged */
		} else if (!S_is_gap(status)) {
			/* met or not applicable now: resolved if it was a gap, else not news */
			if (S_is_gap(ostatus)) {
				cJSON *r = cJSON_CreateObject();
				if (r) {
					cJSON_AddStringToObject(r, "rule", rule);
					cJSON_AddStringToObject(r, "status", status);
					cJSON_AddStringToObject(r, "previous_status", ostatus);
					cJSON_AddItemToArray(resolved, r);
				}
			}
			cJSON_Delete(cJSON_DetachItemViaPointer(findings, f));
		} else {
			cJSON_DeleteItemFromObjectCaseSensitive(f, "change");
			cJSON_AddStringToObject(f, "change", ostatus ? "changed" : "new");
			if (ostatus)
				cJSON_AddStringToObject(f, "previous_status", ostatus);
		}
		f = next;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(document, "resolved");
	cJSON_AddItemToObject(document, "resolved", resolved);
	cJSON_AddBoolToObject(document, "baseline_applied", 1);
	return 0;
}
