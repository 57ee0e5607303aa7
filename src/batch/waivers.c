/* waivers.c: accepted deviations recorded by a legal team.
 *
 * {"waivers": [{"path": "contracts/2021/ *.docx" (a glob), "rule": "LEGAL-LAW",
 *   "reason": "...", "by": "J. Jansen", "until": "2027-06-30"}]}
 * path and rule are fnmatch globs; path matches the document path or its
 * base name.  A waiver past its "until" date is reported as expired and no
 * longer waives. */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tenderlint.h"

typedef struct {
	char *path, *rule, *reason, *by, *until;
} S_waiver;

struct tl_waivers {
	S_waiver *v;
	size_t n;
};

static char *S_dup_field(const cJSON *o, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(it) ? strdup(it->valuestring) : NULL;
}

static int S_valid_date(const char *s)
{
	int y, m, d;
	char tail;
	return s && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
	       m <= 12 && d >= 1 && d <= 31;
}

/* Reads a whole file ("-": standard input) up to cap bytes. */
static char *S_slurp(const char *path, size_t cap, tl_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		tl_error_set(err, TL_EIO, "cannot open: %s", strerror(errno));
		return NULL;
	}
	char *buf = NULL;
	size_t len = 0, alloc = 0;
	for (;;) {
		if (alloc - len < 65536) {
			if (alloc > cap) {
				tl_error_set(err, TL_ELIMIT_ENTRY_SIZE, "file larger than %zu bytes", cap);
				free(buf);
				if (!is_stdin)
					fclose(f);
				return NULL;
			}
			alloc = alloc ? alloc * 2 : 65536 * 2;
			char *nb = realloc(buf, alloc + 1);
			if (!nb) {
				free(buf);
				if (!is_stdin)
					fclose(f);
				tl_error_set(err, TL_ENOMEM, "out of memory");
				return NULL;
			}
			buf = nb;
		}
		size_t k = fread(buf + len, 1, alloc - len, f);
		len += k;
		if (k == 0)
			break;
	}
	int bad = ferror(f);
	if (!is_stdin)
		fclose(f);
	if (bad) {
		free(buf);
		tl_error_set(err, TL_EIO, "read error");
		return NULL;
	}
	buf[len] = '\0';
	return buf;
}

void tl_waivers_free(tl_waivers *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++) {
		free(w->v[i].path);
		free(w->v[i].rule);
		free(w->v[i].reason);
		free(w->v[i].by);
		free(w->v[i].until);
	}
	free(w->v);
	free(w);
}

int tl_waivers_load(tl_waivers **out, const char *path, tl_error *err)
{
	*out = NULL;
	if (err)
		snprintf(err->path, sizeof err->path, "%s", path);
	char *text = S_slurp(path, (size_t)64 << 20, err);
	if (!text)
		return err ? err->code : TL_EIO;
	cJSON *root = cJSON_Parse(text);
	if (!root) {
		const char *ep = cJSON_GetErrorPtr();
		long line = 1, col = 1;
		for (const char *p = text; ep && p < ep && *p; p++) {
			if (*p == '\n')
				line++, col = 1;
			else
				col++;
		}
		free(text);
		if (err)
			err->line = line, err->col = col;
		return tl_error_set(err, TL_EINVAL, "not valid JSON");
	}
	free(text);
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "waivers");
	if (!cJSON_IsArray(arr)) {
		cJSON_Delete(root);
		return tl_error_set(err, TL_EINVAL, "expected an object with a \"waivers\" array");
	}
	tl_waivers *w = calloc(1, sizeof *w);
	size_t n = (size_t)cJSON_GetArraySize(arr);
	if (!w || !(w->v = calloc(n ? n : 1, sizeof *w->v))) {
		free(w);
		cJSON_Delete(root);
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	}
	int rc = 0;
	size_t i = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, arr)
	{
		S_waiver *v = &w->v[w->n++];
		v->path = S_dup_field(it, "path");
		v->rule = S_dup_field(it, "rule");
		v->reason = S_dup_field(it, "reason");
		v->by = S_dup_field(it, "by");
		v->until = S_dup_field(it, "until");
		if (!v->path || !v->rule || !v->reason || !v->by) {
			rc = tl_error_set(err, TL_EINVAL,
			                  "waiver %zu: \"path\", \"rule\", \"reason\" and \"by\" are required", i + 1);
			break;
		}
		if (v->until && !S_valid_date(v->until)) {
			rc = tl_error_set(err, TL_EINVAL, "waiver %zu: \"until\" must be a date YYYY-MM-DD", i + 1);
			break;
		}
		i++;
	}
	cJSON_Delete(root);
	if (rc) {
		tl_waivers_free(w);
		return rc;
	}
	*out = w;
	return 0;
}

static int S_path_match(const char *glob, const char *path)
{
	const char *base = strrchr(path, '/');
	return fnmatch(glob, path, 0) == 0 || (base && fnmatch(glob, base + 1, 0) == 0);
}

int tl_waivers_apply(const tl_waivers *w, cJSON *document, const char *today)
{
	char now[16];
	if (!today) {
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(now, sizeof now, "%Y-%m-%d", &tm);
		today = now;
	}
	const cJSON *jpath = cJSON_GetObjectItemCaseSensitive(document, "path");
	cJSON *findings = cJSON_GetObjectItemCaseSensitive(document, "findings");
	if (!w || !cJSON_IsString(jpath) || !cJSON_IsArray(findings))
		return 0;
	int waived = 0;
	cJSON *f;
	cJSON_ArrayForEach(f, findings)
	{
		const cJSON *rule = cJSON_GetObjectItemCaseSensitive(f, "rule");
		const cJSON *status = cJSON_GetObjectItemCaseSensitive(f, "status");
		if (!cJSON_IsString(rule) || !cJSON_IsString(status))
			continue;
		if (!strcmp(status->valuestring, "met") || !strcmp(status->valuestring, "not_applicable"))
			continue;
		for (size_t i = 0; i < w->n; i++) {
			const S_waiver *v = &w->v[i];
			if (fnmatch(v->rule, rule->valuestring, 0) != 0 || !S_path_match(v->path, jpath->valuestring))
				continue;
			int expired = v->until && strcmp(today, v->until) > 0;
			cJSON *jw = cJSON_CreateObject();
			if (!jw)
				return waived;
			cJSON_AddStringToObject(jw, "reason", v->reason);
			cJSON_AddStringToObject(jw, "by", v->by);
			if (v->until)
				cJSON_AddStringToObject(jw, "until", v->until);
			cJSON_AddBoolToObject(jw, "expired", expired);
			cJSON_DeleteItemFromObjectCaseSensitive(f, "waiver");
			cJSON_DeleteItemFromObjectCaseSensitive(f, "waived");
			cJSON_AddItemToObject(f, "waiver", jw);
			cJSON_AddBoolToObject(f, "waived", !expired);
			if (!expired) {
				waived++;
				break;
			}
		}
	}
	cJSON *summary = cJSON_GetObjectItemCaseSensitive(document, "summary");
	if (cJSON_IsObject(summary)) {
		cJSON_DeleteItemFromObjectCaseSensitive(summary, "waived");
		cJSON_AddNumberToObject(summary, "waived", waived);
	}
	return waived;
}

/* Reports: JSON (one object) or JSON Lines (a header line with "type":
 * "header", then "type": "document" lines), read back into one object. */
int tl_report_read_file(cJSON **out, const char *path, tl_error *err)
{
	*out = NULL;
	if (err)
		snprintf(err->path, sizeof err->path, "%s", path);
	char *text = S_slurp(path, (size_t)2 << 30, err);
	if (!text)
		return err ? err->code : TL_EIO;
	cJSON *whole = cJSON_Parse(text);
	if (whole && cJSON_IsObject(whole) && cJSON_GetObjectItemCaseSensitive(whole, "documents")) {
		free(text);
		*out = whole;
		return 0;
	}
	cJSON_Delete(whole);
	cJSON *rep = cJSON_CreateObject();
	cJSON *docs = cJSON_CreateArray();
	if (!rep || !docs) {
		cJSON_Delete(rep);
		cJSON_Delete(docs);
		free(text);
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	}
	long line = 0;
	int rc = 0;
	char *save = NULL;
	for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		line++;
		if (!*l || *l == '\r')
			continue;
		cJSON *o = cJSON_Parse(l);
		if (!cJSON_IsObject(o)) {
			cJSON_Delete(o);
			if (err)
				err->line = line;
			rc = tl_error_set(err, TL_EINVAL, "line %ld is not a JSON object", line);
			break;
		}
		const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "type");
		if (cJSON_IsString(type) && !strcmp(type->valuestring, "header")) {
			cJSON *c;
			cJSON_ArrayForEach(c, o)
			{
				if (strcmp(c->string, "type") && !cJSON_GetObjectItemCaseSensitive(rep, c->string))
					cJSON_AddItemToObject(rep, c->string, cJSON_Duplicate(c, 1));
			}
			cJSON_Delete(o);
		} else {
			cJSON_DeleteItemFromObjectCaseSensitive(o, "type");
			cJSON_AddItemToArray(docs, o);
		}
	}
	free(text);
	if (rc) {
		cJSON_Delete(rep);
		cJSON_Delete(docs);
		return rc;
	}
	cJSON_AddItemToObject(rep, "documents", docs);
	*out = rep;
	return 0;
}
