/* redline_pkg.c: the OPC package around a DOCX main part for the redline:
 * the main part found through _rels/.rels, and the comments part found
 * through the main part's relationships or added (a relationship and a
 * content-type override). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/redline.h"

#define S_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define S_RT_COMMENTS "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
#define S_RT_COMMENTS_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
#define S_CT_COMMENTS "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

static int S_el(xmlNodePtr n, const char *href, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, href) &&
	       !strcmp((const char *)n->name, name);
}


static char *S_dir_of(const char *part) /* "word/" for "word/document.xml" */
{
	const char *slash = strrchr(part, '/');
	return strndup(part, slash ? (size_t)(slash - part + 1) : 0);
}

int tl_rl_docx_main_part(zip_t *za, char **out, tl_error *err)
{
	char *data = NULL;
	size_t len = 0;
	xmlDocPtr rels = NULL;
	*out = NULL;
	int rc = tl_rl_read(za, "_rels/.rels", &data, &len, err);
	if (rc == 0 && (rc = tl_rl_parse(&rels, data, len, "_rels/.rels", err)) == 0) {
		for (xmlNodePtr r = xmlDocGetRootElement(rels)->children; r && !*out; r = r->next) {
			if (!S_el(r, S_RELS, "Relationship"))
				continue;
			xmlChar *type = xmlGetProp(r, BAD_CAST "Type"), *target = xmlGetProp(r, BAD_CAST "Target");
			size_t tl = type ? strlen((char *)type) : 0;
			if (target && tl >= 15 && !strcmp((char *)type + tl - 15, "/officeDocument")) {
				const char *t = (const char *)target;
				while (*t == '/')
					t++;
				*out = strdup(t);
			}
			xmlFree(type);
			xmlFree(target);
		}
	}
	xmlFreeDoc(rels);
	free(data);
	if (rc < 0)
		return rc;
	if (!*out)
		*out = strdup("word/document.xml");
	return *out ? 0 : tl_error_set(err, TL_ENOMEM, "redline: out of memory");
}

int tl_rl_docx_comments_part(tl_rl_docx_pkg *k, zip_t *za, const char *main_part, int strict, tl_error *err)
{
	char *dir = S_dir_of(main_part), *data = NULL;
	size_t len = 0;
	const char *base = strrchr(main_part, '/') ? strrchr(main_part, '/') + 1 : main_part;
	int rc;
	if (!dir)
		return tl_error_set(err, TL_ENOMEM, "redline: out of memory");
	k->rels_part = malloc(strlen(main_part) + 16);
	if (!k->rels_part) {
		free(dir);
		return tl_error_set(err, TL_ENOMEM, "redline: out of memory");
	}
	sprintf(k->rels_part, "%s_rels/%s.rels", dir, base);
	rc = tl_rl_read(za, k->rels_part, &data, &len, err);
	if (rc < 0)
		goto done;
	if (rc == 0) {
		if ((rc = tl_rl_parse(&k->rels, data, len, k->rels_part, err)) != 0)
			goto done;
	} else {
		k->rels = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr root = k->rels ? xmlNewNode(NULL, BAD_CAST "Relationships") : NULL;
		if (!root) {
			rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
			goto done;
		}
		xmlSetNs(root, xmlNewNs(root, BAD_CAST S_RELS, NULL));
		xmlDocSetRootElement(k->rels, root);
		k->rels->standalone = 1;
		k->rels_changed = 1;
		rc = 0;
	}
	xmlNodePtr root = xmlDocGetRootElement(k->rels);
	for (xmlNodePtr r = root->children; r && !k->comments_part; r = r->next) {
		if (!S_el(r, S_RELS, "Relationship"))
			continue;
		xmlChar *type = xmlGetProp(r, BAD_CAST "Type"), *target = xmlGetProp(r, BAD_CAST "Target");
		size_t tl = type ? strlen((char *)type) : 0;
		if (target && tl >= 9 && !strcmp((char *)type + tl - 9, "/comments")) {
			const char *t = (const char *)target;
			k->comments_part = malloc(strlen(dir) + strlen(t) + 1);
			if (k->comments_part) {
				if (t[0] == '/')
					strcpy(k->comments_part, t + 1);
				else
					sprintf(k->comments_part, "%s%s", dir, t);
			}
		}
		xmlFree(type);
		xmlFree(target);
	}
	if (k->comments_part)
		goto done;
	/* a new comments part: a fresh name, its relationship and content type */
	char rid[32];
	for (int i = 1;; i++) {
		int taken = 0;
		snprintf(rid, sizeof rid, "rIdTl%d", i);
		for (xmlNodePtr r = root->children; r && !taken; r = r->next) {
			xmlChar *id = S_el(r, S_RELS, "Relationship") ? xmlGetProp(r, BAD_CAST "Id") : NULL;
			taken = id && !strcmp((char *)id, rid);
			xmlFree(id);
		}
		if (!taken)
			break;
	}
	const char *leaf = "comments.xml";
	k->comments_part = malloc(strlen(dir) + 32);
	if (!k->comments_part) {
		rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
		goto done;
	}
	sprintf(k->comments_part, "%s%s", dir, leaf);
	if (zip_name_locate(za, k->comments_part, ZIP_FL_NOCASE) >= 0) {
		leaf = "tenderlint-comments.xml";
		sprintf(k->comments_part, "%s%s", dir, leaf);
	}
	xmlNodePtr rel = xmlNewChild(root, root->ns, BAD_CAST "Relationship", NULL);
	if (!rel || !xmlSetProp(rel, BAD_CAST "Id", BAD_CAST rid) ||
	    !xmlSetProp(rel, BAD_CAST "Type", BAD_CAST(strict ? S_RT_COMMENTS_STRICT : S_RT_COMMENTS)) ||
	    !xmlSetProp(rel, BAD_CAST "Target", BAD_CAST leaf)) {
		rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
		goto done;
	}
	k->rels_changed = 1;
	free(data);
	data = NULL;
	if ((rc = tl_rl_read(za, "[Content_Types].xml", &data, &len, err)) != 0) {
		if (rc > 0)
			rc = tl_error_set(err, TL_EPKG_MISSING_PART, "[Content_Types].xml is missing");
		goto done;
	}
	if ((rc = tl_rl_parse(&k->ct, data, len, "[Content_Types].xml", err)) != 0)
		goto done;
	xmlNodePtr ctr = xmlDocGetRootElement(k->ct);
	xmlNodePtr ov = xmlNewChild(ctr, ctr->ns, BAD_CAST "Override", NULL);
	char pn[1100];
	snprintf(pn, sizeof pn, "/%s", k->comments_part);
	if (!ov || !xmlSetProp(ov, BAD_CAST "PartName", BAD_CAST pn) ||
	    !xmlSetProp(ov, BAD_CAST "ContentType", BAD_CAST S_CT_COMMENTS)) {
		rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
		goto done;
	}
	k->ct_changed = 1;
done:
	free(dir);
	free(data);
	return rc;
}

