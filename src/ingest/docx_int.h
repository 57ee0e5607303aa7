/* docx_int.h: the DOCX reader's internal state, shared by docx*.c.
 *
 * docx.c         package walk: _rels/.rels -> main part -> its .rels -> parts
 * docx_styles.c  styles.xml: names, basedOn chains, outline levels, style numbering
 * docx_num.c     numbering.xml: abstractNum/num, counters, labels
 * docx_body.c    the streaming reader of one story (body, notes, comments, headers)
 * docx_para.c    paragraph assembly: kind, label, revisions of the mark, references */
#ifndef TL_INGEST_DOCX_INT_H
#define TL_INGEST_DOCX_INT_H

#include <libxml/xmlreader.h>

#include "ingest/pkg.h"
#include "model/doc.h"
#include "model/numfmt.h"
#include "util/buf.h"

#define TL_DOCX_LEVELS 9

/* namespaces are matched by URI (prefixes are free: see pandoc's ns0-reference.docx) */
#define TL_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define TL_NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define TL_NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define TL_NS_M "http://schemas.openxmlformats.org/officeDocument/2006/math"
#define TL_NS_M_STRICT "http://purl.oclc.org/ooxml/officeDocument/math"
#define TL_NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"

/* ## Styles */
typedef struct tl_docx_style {
	const char *id, *name; /* arena */
	char type;             /* 'p' paragraph, 'c' character, 't' table, 'n' numbering */
	const char *based_on_id;
	int based_on;          /* resolved index, -1 */
	int outline;           /* own w:outlineLvl 0..9, -1 none */
	int num_id;            /* own numPr numId, -1 none (0 = no numbering) */
	int ilvl;              /* own numPr ilvl, -1 none */
	int is_default;        /* w:default="1" */
	/* resolved through basedOn (docx_styles_resolve) */
	int r_outline;         /* heading level 1..9, 0 none */
	int r_num_id, r_ilvl;  /* -1 none */
	int r_toc;             /* a table-of-contents entry or TOC heading style */
} tl_docx_style;

typedef struct tl_docx_styles {
	tl_docx_style *v;      /* sorted by id after resolve */
	size_t n, a;
	int default_para;      /* index of the default paragraph style, -1 */
} tl_docx_styles;

/* slow: see TL_DOCX_SLOW below */
int tl_docx_styles_parse(tl_docx_styles *st, tl_document *doc, const char *part, const char *data,
                         size_t len, int slow, tl_error *err);
void tl_docx_styles_free(tl_docx_styles *st);
/* The style with that id, or NULL. */
const tl_docx_style *tl_docx_style_find(const tl_docx_styles *st, const char *id);

/* ## Numbering */
typedef struct tl_docx_lvl {
	int set;
	long start;
	tl_numfmt fmt;
	const char *text;      /* lvlText, arena; NULL = none */
	int restart;           /* lvlRestart: -1 default, 0 never, 1..9 */
	int is_lgl;
	const char *pstyle;    /* style linked to this level */
} tl_docx_lvl;

typedef struct tl_docx_counters {
	long val[TL_DOCX_LEVELS];
	unsigned char started[TL_DOCX_LEVELS];
} tl_docx_counters;

typedef struct tl_docx_abstract {
	long id;
	tl_docx_lvl lvl[TL_DOCX_LEVELS];
	const char *num_style_link; /* arena */
	tl_docx_counters c;
} tl_docx_abstract;

typedef struct tl_docx_num {
	long id;
	long abstract_id;
	int abs;               /* resolved abstract index after links, -1 */
	long start_override[TL_DOCX_LEVELS];
	unsigned override_mask; /* levels with startOverride */
	unsigned applied_mask;  /* startOverrides already applied */
	tl_docx_lvl lvl[TL_DOCX_LEVELS]; /* full level overrides (set = 1) */
	/* tl_docx_numbering_next's view of the levels, worked out at its first
	 * use (after tl_docx_numbering_resolve): each level's definition and start */
	int ready;
	const tl_docx_lvl *lv[TL_DOCX_LEVELS];
	long start[TL_DOCX_LEVELS];
} tl_docx_num;

typedef struct tl_docx_numbering {
	tl_docx_abstract *abs;
	size_t nabs, aabs;
	tl_docx_num *num;
	size_t nnum, anum;
	tl_docx_num *last; /* tl_docx_numbering_next's last num (paragraphs of a list follow each other) */
} tl_docx_numbering;

/* The fast pass and the reader (xev.h): a part the fast pass does not take
 * makes the reading functions below return TL_DOCX_SLOW (> 0) when `slow` is
 * 0, after which the caller reads the whole document again with slow = 1
 * (the fast pass may have stopped half-way, with events already applied). */
#define TL_DOCX_SLOW 1

int tl_docx_numbering_parse(tl_docx_numbering *nb, tl_document *doc, const char *part,
                            const char *data, size_t len, int slow, tl_error *err);
/* Resolves num -> abstractNum through numStyleLink/styleLink (hop cap). */
void tl_docx_numbering_resolve(tl_docx_numbering *nb, const tl_docx_styles *st, unsigned max_hops);
void tl_docx_numbering_free(tl_docx_numbering *nb);
/* The level a numbering style-linked paragraph style sits at, or -1. */
int tl_docx_numbering_level_of_style(const tl_docx_numbering *nb, int num_id, const char *style_id);
/* Advances the counters for one numbered paragraph and writes its label
 * (TL_NUMFMT_LABEL_MAX).  Returns 1 when the paragraph is a list item (the
 * label may be empty for numFmt none), 0 when num_id/ilvl name no level;
 * *bullet is set for bullet levels. */
int tl_docx_numbering_next(tl_docx_numbering *nb, int num_id, int ilvl, char *label, int *bullet);

/* ## Reader state */
typedef enum {
	TL_DOCX_STORY_BODY = 0,
	TL_DOCX_STORY_FOOTNOTES,
	TL_DOCX_STORY_ENDNOTES,
	TL_DOCX_STORY_COMMENTS,
	TL_DOCX_STORY_HEADER,
	TL_DOCX_STORY_FOOTER
} tl_docx_story;

/* a reference seen in the body: footnote/endnote/comment id -> paragraph */
typedef struct tl_docx_ref {
	long id;
	int32_t para;
	char what; /* 'f' footnote, 'e' endnote, 's' comment start, 'x' comment end, 'r' comment reference */
} tl_docx_ref;

/* a body paragraph whose number waits for numbering.xml (docx_numjob.c) */
typedef struct tl_docx_numwait {
	int32_t para;
	int num_id, ilvl;      /* ilvl -1: the level its numbering-linked style sits at */
	const tl_docx_style *st;
} tl_docx_numwait;

typedef struct tl_docx_numjob tl_docx_numjob;

typedef struct tl_docx {
	tl_document *doc;
	const tl_read_options *o;
	tl_docx_styles styles;
	tl_docx_numbering numbering;
	tl_docx_ref *refs;
	size_t nrefs, arefs;
	size_t nsorted;        /* refs[0..nsorted) are sorted (refs of earlier stories) */
	int32_t ntables;       /* table ordinal across the document */
	int slow;              /* 1: parts are read with libxml2's reader only (TL_DOCX_SLOW) */
	/* numbering.xml being parsed on a helper thread while the body is read;
	 * `numbering` is empty until tl_docx_numjob_finish */
	tl_docx_numjob *numjob;
	int num_rc;            /* the helper's result once joined (non-zero: its failure) */
	tl_docx_numwait *numwait; /* numbered body paragraphs waiting for it, in order */
	size_t nnumwait, anumwait;
	tl_document *numscratch; /* the helper's arena, freed with the read */
	/* the style the last paragraph named (most paragraphs repeat one) */
	char memo_style[128];
	const tl_docx_style *memo_st;
	int memo_ok;
} tl_docx;

/* ## Numbering on a helper thread (docx_numjob.c)
 * Starts parsing numbering.xml (`data`, malloc'd: the job takes it) on a
 * helper thread; 0 when none was started (the caller parses it itself, data
 * still its own).  The helper has its own arena and writes nothing shared. */
int tl_docx_numjob_start(tl_docx *dx, char *data, size_t len);
/* Waits for the helper (no-op without one), then resolves the numbering and
 * numbers the waiting paragraphs in order.  Returns the helper's failure
 * (sticky, as dx->num_rc: the sequential read would have stopped there), or
 * an error of the numbering, or 0. */
int tl_docx_numjob_finish(tl_docx *dx, tl_error *err);
/* Numbers the waiting paragraphs in document order (docx_para.c). */
int tl_docx_numwait_flush(tl_docx *dx);

/* Reads one story part into dx->doc; TL_DOCX_SLOW: see above. */
int tl_docx_read_story(tl_docx *dx, tl_docx_story story, const char *part, const char *data,
                       size_t len, tl_error *err);

/* Records a reference; finds one (-1 when absent) among the references of
 * the stories read before the current one (sorted at each story's start). */
int tl_docx_ref_add(tl_docx *dx, char what, long id, int32_t para);
void tl_docx_refs_sort(tl_docx *dx);
int32_t tl_docx_ref_find(const tl_docx *dx, char what, long id);

/* Parses a decimal attribute value, clamped to [lo, hi]; `def` when absent
 * or not a number. */
long tl_docx_long(const char *s, long def, long lo, long hi);
/* The value of attribute w:NAME (either WordprocessingML namespace), or a
 * plain NAME; malloc'd by libxml2 (xmlFree), NULL when absent. */
char *tl_docx_attr(xmlTextReaderPtr r, const char *name);
/* 1 when the node is in the WordprocessingML namespace (transitional or strict). */
int tl_docx_is_w(xmlTextReaderPtr r);
/* w:val="false|0|off" -> 0; absent or anything else -> 1 (OOXML on/off type). */
int tl_docx_onoff(xmlTextReaderPtr r);

#endif

/* ## One story being read (docx_body.c, docx_para.c) */
#define TL_DOCX_MAX_CTX 8    /* text boxes inside text boxes */
#define TL_DOCX_MAX_TBL 64   /* nested tables */
#define TL_DOCX_MAX_FLD 32   /* nested fields */
#define TL_DOCX_MAX_AC 32    /* nested mc:AlternateContent */
#define TL_DOCX_MAX_MARKS 256 /* pending references per context */
#define TL_DOCX_MAX_DEPTH 1024

typedef struct tl_docx_mark {
	char what;
	long id;
} tl_docx_mark;

/* a sequence of paragraphs: the story itself or one text box */
typedef struct tl_docx_ctx {
	int depth;            /* XML depth of w:txbxContent; -1 for the story */
	int textbox;
	/* the open paragraph */
	int open;
	int32_t part_index;
	tl_buf text;
	char style[128];
	int num_id, ilvl, outline; /* own pPr values, -1 none */
	int mark_ins, mark_del;    /* the paragraph mark is a tracked insertion / deletion */
	int drop_cap;              /* a drop-cap frame: its letter joins the next paragraph */
	int discard;               /* read inside content the view leaves out */
	unsigned flags;
	int in_run, in_t, vanish;
	const char *symfont;       /* "Symbol"/"Wingdings": the run's text is in a symbol font */
	/* a paragraph whose mark was removed in this view waits to join the next one */
	int has_carry;
	tl_buf carry;
	unsigned carry_flags;
	int32_t carry_part_index;
	tl_docx_mark marks[TL_DOCX_MAX_MARKS];
	int nmarks;
	int32_t last_index;   /* last paragraph emitted from this context, -1 */
} tl_docx_ctx;

typedef struct tl_docx_table {
	int32_t ordinal, row, col, next_col, span;
	int row_skip;         /* this row is a tracked insertion/deletion hidden in the view */
} tl_docx_table;

typedef struct tl_docx_field {
	int result;           /* past fldChar separate */
	int toc;
	char instr[24];
	size_t ninstr;
} tl_docx_field;

typedef struct tl_docx_state {
	tl_docx *dx;
	tl_docx_story story;
	const char *part;
	int32_t npart;        /* w:p seen in this part */
	tl_docx_ctx *ctx[TL_DOCX_MAX_CTX];
	int nctx;
	tl_docx_table tbl[TL_DOCX_MAX_TBL];
	int ntbl;
	tl_docx_field fld[TL_DOCX_MAX_FLD];
	int nfld, nfld_instr;  /* fields open; of which still in their instruction */
	int overflow_fld;      /* fields nested beyond the cap */
	struct {
		int depth, chosen;
	} ac[TL_DOCX_MAX_AC];
	int nac;
	int skip;             /* depth of a subtree being skipped, -1 */
	int hide;             /* depth of a revision hidden in this view, -1 */
	int ins, del;         /* included insertions / deletions open */
	/* note or comment being read */
	const char *note_id, *author;
	long note_num;
	unsigned char kind_at[TL_DOCX_MAX_DEPTH]; /* what an element opened, by depth */
} tl_docx_state;

/* Ends the open paragraph of c (or flushes its carry when final) and adds
 * it to the document. */
int tl_docx_emit(tl_docx_state *s, tl_docx_ctx *c, int final, tl_error *err);
/* Adds a reference mark to c, resolving a comment range end at once when no
 * paragraph is open. */
int tl_docx_mark_add(tl_docx_state *s, tl_docx_ctx *c, char what, long id);
/* w:sym: the character for (font, hex code), or NULL when it does not map. */
const char *tl_docx_sym(const char *font, const char *hex, char *buf);
