/* odt_int.h: shared state of the ODT reader's files (internal).
 *
 * odt.c walks the XML parts as a stream (styles.xml, content.xml, the
 * master pages of styles.xml, meta.xml; or one flat .fodt document) and
 * turns elements into paragraph records; odt_para.c holds the record
 * buffers, tracked changes and the emission into the document model;
 * odt_styles.c holds styles, list styles, the outline style, the list
 * counters and the label formatting. */
#ifndef TL_INGEST_ODT_INT_H
#define TL_INGEST_ODT_INT_H

#include <libxml/xmlreader.h>

#include "ingest/pkg.h"
#include "ingest/xev.h"
#include "model/doc.h"
#include "util/arena.h"
#include "util/buf.h"

#define ODT_LEVELS 10          /* ODF list and outline levels */
#define ODT_MAX_REPEAT 1000    /* copies of one repeated table row or cell */
#define ODT_MAX_COPIES 20000   /* repeated-row/cell copies per document */
#define ODT_MAX_SPACES 1000    /* text:s text:c cap */
#define ODT_MAX_OPEN_INS 64    /* nested open tracked insertions */

/* ---- string map (open addressing, keys interned in the reader's arena) */
typedef struct odt_map_ent {
	const char *key;
	void *val;
} odt_map_ent;
typedef struct odt_map {
	odt_map_ent *v;
	size_t n, cap;
} odt_map;

/* ---- styles */
enum { ODT_FMT_ALPHA_LOWER = 100, ODT_FMT_ALPHA_UPPER }; /* a..z, aa, ab (no letter sync) */

typedef struct odt_level {
	int defined;
	int fmt;        /* tl_numfmt or ODT_FMT_ALPHA_* */
	int bullet;     /* bullet or image level */
	int display;    /* text:display-levels, 1..ODT_LEVELS */
	long start;     /* text:start-value */
	const char *prefix, *suffix, *bullet_char, *list_format; /* reader arena or NULL */
} odt_level;

typedef struct odt_liststyle {
	const char *name;
	odt_level lv[ODT_LEVELS];
} odt_liststyle;

typedef struct odt_style {
	const char *name, *display, *parent, *list_style;
	int scope;          /* 0 common styles, 1 automatic in styles.xml, 2 automatic in content */
	char family;        /* 'P' paragraph, 'T' text */
	int outline;        /* style:default-outline-level, 0 = unset */
	int hidden;         /* text-properties text:display="none" */
	const char *user_name; /* resolved display name (automatic styles: their parent's) */
	const char *doc_name;  /* user_name interned in the document */
	int resolved;
	int r_hidden, r_outline;
	const char *r_list;  /* list style through the parent chain */
} odt_style;

/* A numbering sequence: one list and the lists that continue it, or the
 * headings of the outline. */
typedef struct odt_chain {
	long count[ODT_LEVELS];
	unsigned char set[ODT_LEVELS];
} odt_chain;

/* ---- paragraph records */
typedef struct odt_name {
	const char *s;
	struct odt_name *next;
} odt_name;

typedef struct odt_rec {
	tl_para_kind kind;
	uint32_t flags;
	int32_t outline, list_level, table, row, col;
	int32_t ref_off;      /* >0: ref is the record that many places before this one */
	int needs_ref;        /* note/comment paragraph whose holder is not known yet */
	const char *label, *style, *note_id, *author; /* label in the reader arena; style interned */
	const char *ann_name; /* comment: office:name of its annotation */
	odt_name *ends;       /* paragraph holding office:annotation-end marks */
	char *text;           /* malloc'd */
	size_t len;
	int part;             /* 0 content, 1 styles */
} odt_rec;

typedef struct odt_seq {
	odt_rec *v;
	size_t n, a;
} odt_seq;

/* a tracked change (text:changed-region) */
enum { ODT_CH_INSERT = 1, ODT_CH_DELETE, ODT_CH_FORMAT };
typedef struct odt_change {
	const char *id;
	int type;
	odt_seq del;          /* deleted paragraphs (text:deletion) */
	struct odt_change *next; /* every region, for freeing (ids may repeat) */
} odt_change;

/* ---- containers: an open paragraph or a record buffer */
enum { ODT_C_PARA = 1, ODT_C_SEQ };
typedef struct odt_cont {
	int type;
	odt_seq seq;          /* PARA: nested records (notes, comments, text boxes); SEQ: buffer */
	/* PARA */
	odt_rec rec;
	tl_buf text, number;  /* number: text:number content */
	const odt_style *pstyle;
	int heading, h_level, h_restart, h_list_header;
	long h_start;
	int list;             /* list frame of the numbered item, or -1 */
	int list_first;       /* this paragraph carries the item's number */
	int numbered;         /* label already computed (after a split) */
	int start_in_ins, text_outside_ins, had_ins;
	odt_name *ends;
} odt_cont;

/* ---- open lists */
typedef struct odt_list {
	odt_chain *chain;
	const odt_liststyle *style;
	int level;            /* 1-based */
	int first_pending;    /* current item: its first child is not seen yet */
	int header;           /* current item is a text:list-header */
	long item_start;      /* text:start-value of the item, or -1 */
	const odt_liststyle *item_style; /* text:style-override */
} odt_list;

typedef struct odt_table {
	int32_t ordinal;
	long next_row;         /* row index of the next table:table-row */
	int32_t row;           /* current row */
	long col;              /* next column in the current row */
	int32_t cell_col;      /* column of the current cell */
	long pending_cover;    /* covered cells a spanned cell already counted */
} odt_table;

/* state inherited by child elements; saved on every element frame */
typedef struct odt_ctx {
	int region;           /* TL_PARA_BODY, or HEADER/FOOTER/FOOTNOTE/ENDNOTE/COMMENT */
	int local;            /* TL_PARA_BODY, CELL or TEXTBOX */
	int table;            /* table frame of the enclosing cell, or -1 */
	int inlist;           /* list frame whose item holds us, or -1 */
	int item;             /* list frame whose item is our direct parent, or -1 */
	int inpara;           /* text here belongs to the open paragraph */
	int hidden, toc, deletion, meta, changes, changeinfo;
	int styles;           /* inside office:styles (0) / office:automatic-styles (1) / neither (-1) */
	const char *note_id, *author, *ann_name;
	tl_buf *cap;          /* text goes here instead of the paragraph */
} odt_ctx;

typedef struct odt_frame {
	int el;
	odt_ctx saved;
	long a, b;            /* element data: repeats, spans */
	int seq;              /* container index pushed by this element, or -1 */
} odt_frame;

typedef struct tl_odt {
	tl_document *doc;
	tl_revisions view;
	const tl_limits *limits;
	tl_arena arena;
	tl_error *err;
	const char *part_name[2];
	int part;             /* 0 content (or fodt), 1 styles (master pages) */
	int32_t part_index[2];
	int auto_scope;       /* scope of automatic styles in the part being read */
	int mode;

	odt_ctx ctx;
	odt_frame *fr;
	size_t nfr, afr;
	long skip;            /* depth inside a skipped subtree */

	odt_cont *cont;
	size_t ncont, acont;
	odt_list *lists;
	size_t nlists, alists;
	odt_table *tables;
	size_t ntables, atables;
	int32_t table_count;
	size_t copies;        /* repeated row/cell copies made */
	size_t buffered;      /* bytes of repeated-content copies */

	/* styles */
	odt_map styles, liststyles, chains_by_id, chains_by_style, changes, comments;
	/* odt_style_find's last question and answer (paragraphs repeat a style);
	 * forgotten whenever a style is added */
	struct {
		int ok, scope;
		char family;
		char name[128];
		const struct odt_style *s;
	} style_memo;
	odt_style *cur_style;
	odt_liststyle *cur_list;
	odt_liststyle *outline;
	odt_liststyle *default_list; /* a list without any list style: bullets, as LibreOffice */
	odt_chain outline_chain;
	odt_chain *last_chain;

	/* tracked changes */
	odt_change *cur_change, *all_changes;
	const char *open_ins[ODT_MAX_OPEN_INS];
	int nopen_ins;

	tl_buf capbuf;        /* dc:creator, dc:title */
	tl_buf title;
	tl_buf numbuf;        /* text:number before the paragraph of a numbered-paragraph */
	int slow;             /* 1: parts are read with libxml2's reader only (ODT_SLOW) */
} tl_odt;


/* ---- element kinds (odt.c classifies, odt_body.c handles) */
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_XML "http://www.w3.org/XML/1998/namespace"
#define NS_LOEXT "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
/* the namespaces whose attributes odt_att reads, in their event class order */
#define ODT_NNS 8
extern const char *const odt_ns[ODT_NNS];

/* A walk that the fast pass (xev.h) did not take whole: the document is
 * read again with the reader (never leaves odt.c). */
#define ODT_SLOW (-30000)

enum { MODE_MAIN, MODE_MASTER, MODE_META };
enum {
	E_OTHER = 0, E_SKIP, E_TRANSPARENT,
	/* office */
	E_STYLES, E_AUTO_STYLES, E_MASTER_STYLES, E_META, E_ANNOTATION, E_ANNOTATION_END,
	E_CHANGE_INFO, E_TOPSKIP,
	/* style */
	E_STYLE, E_TEXT_PROPS, E_HEADER, E_FOOTER,
	/* text */
	E_P, E_H, E_LIST, E_LIST_ITEM, E_LIST_HEADER, E_NUMBERED_PARA, E_NUMBER, E_LIST_STYLE,
	E_OUTLINE_STYLE, E_LEVEL_NUMBER, E_LEVEL_BULLET, E_LEVEL_IMAGE, E_OUTLINE_LEVEL, E_S, E_TAB,
	E_LINE_BREAK, E_NOTE, E_NOTE_CITATION, E_SECTION, E_TRACKED_CHANGES, E_CHANGED_REGION,
	E_INSERTION, E_DELETION, E_FORMAT_CHANGE, E_CHANGE, E_CHANGE_START, E_CHANGE_END, E_SPAN,
	E_HIDDEN_TEXT, E_HIDDEN_PARA, E_INDEX, E_FIELD_DISPLAY,
	/* table */
	E_TABLE, E_ROW, E_CELL, E_COVERED,
	/* draw */
	E_TEXT_BOX, E_SHAPE,
	/* dc */
	E_CREATOR, E_TITLE
};

/* odt_body.c */
int odt_body_start(tl_odt *r, const tl_xev *x, int el, odt_frame *f, int item, int first,
                   int *skip);
int odt_body_end(tl_odt *r, const odt_frame *f);
/* Text to the capture buffer (dc:creator, text:number, dc:title) or the open paragraph. */
int odt_text_in(tl_odt *r, const char *s, size_t n);

/* odt_styles.c */
void *odt_map_get(const odt_map *m, const char *key);
int odt_map_put(tl_odt *r, odt_map *m, const char *key, void *val);
void odt_map_free(odt_map *m);
const char *odt_att(tl_odt *r, const tl_xev *x, const char *ns, const char *local);
int odt_style_start(tl_odt *r, const tl_xev *x, int scope);
int odt_text_props(tl_odt *r, const tl_xev *x);
int odt_liststyle_start(tl_odt *r, const tl_xev *x, int scope, int outline);
int odt_level_start(tl_odt *r, const tl_xev *x, int bullet);
const odt_style *odt_style_find(tl_odt *r, const char *name, char family);
const odt_liststyle *odt_liststyle_find(tl_odt *r, const char *name);
/* Resolves inherited properties of a style (parent chain, capped). */
const odt_style *odt_style_resolve(tl_odt *r, const odt_style *s);
/* Advances chain c at level (0-based) and returns the label (reader arena) or
 * NULL; start >= 0 restarts the level at that value; header: no number. */
const char *odt_number(tl_odt *r, odt_chain *c, const odt_liststyle *ls, int level, long start,
                       int header);

/* odt_para.c */
int odt_para_open(tl_odt *r, int heading);
int odt_para_close(tl_odt *r);
int odt_text(tl_odt *r, const char *s, size_t n);
int odt_seq_open(tl_odt *r);
/* Closes the buffer on top; repeat copies go to the container below with
 * row (dim 0) or col (dim 1) advanced by `step` for each copy of table t. */
int odt_seq_close_repeat(tl_odt *r, long repeat, int dim, long step, int32_t t);
int odt_seq_close_into(tl_odt *r, odt_seq *out);
void odt_seq_free(odt_seq *s);
int odt_change_mark(tl_odt *r, const char *id, int kind); /* kind 0 point, 1 start, 2 end */
int odt_annotation_end(tl_odt *r, const char *name);
void odt_conts_free(tl_odt *r);

#endif
