/* xev.h: an XML part as a stream of events (internal).
 *
 * The readers of the large parts (word/document.xml, numbering.xml) walk
 * events, not libxml2 nodes.  tl_xev_parse hands them over in one linear
 * pass over a part in the plain shape Word and LibreOffice write (UTF-8,
 * ASCII names, declared prefixes, the predefined entities and character
 * references only) and stops with 0 -- "not by this pass" -- on anything
 * else: a comment, a PI, CDATA, a DOCTYPE, a malformed or unusual construct,
 * nesting near the depth cap, a text longer than the text cap.  Because it
 * may stop half-way, after the caller has seen some events, a caller that
 * builds something reads the whole document again with the reader in that
 * case (tl_docx_read), turning each node into the same event with
 * tl_xev_from_reader, so errors, line numbers and limits stay libxml2's.
 * What the fast pass accepts is a subset of what libxml2 accepts as
 * well-formed (and of what tl_xml_check accepts with the same caps), and it
 * shows exactly what the reader would show for it: element local names and
 * namespaces, depth, the empty-element flag, decoded attribute values,
 * decoded text (possibly split differently, never joined differently). */
#ifndef TL_INGEST_XEV_H
#define TL_INGEST_XEV_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/xmlreader.h>

#include "tenderlint.h"

enum { TL_XEV_START = 1, TL_XEV_END, TL_XEV_TEXT };

#define TL_XNS_NONE 254  /* no namespace */
#define TL_XNS_OTHER 255 /* a namespace not in the caller's list */

typedef struct tl_xattr {
	const char *ln;   /* local name */
	const char *val;  /* decoded value, NUL-terminated */
	unsigned char ns; /* namespace class */
} tl_xattr;

/* Everything an event points to lives until the callback returns, except
 * `ln` of START and END events of the fast pass (until tl_xev_parse returns). */
typedef struct tl_xev {
	unsigned char type, ns, empty;
	unsigned char flag;  /* mc:Choice: every prefix of Requires names an understood namespace */
	int32_t depth;       /* of the element; of a text: its element's + 1 */
	const char *ln;      /* START, END: local name; TEXT: the text (not NUL-terminated) */
	uint32_t len;        /* TEXT: bytes */
	uint32_t nat;        /* START: attributes (of the kept classes) */
	const tl_xattr *at;
	const char *uri;     /* START: the element's namespace URI, NULL for none */
	int id;              /* START, END: spec->name_id's answer for the element, else 0 */
} tl_xev;

/* flag of a TEXT event: the reader called it XML_READER_TYPE_WHITESPACE
 * (white space outside xml:space="preserve"; libxml2 2.9 never does) */
#define TL_XEV_TEXT_WS 1

/* What to hand over. */
typedef struct tl_xspec {
	const char *const *ns;     /* namespace URIs; a URI's index is its class */
	int nns;
	unsigned elem_mask;        /* classes whose elements are handed over (others are left out) */
	unsigned attr_mask;        /* classes whose attributes are kept (no-namespace ones always) */
	/* text is handed over when its element is and this says so (NULL: none) */
	int (*keep_text)(int ns, const char *ln);
	int mc_class;              /* class of the markup-compatibility namespace, -1 none */
	int (*understood)(const char *uri); /* for mc:Choice's flag */
	int all;                   /* every element and every text, whatever the masks say */
	/* NULL, or what the reader calls an element: a small number it switches
	 * on instead of comparing names, a function of (ns, uri, ln) alone.  The
	 * fast pass asks once per name and namespace class below
	 * TL_XEV_ID_CLASSES, so its answer must not depend on anything else. */
	int (*name_id)(int ns, const char *uri, const char *ln);
	/* 1: an element of a handed-over class whose name_id is 0 is left out
	 * too (with its own text; what is inside it is handed over as usual):
	 * for a reader on which such an element has no effect at all. */
	int drop_other;
} tl_xspec;

#define TL_XEV_ID_CLASSES 8

/* The index of ln in names[0..n) (sorted in strcmp order), or -1: how a
 * reader's name_id finds the element names it acts on. */
int tl_xev_name_index(const char *const *names, size_t n, const char *ln);

/* Called for each event; nonzero stops the pass, except TL_XEV_SKIP and
 * TL_XEV_NOTEXT for the start of an element (no-ops for an empty one).
 * TL_XEV_SKIP: the pass hands over nothing inside the element (it
 * still checks it as closely as any other markup) and goes on with the
 * element's end.  A caller that reads the part with the reader as well
 * (tl_xev_from_reader) gets those events there and must ignore them itself. */
typedef int (*tl_xev_fn)(void *ctx, const tl_xev *ev);

#define TL_XEV_SKIP 2
/* For the start of a non-empty element: text directly inside it is not
 * handed over (the elements inside it and their text are). */
#define TL_XEV_NOTEXT 3

/* 1: the whole part was handed to fn (which returned 0 every time); 0: not
 * (the pass gave up, fn stopped it, or out of memory).  Nesting at or beyond
 * max_depth - 2 and a text run or attribute value longer than max_text bytes
 * are left to the reader. */
int tl_xev_parse(const char *data, size_t len, const tl_xspec *spec, unsigned max_depth,
                 size_t max_text, tl_xev_fn fn, void *ctx);

/* Storage for tl_xev_from_reader's attributes. */
typedef struct tl_xscratch {
	tl_xattr *at;
	size_t nat, aat;
	char *buf;
	size_t nbuf, abuf;
} tl_xscratch;

void tl_xscratch_free(tl_xscratch *sc);

/* The reader's current node as an event: 1 for an element start or end or
 * a text (text, significant whitespace, CDATA), 0 for another kind of node,
 * <0 out of memory.  Attributes (of the classes spec keeps) are copied to
 * sc, valid until the next call. */
int tl_xev_from_reader(tl_xscratch *sc, xmlTextReaderPtr r, const tl_xspec *spec, tl_xev *ev);

/* The slow path of a part reader: reads the part with libxml2's reader
 * (tl_xml_reader, tl_xml_next: its caps, errors and line numbers) and hands
 * each node that is an event to fn, which returns 0 or an error code that
 * stops the pass.  Returns 0 at the end of the part, else the first error;
 * `what` names the part in the out-of-memory message. */
int tl_xev_read_part(const char *data, size_t len, const char *part, const tl_limits *lim,
                     const tl_xspec *spec, tl_xev_fn fn, void *ctx, const char *what,
                     tl_error *err);

/* The value of attribute NAME of a start event, looked up as the readers
 * did: in class 0, then class 1 (the two WordprocessingML namespaces), then
 * without namespace.  NULL: absent. */
const char *tl_xev_attr(const tl_xev *ev, const char *name);
/* The value of attribute NAME in namespace class cls (TL_XNS_NONE: none). */
const char *tl_xev_attr_ns(const tl_xev *ev, int cls, const char *name);

#endif
