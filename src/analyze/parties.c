/* parties.c: which side a party word is on.  Defined terms first (the
 * contract's own "hierna: Leverancier"), then the catalogue of usual names,
 * so rules speak of roles (vendor, customer) and not of fixed words. */
#include <pthread.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "text/text.h"

typedef struct {
	const char *fold;
	tl_role role;
} S_name;

/* sorted by fold (byte order) */
static const S_name S_catalog[] = {
	{"aanbestedende dienst", TL_ROLE_CUSTOMER},
	{"aanbieder", TL_ROLE_VENDOR},
	{"aannemer", TL_ROLE_VENDOR},
	{"afnemer", TL_ROLE_CUSTOMER},
	{"authority", TL_ROLE_CUSTOMER},
	{"autoriteit persoonsgegevens", TL_ROLE_THIRD},
	{"betrokkene", TL_ROLE_THIRD},
	{"betrokkenen", TL_ROLE_THIRD},
	{"bidder", TL_ROLE_VENDOR},
	{"both parties", TL_ROLE_BOTH},
	{"buyer", TL_ROLE_CUSTOMER},
	{"client", TL_ROLE_CUSTOMER},
	{"competent authority", TL_ROLE_THIRD},
	{"contractant", TL_ROLE_VENDOR},
	{"contracting authority", TL_ROLE_CUSTOMER},
	{"contractor", TL_ROLE_VENDOR},
	{"controller", TL_ROLE_CUSTOMER},
	{"council", TL_ROLE_CUSTOMER},
	{"customer", TL_ROLE_CUSTOMER},
	{"data processor", TL_ROLE_VENDOR},
	{"data subject", TL_ROLE_THIRD},
	{"data subjects", TL_ROLE_THIRD},
	{"derde", TL_ROLE_THIRD},
	{"derden", TL_ROLE_THIRD},
	{"developer", TL_ROLE_VENDOR},
	{"dienstverlener", TL_ROLE_VENDOR},
	{"each party", TL_ROLE_BOTH},
	{"either party", TL_ROLE_BOTH},
	{"elke partij", TL_ROLE_BOTH},
	{"foreign authority", TL_ROLE_THIRD},
	{"gemeente", TL_ROLE_CUSTOMER},
	{"government authority", TL_ROLE_THIRD},
	{"iedere partij", TL_ROLE_BOTH},
	{"inschrijver", TL_ROLE_VENDOR},
	{"klant", TL_ROLE_CUSTOMER},
	{"koper", TL_ROLE_CUSTOMER},
	{"leverancier", TL_ROLE_VENDOR},
	{"licensee", TL_ROLE_CUSTOMER},
	{"licensor", TL_ROLE_VENDOR},
	{"licentiegever", TL_ROLE_VENDOR},
	{"licentienemer", TL_ROLE_CUSTOMER},
	{"municipality", TL_ROLE_CUSTOMER},
	{"neither party", TL_ROLE_BOTH},
	{"onderaannemer", TL_ROLE_VENDOR},
	{"ontwikkelaar", TL_ROLE_VENDOR},
	{"opdrachtgever", TL_ROLE_CUSTOMER},
	{"opdrachtnemer", TL_ROLE_VENDOR},
	{"parties", TL_ROLE_BOTH},
	{"partijen", TL_ROLE_BOTH},
	{"processor", TL_ROLE_VENDOR},
	{"provider", TL_ROLE_VENDOR},
	{"provincie", TL_ROLE_CUSTOMER},
	{"public authorities", TL_ROLE_THIRD},
	{"public authority", TL_ROLE_THIRD},
	{"purchaser", TL_ROLE_CUSTOMER},
	{"seller", TL_ROLE_VENDOR},
	{"service provider", TL_ROLE_VENDOR},
	{"sub-processor", TL_ROLE_VENDOR},
	{"sub-verwerker", TL_ROLE_VENDOR},
	{"subcontractor", TL_ROLE_VENDOR},
	{"subprocessor", TL_ROLE_VENDOR},
	{"subverwerker", TL_ROLE_VENDOR},
	{"supervisory authorities", TL_ROLE_THIRD},
	{"supervisory authority", TL_ROLE_THIRD},
	{"supplier", TL_ROLE_VENDOR},
	{"tenderer", TL_ROLE_VENDOR},
	{"third parties", TL_ROLE_THIRD},
	{"third party", TL_ROLE_THIRD},
	{"toezichthouder", TL_ROLE_THIRD},
	{"vendor", TL_ROLE_VENDOR},
	{"verkoper", TL_ROLE_VENDOR},
	{"verwerker", TL_ROLE_VENDOR},
	{"verwerkingsverantwoordelijke", TL_ROLE_CUSTOMER},
	{"waterschap", TL_ROLE_CUSTOMER},
};

static tl_role S_lookup(const char *fold, size_t len)
{
	size_t lo = 0, hi = sizeof S_catalog / sizeof *S_catalog;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(S_catalog[mid].fold, fold, len);
		if (c == 0 && S_catalog[mid].fold[len] != '\0')
			c = 1;
		if (c == 0)
			return S_catalog[mid].role;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return TL_ROLE_NONE;
}

/* Catalogue lookup that also accepts plurals and possessives
 * ("leveranciers", "suppliers", "supplier's", "opdrachtnemers"). */
static tl_role S_catalog_var(const char *fold)
{
	size_t len = strlen(fold);
	if (len >= 2 && fold[len - 1] == '\'')
		len--;
	else if (len >= 3 && fold[len - 2] == '\'' && fold[len - 1] == 's')
		len -= 2;
	tl_role r = S_lookup(fold, len);
	if (r)
		return r;
	if (len > 3 && fold[len - 1] == 's' && (r = S_lookup(fold, len - 1)) != 0)
		return r;
	if (len > 4 && fold[len - 2] == 'e' && fold[len - 1] == 'n' && (r = S_lookup(fold, len - 2)))
		return r;
	return TL_ROLE_NONE;
}

tl_role tl_party_catalog(const char *fold) { return S_catalog_var(fold); }

/* 1 when answers may be written into the words: while the annotation is
 * built (afterwards it is read-only, and may be read by several threads). */
static int S_memo_ok(const tl_annotated *a) { return a && (a->flags & TL_ANNOT_BUILDING); }

/* S_catalog_var of a token's word, remembered in the word. */
static tl_role S_catalog_tok(const tl_annotated *a, const tl_token *t)
{
	tl_word *w = t->word;
	if (!w)
		return S_catalog_var(t->fold);
	uint8_t known = __atomic_load_n(&w->party, __ATOMIC_RELAXED); /* see tl_memo_known */
	if (known)
		return (tl_role)(known - 1);
	tl_role r = S_catalog_var(w->fold);
	if (S_memo_ok(a))
		__atomic_store_n(&w->party, (uint8_t)(1 + r), __ATOMIC_RELAXED);
	return r;
}

/* The two-word catalogue names a token can start (bit 1) or end (bit 2):
 * a name "A B" needs "A " as its first word and B as a prefix of the
 * second token (which may add a plural or possessive ending).  Remembered in
 * the word (bit 0x80: known); a token without a word may be either. */
static int S_pair_bits_slow(const tl_annotated *a, tl_word *w);

static inline int S_pair_bits(const tl_annotated *a, const tl_token *t)
{
	tl_word *w = t->word;
	if (!w)
		return 3;
	uint8_t pair = __atomic_load_n(&w->party_pair, __ATOMIC_RELAXED); /* see tl_memo_known */
	return pair ? pair & 3 : S_pair_bits_slow(a, w);
}

/* The two-word names of the catalogue: the first word's length, and where
 * the second word starts and its length.  Built once. */
#define S_NCAT (sizeof S_catalog / sizeof *S_catalog)
static struct {
	uint8_t n, len1[S_NCAT], off2[S_NCAT], len2[S_NCAT];
	uint8_t k[S_NCAT];
} S_pairs;
static pthread_once_t S_pairs_once = PTHREAD_ONCE_INIT;

static void S_pairs_init(void)
{
	for (size_t k = 0; k < S_NCAT; k++) {
		const char *e = S_catalog[k].fold, *sp = strchr(e, ' ');
		if (!sp)
			continue;
		S_pairs.k[S_pairs.n] = (uint8_t)k;
		S_pairs.len1[S_pairs.n] = (uint8_t)(sp - e);
		S_pairs.off2[S_pairs.n] = (uint8_t)(sp + 1 - e);
		S_pairs.len2[S_pairs.n] = (uint8_t)strlen(sp + 1);
		S_pairs.n++;
	}
}

/* S_pair_bits the first time for word w: 1 when w is the first word of a
 * two-word name, 2 when the second word is a prefix of w */
static int S_pair_bits_slow(const tl_annotated *a, tl_word *w)
{
	pthread_once(&S_pairs_once, S_pairs_init);
	size_t l = w->len;
	int bits = 0;
	for (uint32_t x = 0; x < S_pairs.n; x++) {
		const char *e = S_catalog[S_pairs.k[x]].fold;
		if (S_pairs.len1[x] == l && memcmp(e, w->fold, l) == 0)
			bits |= 1;
		if (S_pairs.len2[x] <= l && memcmp(w->fold, e + S_pairs.off2[x], S_pairs.len2[x]) == 0)
			bits |= 2;
	}
	if (S_memo_ok(a))
		__atomic_store_n(&w->party_pair, (uint8_t)(0x80 | bits), __ATOMIC_RELAXED);
	return bits;
}

tl_role tl_annot_role_of(const tl_annotated *a, const char *fold)
{
	if (!fold)
		return TL_ROLE_NONE;
	size_t len = strlen(fold);
	size_t base = len;
	if (len >= 3 && fold[len - 2] == '\'' && fold[len - 1] == 's')
		base = len - 2;
	for (uint32_t i = 0; a && i < a->nterms; i++) {
		const char *t = a->terms[i].fold;
		/* a short name ("Lumen") counts here only as a possessive ("Lumen's", not the Dutch
		 * plural of a word in a vowel: "Camera's"); bare, tok.term says where it is one */
		if (t && strlen(t) == base && strncmp(t, fold, base) == 0 &&
		    (a->terms[i].role || strchr(t, ' ')) &&
		    (!(a->terms[i].flags & TL_TERM_SHORT) || (base < len && base > 0 && !strchr("aeiouy", fold[base - 1]))))
			return a->terms[i].role; /* a defined data term ("Customer Data") stays NONE */
	}
	if (a && (a->flags & TL_ANNOT_WE_VENDOR)) {
		static const char *const we[] = {"we", "us", "our", "ours", "wij", "ons", "onze", NULL};
		static const char *const you[] = {"you", "your", "yours", "u", "uw", NULL};
		if (tl_word_in(fold, we))
			return TL_ROLE_VENDOR;
		if (tl_word_in(fold, you))
			return TL_ROLE_CUSTOMER;
	}
	return S_catalog_var(fold);
}

/* TL_WC_PARTY of token t's word: a mention may start at the word apart from
 * defined terms and "we" as the vendor, that is, tl_party_at_slow below
 * may find one there (a two-word name, "sub-", a possessive, the catalogue,
 * "party"). */
static void S_party_class(const tl_annotated *a, const tl_token *t)
{
	const char *f = t->fold;
	size_t fl = t->word->len;
	int may = (S_pair_bits(a, t) & 1) || strcmp(f, "sub") == 0 ||
	          (fl >= 2 && (f[fl - 1] == '\'' || (f[fl - 2] == '\'' && f[fl - 1] == 's'))) ||
	          S_catalog_tok(a, t) != TL_ROLE_NONE || strcmp(f, "partij") == 0 ||
	          strcmp(f, "party") == 0;
	tl_wc_set(t->word, TL_WC_PARTY_K, TL_WC_PARTY, may);
}

/* "andere klanten", "haar overige opdrachtgevers", "its other customers",
 * "another municipality": the vendor's other clients (or a customer's other
 * suppliers) are third parties to this contract, not one of its sides.  "De
 * andere partij", "the other party" is the counterparty, and stays one. */
static const char *const S_other[] = {"andere", "ander", "overige", "other", "another", NULL};
static const char *const S_other_adj[] = {"bestaande", "huidige", "toekomstige", "potentiële", "existing",
                                          "current", "future", "potential", "prospective", NULL};

static int S_other_before(const tl_token *tok, uint32_t i)
{
	if (i >= 2 && tl_tok_in(&tok[i - 1], S_other_adj))
		i--; /* "andere bestaande klanten", "other existing customers" */
	return i >= 1 && tl_tok_in(&tok[i - 1], S_other);
}

static uint32_t S_party_at(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i,
                           tl_role *role);

uint32_t tl_party_at_slow(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i,
                          tl_role *role)
{
	uint32_t len = S_party_at(a, tok, n, i, role);
	if (len && (*role == TL_ROLE_VENDOR || *role == TL_ROLE_CUSTOMER) && S_other_before(tok, i)) {
		*role = TL_ROLE_NONE;
		return 0;
	}
	return len;
}

static uint32_t S_party_at(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i,
                           tl_role *role)
{
	*role = TL_ROLE_NONE;
	if (i >= n || (tok[i].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)))
		return 0;
	if (tok[i].term >= 0 && a && (uint32_t)tok[i].term < a->nterms) {
		const tl_term *t = &a->terms[tok[i].term];
		if (t->role == TL_ROLE_NONE)
			return 0; /* "Customer Data" is data, not the customer */
		uint32_t words = t->nwords;
		if (!words) {
			words = 1;
			for (const char *p = t->fold; *p; p++)
				words += *p == ' ';
		}
		*role = t->role;
		return words <= n - i ? words : n - i;
	}
	if (tok[i].word && S_memo_ok(a) && !(tl_wc_get(tok[i].word) & TL_WC_PARTY_K))
		S_party_class(a, &tok[i]);
	/* two-word names: "third party", "each party", "service provider" */
	if (i + 1 < n && !(tok[i + 1].flags & TL_TOK_PUNCT) && (S_pair_bits(a, &tok[i]) & 1) &&
	    (S_pair_bits(a, &tok[i + 1]) & 2)) {
		char buf[96];
		size_t l1 = strlen(tok[i].fold), l2 = strlen(tok[i + 1].fold);
		if (l1 + l2 + 2 <= sizeof buf) {
			memcpy(buf, tok[i].fold, l1);
			buf[l1] = ' ';
			memcpy(buf + l1 + 1, tok[i + 1].fold, l2 + 1);
			tl_role r = S_catalog_var(buf);
			if (r) {
				*role = r;
				return 2;
			}
		}
	}
	/* "sub-processor", "sub-verwerker" arrive as three tokens */
	if (i + 2 < n && tok[i].fold[0] == 's' && strcmp(tok[i].fold, "sub") == 0 &&
	    strcmp(tok[i + 1].fold, "-") == 0) {
		tl_role r = S_catalog_var(tok[i + 2].fold);
		if (r) {
			*role = r;
			return 3;
		}
	}
	const char *f = tok[i].fold;
	size_t fl = tok[i].word ? tok[i].word->len : strlen(f);
	tl_role r;
	if (fl >= 2 && (f[fl - 1] == '\'' || (f[fl - 2] == '\'' && f[fl - 1] == 's')))
		r = tl_annot_role_of(a, f); /* a possessive of a defined term: "Supplier's" */
	else if (a && (a->flags & TL_ANNOT_WE_VENDOR))
		r = tl_annot_role_of(a, f);
	else
		r = S_catalog_tok(a, &tok[i]);
	/* "Party" alone is either side; "party" in "third party" was caught above */
	if (r == TL_ROLE_NONE && tok[i].fold[0] == 'p' &&
	    (strcmp(tok[i].fold, "partij") == 0 || strcmp(tok[i].fold, "party") == 0))
		r = TL_ROLE_BOTH;
	if (r) {
		*role = r;
		return 1;
	}
	return 0;
}

/* A vendor's own terms speak of "we" and "you": when the document uses
 * both often, or opens a sentence (or a numbered clause: "6.1 We may ...")
 * with either, "we" is the vendor.  So it is when the contract defines its
 * two sides by name ("the \"Provider\"", "the \"Customer\"") and speaks of
 * "we/us/our" besides: the customer is the other defined party, so the
 * first person is the vendor's voice.  Procurement documents (which speak
 * of the inschrijver, tenderer or bidder) are written by the contracting
 * authority, whose "we" is the customer: there "we" stays unbound. */
static const char *const S_we_en[] = {"we", "us", "our", NULL};
static const char *const S_you_en[] = {"you", "your", NULL};
static const char *const S_we_nl[] = {"wij", "we", "ons", "onze", NULL};
static const char *const S_you_nl[] = {"u", "uw", NULL};
static const char *const S_tender[] = {"inschrijver", "inschrijvers", "tenderer", "tenderers",
                                       "bidder", "bidders", "gegadigde", "gegadigden", NULL};

/* TL_WC_WE of token t's word: it is in one of the lists above (in either
 * language), so tl_parties_we_count may count it. */
static int S_we_class(const tl_token *t)
{
	int wc = tl_wc_of(t, TL_WC_WE_K, TL_WC_WE);
	if (wc >= 0 || !t->word)
		return wc;
	/* every word of the lists starts with one of these letters */
	const char *f = t->fold;
	int first = f[0] == 'i' || f[0] == 't' || f[0] == 'b' || f[0] == 'g' || f[0] == 'w' ||
	            f[0] == 'u' || f[0] == 'o' || f[0] == 'y';
	return tl_wc_set(t->word, TL_WC_WE_K, TL_WC_WE,
	                 first && (tl_tok_in(t, S_tender) || tl_tok_in(t, S_we_en) ||
	                           tl_tok_in(t, S_you_en) || tl_tok_in(t, S_we_nl) ||
	                           tl_tok_in(t, S_you_nl)));
}

void tl_parties_we_count(tl_ann_ctx *c, size_t p0, size_t p1, tl_we_count *cnt)
{
	tl_annotated *a = c->a;
	const char *const *tender = S_tender;
	int nl = a->lang == TL_LANG_NL;
	const char *const *we = nl ? S_we_nl : S_we_en, *const *you = nl ? S_you_nl : S_you_en;
	for (size_t p = p0; p < p1; p++)
		for (uint32_t i = 0; i < c->pt[p].ntok; i++) {
			const tl_token *pt = c->pt[p].tok;
			if (S_we_class(&pt[i]) == 0)
				continue; /* in none of the lists: counts nowhere below */
			const char *f = pt[i].fold;
			if (f[0] == 'i' || f[0] == 't' || f[0] == 'b' || f[0] == 'g') {
				cnt->ntender += (uint32_t)tl_tok_in(&pt[i], tender);
				continue;
			}
			if (f[0] != 'w' && f[0] != 'u' && f[0] != 'o' && f[0] != 'y')
				continue;
			/* a sentence start, also after a clause number ("6.1 We may") */
			uint32_t b = i;
			if (b > 0 && (pt[b - 1].flags & TL_TOK_NUMBER) && (b == 1 || !strcmp(pt[b - 2].fold, ".")))
				b--;
			int first = b == 0 || !strcmp(pt[b - 1].fold, ".");
			/* "24 u" is hours, not "you" */
			int after_num = i > 0 && (pt[i - 1].flags & TL_TOK_NUMBER) && !first;
			if (!strcmp(f, "us") && (pt[i].flags & TL_TOK_CAPITAL))
				continue; /* "US Dollars": the United States */
			if (tl_tok_in(&pt[i], we)) {
				cnt->nwe++;
				cnt->nwe_op += a->para_operative[p] != 0; /* not a guidance note's "we" */
				/* "We may ...", "Our service ...": a sentence in the vendor's voice */
				cnt->we_first += (uint32_t)first;
			} else if (tl_tok_in(&pt[i], you) && !after_num) {
				cnt->nyou++;
				/* "You may ...", "U kunt ...": addressed to the customer */
				cnt->we_first += (uint32_t)first;
			}
		}
}

void tl_parties_we_you(tl_ann_ctx *c, const tl_we_count *cnt)
{
	tl_annotated *a = c->a;
	if (cnt->ntender)
		return;
	int vendor_term = 0, customer_term = 0;
	for (uint32_t t = 0; t < a->nterms; t++) {
		vendor_term |= a->terms[t].role == TL_ROLE_VENDOR;
		customer_term |= a->terms[t].role == TL_ROLE_CUSTOMER;
	}
	if ((cnt->nwe >= 2 && cnt->nyou >= 1) || cnt->we_first >= 1 ||
	    (cnt->nwe_op >= 1 && vendor_term && customer_term))
		a->flags |= TL_ANNOT_WE_VENDOR;
}
