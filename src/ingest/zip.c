/* zip.c: safe access to the members of a ZIP package (pkg.h).
 *
 * A plain package (zip_cdir.c says what that is: every archive Word,
 * LibreOffice and the ZIP libraries write) is read without libzip: its
 * central directory and local headers are walked here, read-only and
 * bounded, and each member is read from its offset and inflated with zlib
 * (zip_inflate.c).  Any other archive is opened with libzip, loaded then
 * (zip_dl.c), whose checks and errors it gets as before:
 *  - zip_open(ZIP_RDONLY | ZIP_CHECKCONS) rejects exact duplicate names
 *    (ZIP_ER_EXISTS), central/local header disagreement and the extra-field
 *    overlap bomb (ZIP_ER_INCONS);
 *  - we add, for both: the entry-count cap, case-insensitive duplicate names
 *    (OPC part names compare case-insensitively), overlapping entries,
 *    unsafe names (kept out of every lookup), symlink entries and encrypted
 *    entries (refused when read);
 *  - a member that does not come out exactly as declared in one go (size
 *    and CRC-32) is read again through libzip's counted zip_fread loop: never
 *    more than one byte past the declared size, the per-entry, per-document
 *    and ratio caps checked as bytes arrive, and nothing allocated from a
 *    size the archive declares beyond what its compressed data can inflate
 *    to. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "ingest/pkg.h"
#include "ingest/zip_int.h"
#include "util/utf8.h"

/* The ratio cap applies only to entries above 64 MiB: smaller ones are
 * bounded by memory anyway, and the XML caps must get to judge hostile
 * parts of 15-50 MiB (deep nesting, huge text) that deflate at 700-1000:1. */
#define S_RATIO_FLOOR ((uint64_t)64 << 20)
#define S_READ_STEP ((size_t)1 << 20)
#define S_NAME_MAX 1024

enum { S_F_BAD_NAME = 1, S_F_SYMLINK = 2 };

typedef struct {
	char *name;     /* as libzip reports it; a sanitised copy for bad names */
	zip_uint64_t index;
	unsigned flags;
} S_entry;

typedef struct {
	const char *name;
	size_t idx;
} S_key;

struct tl_zip {
	zip_t *za;       /* libzip's view: at open for an archive that is not plain, else
	                    only when a member needs it (S_libzip) */
	int za_tried;
	tl_zip_ent *pe;  /* a plain archive's entries (zip_cdir.c), or NULL */
	tl_zip_src src;  /* the bytes: the caller's buffer or the open file */
	int own_fd;
	char *path;      /* the file, for libzip */
	tl_limits lim;
	S_entry *ents;   /* archive order */
	size_t n;
	S_key *sorted;   /* good names, by name ignoring ASCII case */
	size_t nsorted;
	uint64_t total;  /* bytes inflated so far for this document */
};
static int S_map_zip_error(int ze, tl_error *err, const char *what)
{
	switch (ze) {
	case ZIP_ER_EXISTS:
		return tl_error_set(err, TL_EZIP_DUPLICATE_NAME, "two entries have the same name");
	case ZIP_ER_INCONS:
		return tl_error_set(err, TL_EZIP_INCONSISTENT,
		                    "ZIP central directory and local headers disagree");
	case ZIP_ER_NOZIP:
		return tl_error_set(err, TL_EZIP_CORRUPT,
		                    "not a ZIP archive or truncated (no central directory)");
	case ZIP_ER_MULTIDISK:
		return tl_error_set(err, TL_EZIP_CORRUPT, "multi-disk ZIP archives are not supported");
	case ZIP_ER_CRC:
		return tl_error_set(err, TL_EZIP_CRC, "%s: CRC-32 mismatch (damaged data)", what);
	case ZIP_ER_MEMORY:
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	case ZIP_ER_NOENT:
		return tl_error_set(err, TL_EIO, "no such file");
	case ZIP_ER_OPEN:
	case ZIP_ER_READ:
	case ZIP_ER_SEEK:
	case ZIP_ER_TELL:
		return tl_error_set(err, TL_EIO, "cannot read the file");
	case ZIP_ER_ENCRNOTSUPP:
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD:
		return tl_error_set(err, TL_EENCRYPTED,
		                    "%s is encrypted (password protected): remove the password first", what);
	case ZIP_ER_COMPNOTSUPP:
		return tl_error_set(err, TL_EZIP_CORRUPT, "%s: unsupported compression method", what);
	case ZIP_ER_ZLIB:
	case ZIP_ER_COMPRESSED_DATA:
	case ZIP_ER_EOF:
		return tl_error_set(err, TL_EZIP_CORRUPT, "%s: damaged compressed data", what);
	default: {
		zip_error_t e;
		zip_error_init_with_code(&e, ze);
		int rc = tl_error_set(err, TL_EZIP_CORRUPT, "%s: %s", what, zip_error_strerror(&e));
		zip_error_fini(&e);
		return rc;
	}
	}
}

/* Unsafe as a part name: "..", a leading "/", "\", a drive letter, control
 * characters, bidi controls, invalid UTF-8, or absurd length.  Such entries
 * are never needed by a DOCX or ODT and are kept out of every lookup. */
static int S_bad_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > S_NAME_MAX || s[0] == '/' || !tl_utf8_valid(s, n))
		return 1;
	if (n >= 2 && s[1] == ':' && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return 1;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = tl_utf8_decode(s + i, n - i, &cp);
		if (cp < 0x20 || cp == 0x7F || cp == '\\' || (cp >= 0x80 && cp < 0xA0) ||
		    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
		    cp == 0x200F)
			return 1;
		i += k;
	}
	for (const char *p = s; *p;) {
		const char *q = strchr(p, '/');
		size_t seg = q ? (size_t)(q - p) : strlen(p);
		if (seg == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += seg + (q ? 1 : 0);
	}
	return 0;
}

static int S_cmp_key(const void *a, const void *b)
{
	return strcasecmp(((const S_key *)a)->name, ((const S_key *)b)->name);
}

/* ---- open / close ---- */

/* The entries' names (from the plain walk, or from libzip), with the
 * unsafe ones kept out of the lookup; case-insensitive duplicates refused. */
static int S_index(tl_zip *z, tl_error *err)
{
	size_t n;
	if (z->pe) {
		n = z->n;
	} else {
		zip_int64_t k = zip_get_num_entries(z->za, 0);
		if (k < 0)
			return tl_error_set(err, TL_EZIP_CORRUPT, "cannot count ZIP entries");
		if ((uint64_t)k > z->lim.max_entries)
			return tl_error_set(err, TL_ELIMIT_ENTRY_COUNT,
			                    "%lld ZIP entries, more than the cap of %zu", (long long)k,
			                    z->lim.max_entries);
		n = (size_t)k;
	}
	z->n = n;
	z->ents = calloc(n ? n : 1, sizeof *z->ents);
	z->sorted = calloc(n ? n : 1, sizeof *z->sorted);
	if (!z->ents || !z->sorted)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	S_key *all = calloc(n ? n : 1, sizeof *all);
	if (!all)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		S_entry *e = &z->ents[i];
		const char *nm = z->pe ? z->pe[i].name : zip_get_name(z->za, i, ZIP_FL_ENC_RAW);
		e->index = i;
		if (!nm)
			nm = "";
		if (S_bad_name(nm)) {
			char safe[TL_ERROR_PART_MAX];
			tl_utf8_sanitize(safe, sizeof safe, nm, strlen(nm), 200);
			e->name = strdup(safe);
			e->flags |= S_F_BAD_NAME;
		} else {
			e->name = strdup(nm);
			z->sorted[z->nsorted].name = e->name;
			z->sorted[z->nsorted++].idx = i;
		}
		if (!e->name) {
			free(all);
			return tl_error_set(err, TL_ENOMEM, "out of memory");
		}
		zip_uint8_t os = 0;
		zip_uint32_t attr = 0;
		int got = 0;
		if (z->pe) {
			os = (zip_uint8_t)(z->pe[i].made_by >> 8);
			attr = z->pe[i].attr;
			got = 1;
		} else {
			got = zip_file_get_external_attributes(z->za, i, 0, &os, &attr) == 0;
		}
		if (got && os == ZIP_OPSYS_UNIX && ((attr >> 16) & S_IFMT) == S_IFLNK)
			e->flags |= S_F_SYMLINK;
		all[i].name = e->name;
		all[i].idx = i;
	}
	/* the name pointers are set only after every strdup succeeded above */
	int rc = 0;
	qsort(all, n, sizeof *all, S_cmp_key);
	qsort(z->sorted, z->nsorted, sizeof *z->sorted, S_cmp_key);
	/* duplicates, ignoring ASCII case, over every name: sorted, so O(n log n) */
	for (size_t i = 1; i < n && !rc; i++)
		if (strcasecmp(all[i].name, all[i - 1].name) == 0)
			rc = tl_error_set(err, TL_EZIP_DUPLICATE_NAME,
			                  "two entries named \"%s\" (part names ignore case)", all[i].name);
	free(all);
	return rc;
}

/* Forgets the entries (names, lookup, the plain walk's list). */
static void S_drop_entries(tl_zip *z)
{
	for (size_t i = 0; i < z->n && z->ents; i++)
		free(z->ents[i].name);
	tl_zip_ents_free(z->pe, z->n);
	free(z->ents);
	free(z->sorted);
	z->pe = NULL;
	z->ents = NULL;
	z->sorted = NULL;
	z->n = z->nsorted = 0;
}

/* libzip's view of the archive: ZIP_CHECKCONS first; when it reports an
 * inconsistency, again without it (the walk has judged the archive).  0, or
 * libzip's error code. */
static int S_libzip_open(tl_zip *z, int *relaxed)
{
	zip_error_t ze;
	zip_error_init(&ze);
	*relaxed = 0;
	for (;;) {
		int flags = ZIP_RDONLY | (*relaxed ? 0 : ZIP_CHECKCONS);
		if (z->src.mem) {
			zip_source_t *zs = zip_source_buffer_create(z->src.mem, z->src.size, 0, &ze);
			if (zs) {
				z->za = zip_open_from_source(zs, flags, &ze);
				if (!z->za)
					zip_source_free(zs);
			}
		} else {
			int zerr = 0;
			z->za = zip_open(z->path, flags, &zerr);
			if (!z->za)
				zip_error_set(&ze, zerr, errno);
		}
		if (z->za || *relaxed || zip_error_code_zip(&ze) != ZIP_ER_INCONS)
			break;
		*relaxed = 1;
		zip_error_fini(&ze);
		zip_error_init(&ze);
	}
	int code = z->za ? 0 : zip_error_code_zip(&ze);
	zip_error_fini(&ze);
	return code;
}

/* libzip's error, or why libzip itself is missing. */
static int S_libzip_error(tl_error *err, int code, const char *what)
{
	const char *why = tl_libzip_error();
	if (why)
		return tl_error_set(err, TL_EINTERNAL, "%s", why);
	return S_map_zip_error(code, err, what);
}

/* libzip's view of a plain archive, for a member it has to read: the same
 * entry, by index and name, or NULL. */
static zip_t *S_libzip(tl_zip *z, const S_entry *e)
{
	if (!z->za && !z->za_tried) {
		int relaxed;
		z->za_tried = 1;
		(void)S_libzip_open(z, &relaxed);
	}
	if (!z->za)
		return NULL;
	const char *nm = zip_get_name(z->za, e->index, ZIP_FL_ENC_RAW);
	return nm && z->pe && !strcmp(nm, z->pe[e->index].name) ? z->za : NULL;
}

int tl_zip_open(tl_zip **out, const char *name, const char *path, const void *mem, size_t len,
                const tl_limits *limits, tl_error *err)
{
	*out = NULL;
	if (err && name)
		snprintf(err->path, sizeof err->path, "%s", name);
	tl_zip *z = calloc(1, sizeof *z);
	if (!z)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	tl_limits def = TL_LIMITS_INIT;
	z->lim = limits ? *limits : def;
	z->src.fd = -1;
	int rc = 0, walk = TL_ZIP_WALK_UNKNOWN;
	if (mem) {
		z->src.mem = mem;
		z->src.size = len;
	} else if (!(z->path = strdup(path))) {
		rc = tl_error_set(err, TL_ENOMEM, "out of memory");
		goto out;
	} else if ((z->src.fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		struct stat st;
		z->own_fd = 1;
		if (fstat(z->src.fd, &st) == 0 && S_ISREG(st.st_mode))
			z->src.size = (uint64_t)st.st_size;
	}
	if (mem || z->src.size) {
		size_t np = 0;
		walk = tl_zip_walk(&z->src, z->lim.max_entries, &z->pe, &np);
		z->n = np;
	}
	if (z->pe) {
		/* plain: read here; a refusal (a duplicate name) goes to libzip,
		 * whose error for it comes first, as before */
		tl_error e2 = TL_ERROR_INIT;
		if (S_index(z, &e2) == 0)
			goto out;
		S_drop_entries(z);
	}
	int relaxed;
	int code = S_libzip_open(z, &relaxed);
	if (code) {
		rc = S_libzip_error(err, code, "archive");
		goto out;
	}
	if ((rc = S_index(z, err)) != 0)
		goto out;
	if (walk == TL_ZIP_WALK_OVERLAP)
		rc = tl_error_set(err, TL_EZIP_OVERLAP, "ZIP entries overlap (a non-recursive zip bomb)");
	else if (walk == TL_ZIP_WALK_INCONS || (relaxed && walk != TL_ZIP_WALK_OK))
		rc = tl_error_set(err, TL_EZIP_INCONSISTENT,
		                  "ZIP central directory and local headers disagree");
out:
	if (rc) {
		tl_zip_close(z);
		return rc;
	}
	*out = z;
	return 0;
}

void tl_zip_close(tl_zip *z)
{
	if (!z)
		return;
	if (z->za)
		zip_discard(z->za);
	S_drop_entries(z);
	if (z->own_fd)
		close(z->src.fd);
	free(z->path);
	free(z);
}

static S_entry *S_find(tl_zip *z, const char *member)
{
	if (!member)
		return NULL;
	while (*member == '/')
		member++;
	size_t lo = 0, hi = z->nsorted;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcasecmp(member, z->sorted[mid].name);
		if (c == 0)
			return &z->ents[z->sorted[mid].idx];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int tl_zip_has(tl_zip *z, const char *member) { return S_find(z, member) != NULL; }
int tl_zip_plain(const tl_zip *z) { return z->pe != NULL; }
const tl_limits *tl_zip_limits(tl_zip *z) { return &z->lim; }
uint64_t tl_zip_inflated(tl_zip *z) { return z->total; }
void tl_zip_set_inflated(tl_zip *z, uint64_t total) { z->total = total; }
size_t tl_zip_count(tl_zip *z) { return z->n; }
const char *tl_zip_name(tl_zip *z, size_t i) { return i < z->n ? z->ents[i].name : NULL; }

/* The buffer a member is inflated into, sized once from the declared size
 * when the compressed data can hold that much (deflate expands at most
 * 1032:1, stored data not at all), so a lying header cannot make it large;
 * otherwise (0) it grows as bytes arrive.  Two bytes more than declared: the
 * read asks for one byte past the end, and the NUL. */
static size_t S_first_size(uint64_t declared, uint64_t comp, int method)
{
	uint64_t most = method == ZIP_CM_STORE ? comp : method == ZIP_CM_DEFLATE ? comp * 1032 + 1024 : 0;
	if (comp > ((uint64_t)1 << 40) || declared > most || declared > SIZE_MAX - 2)
		return 0;
	return (size_t)declared + 2;
}

/* Faults the pages of a large buffer in with one call instead of one trap
 * per 4 KiB page as the inflate writes them (page faults are expensive on
 * virtual machines).  Best effort: older kernels refuse it. */
static void S_prefault(char *buf, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	const uintptr_t page = 4096;
	if (!buf || n < ((size_t)256 << 10))
		return;
	uintptr_t a = ((uintptr_t)buf + page - 1) & ~(page - 1), e = ((uintptr_t)buf + n) & ~(page - 1);
	if (e > a)
		(void)madvise((void *)a, e - a, MADV_POPULATE_WRITE);
#else
	(void)buf, (void)n;
#endif
}

/* The member's raw deflate stream inflated in one go (zip_inflate.c): 1 when
 * it came out exactly as declared, size and CRC; 0 for anything else,
 * after which the member is read through libzip as before. */
static int S_read_quick(tl_zip *z, const S_entry *e, uint64_t comp, uint32_t crc, char *out,
                        size_t declared)
{
	/* deflate never grows data by more than a few bytes per 16 KiB block: a
	 * larger compressed size is a lie, and the buffer below stays capped by
	 * the declared size, which the caps have judged */
	if (comp > (uint64_t)declared + declared / 1024 + 1024)
		return 0;
	zip_file_t *raw = zip_fopen_index(z->za, e->index, ZIP_FL_COMPRESSED);
	if (!raw)
		return 0;
	unsigned char *in = malloc((size_t)comp + 1);
	uint64_t got = 0;
	while (in && got <= comp) { /* one byte more than stated: a longer stream shows */
		zip_int64_t k = zip_fread(raw, in + got, comp + 1 - got);
		if (k <= 0)
			break;
		got += (uint64_t)k;
	}
	zip_fclose(raw);
	int ok = in && got == comp && tl_zip_inflate_exact(in, (size_t)comp, out, declared, crc);
	free(in);
	return ok;
}

/* A plain archive's member (zip_cdir.c) read from its offset: stored data
 * copied, deflated data inflated in one go; 1 when it came out exactly as
 * declared, size and CRC, else 0 (then libzip reads it and says what is
 * wrong).  The walk has placed the data inside the file. */
static int S_read_plain(const tl_zip *z, const tl_zip_ent *pe, char *out, size_t declared)
{
	uint64_t comp = pe->comp;
	if (pe->method == 0) {
		if (comp != declared || tl_zip_src_at(&z->src, pe->data, out, (size_t)comp))
			return 0;
		return tl_zip_crc32(0, (const unsigned char *)out, declared) == pe->crc;
	}
	if (pe->method != 8 || comp > (uint64_t)declared + declared / 1024 + 1024 ||
	    comp > z->src.size || pe->data > z->src.size - comp)
		return 0;
	if (z->src.mem)
		return tl_zip_inflate_exact(z->src.mem + pe->data, (size_t)comp, out, declared, pe->crc);
	unsigned char *in = malloc((size_t)comp + 1);
	int ok = in && !tl_zip_src_at(&z->src, pe->data, in, (size_t)comp) &&
	         tl_zip_inflate_exact(in, (size_t)comp, out, declared, pe->crc);
	free(in);
	return ok;
}

static int S_read_fail(zip_file_t *zf, char *buf, int rc)
{
	if (zf)
		zip_fclose(zf);
	free(buf);
	return rc;
}

int tl_zip_read(tl_zip *z, const char *member, int required, char **data, size_t *len,
                tl_error *err)
{
	*data = NULL;
	*len = 0;
	S_entry *e = S_find(z, member);
	if (!e) {
		if (!required)
			return 1;
		if (err)
			tl_utf8_sanitize(err->part, sizeof err->part, member ? member : "",
			                 member ? strlen(member) : 0, 200);
		return tl_error_set(err, TL_EPKG_MISSING_PART, "required part %s is missing", member);
	}
	if (err)
		snprintf(err->part, sizeof err->part, "%s", e->name);
	if (e->flags & S_F_SYMLINK)
		return tl_error_set(err, TL_EPKG_SYMLINK, "entry is a symbolic link; it is never followed");
	const tl_zip_ent *pe = z->pe ? &z->pe[e->index] : NULL;
	uint64_t declared, comp;
	int method;
	uint32_t crc = 0;
	int have_crc;
	if (pe) { /* stored or deflated, not encrypted: the walk saw to it */
		declared = pe->usize;
		comp = pe->comp;
		method = pe->method;
		crc = pe->crc;
		have_crc = 1;
	} else {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(z->za, e->index, 0, &st) != 0)
			return S_map_zip_error(zip_error_code_zip(zip_get_error(z->za)), err, "entry");
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
			return tl_error_set(err, TL_EENCRYPTED,
			                    "entry is encrypted (password protected): remove the password first");
		if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
			return tl_error_set(err, TL_EZIP_CORRUPT, "entry has no size in the central directory");
		declared = st.size;
		comp = st.comp_size;
		method = (st.valid & ZIP_STAT_COMP_METHOD) ? st.comp_method : -1;
		have_crc = (st.valid & ZIP_STAT_CRC) != 0;
		crc = have_crc ? st.crc : 0;
	}
	if (declared > z->lim.max_entry_size)
		return tl_error_set(err, TL_ELIMIT_ENTRY_SIZE,
		                    "entry declares %llu bytes uncompressed, above the cap of %zu",
		                    (unsigned long long)declared, z->lim.max_entry_size);
	if (declared > z->lim.max_total_size - (z->total < z->lim.max_total_size ? z->total : z->lim.max_total_size))
		return tl_error_set(err, TL_ELIMIT_TOTAL_SIZE,
		                    "document inflates to more than the cap of %zu bytes",
		                    z->lim.max_total_size);
	if (z->lim.max_ratio && declared > S_RATIO_FLOOR && declared / (comp ? comp : 1) > z->lim.max_ratio)
		return tl_error_set(err, TL_ELIMIT_ENTRY_SIZE,
		                    "entry compression ratio %llu:1 is above the cap of %u:1",
		                    (unsigned long long)(declared / (comp ? comp : 1)), z->lim.max_ratio);
	if (method >= 0 && !pe && !zip_compression_method_supported(method, 0))
		return tl_error_set(err, TL_EZIP_CORRUPT, "unsupported compression method %u",
		                    (unsigned)method);
	zip_file_t *zf = NULL;
	zip_t *za = z->za;
	if (!pe && !(zf = zip_fopen_index(za, e->index, 0)))
		return S_map_zip_error(zip_error_code_zip(zip_get_error(za)), err, "entry");
	size_t alloc = S_first_size(declared, comp, method);
	char *buf = alloc ? malloc(alloc) : NULL;
	if (alloc && !buf)
		return S_read_fail(zf, buf, tl_error_set(err, TL_ELIMIT_MEMORY, "out of memory"));
	S_prefault(buf, alloc);
	if (alloc && (pe ? S_read_plain(z, pe, buf, (size_t)declared)
	                 : method == ZIP_CM_DEFLATE && have_crc &&
	                       S_read_quick(z, e, comp, crc, buf, (size_t)declared))) {
		if (zf)
			zip_fclose(zf);
		buf[declared] = '\0';
		z->total += declared;
		*data = buf;
		*len = (size_t)declared;
		return 0;
	}
	if (pe) {
		/* not as declared: libzip reads it the careful way and names the fault */
		if (!(za = S_libzip(z, e)))
			return S_read_fail(zf, buf,
			                   tl_libzip_error() ? tl_error_set(err, TL_EINTERNAL, "%s", tl_libzip_error())
			                                     : tl_error_set(err, TL_EZIP_CORRUPT,
			                                                    "entry: damaged compressed data"));
		if (!(zf = zip_fopen_index(za, e->index, 0)))
			return S_read_fail(zf, buf, S_map_zip_error(zip_error_code_zip(zip_get_error(za)), err,
			                                            "entry"));
	}
	uint64_t count = 0;
	for (;;) {
		/* ask for one byte more than declared, so a lying header shows */
		uint64_t want = declared - count + 1;
		if (want > S_READ_STEP)
			want = S_READ_STEP;
		if (count + want + 1 > alloc) {
			size_t na = alloc ? alloc : 64 << 10;
			while (na < count + want + 1)
				na *= 2;
			char *nb = realloc(buf, na);
			if (!nb)
				return S_read_fail(zf, buf, tl_error_set(err, TL_ELIMIT_MEMORY, "out of memory"));
			buf = nb;
			alloc = na;
		}
		zip_int64_t got = zip_fread(zf, buf + count, want);
		if (got < 0)
			return S_read_fail(zf, buf,
			                   S_map_zip_error(zip_error_code_zip(zip_file_get_error(zf)), err, "entry"));
		if (got == 0)
			break;
		count += (uint64_t)got;
		if (count > declared)
			return S_read_fail(zf, buf,
			                   tl_error_set(err, TL_EZIP_SIZE_MISMATCH,
			                                "entry inflates past its declared size of %llu bytes",
			                                (unsigned long long)declared));
		if (z->total + count > z->lim.max_total_size)
			return S_read_fail(zf, buf,
			                   tl_error_set(err, TL_ELIMIT_TOTAL_SIZE,
			                                "document inflates to more than the cap of %zu bytes",
			                                z->lim.max_total_size));
	}
	zip_fclose(zf);
	if (count != declared) {
		free(buf);
		return tl_error_set(err, TL_EZIP_SIZE_MISMATCH,
		                    "entry inflates to %llu bytes but declares %llu",
		                    (unsigned long long)count, (unsigned long long)declared);
	}
	if (!buf) {
		buf = malloc(1);
		if (!buf)
			return tl_error_set(err, TL_ELIMIT_MEMORY, "out of memory");
	}
	buf[count] = '\0';
	z->total += count;
	*data = buf;
	*len = (size_t)count;
	return 0;
}
