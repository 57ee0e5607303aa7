/* zip_dl.c: libzip, loaded when it is first needed.
 *
 * Reading a well-formed package needs no libzip (zip.c reads the central
 * directory and inflates with zlib itself); libzip reads the packages that
 * are not plain (encrypted, ZIP64, damaged: its checks and its errors) and
 * writes the redlined package.  Linked as a shared library it cost every
 * start about 0.85 ms: the dynamic loader mapped libzip with libcrypto,
 * libbz2 and libzstd and resolved libcrypto's 4,200 symbols before `main`
 * (docs/dependencies.md).  So the functions of <zip.h> that tenderlint and
 * its tests call are defined here: each loads libzip once (dlopen of the
 * soname the build found, TL_LIBZIP_SONAME) and calls its function.  When
 * libzip cannot be loaded, the calls fail the way libzip reports a failure
 * (NULL, -1, ZIP_ER_INTERNAL) and tl_libzip_error() says why. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <zip.h>

#include "ingest/zip_int.h"

#ifndef TL_LIBZIP_SONAME
#define TL_LIBZIP_SONAME "libzip.so.4"
#endif

/* X(return type, name, parameters, arguments, value when libzip is missing) */
#define S_FUNCS(X)                                                                                  \
	X(int, zip_close, (zip_t * a), (a), -1)                                                     \
	X(zip_error_t *, zip_get_error, (zip_t * a), (a), &S_none)                                  \
	X(const char *, zip_error_strerror, (zip_error_t * a), (a), S_why)                          \
	X(int, zip_fclose, (zip_file_t * a), (a), -1)                                               \
	X(zip_int64_t, zip_file_add, (zip_t * a, const char *b, zip_source_t *c, zip_flags_t d),    \
	  (a, b, c, d), -1)                                                                         \
	X(zip_error_t *, zip_file_get_error, (zip_file_t * a), (a), &S_none)                        \
	X(int, zip_file_get_external_attributes,                                                    \
	  (zip_t * a, zip_uint64_t b, zip_flags_t c, zip_uint8_t *d, zip_uint32_t *e), (a, b, c, d, e), \
	  -1)                                                                                       \
	X(int, zip_file_replace, (zip_t * a, zip_uint64_t b, zip_source_t *c, zip_flags_t d),       \
	  (a, b, c, d), -1)                                                                         \
	X(int, zip_file_set_mtime, (zip_t * a, zip_uint64_t b, time_t c, zip_flags_t d), (a, b, c, d), \
	  -1)                                                                                       \
	X(zip_file_t *, zip_fopen_index, (zip_t * a, zip_uint64_t b, zip_flags_t c), (a, b, c), NULL) \
	X(zip_int64_t, zip_fread, (zip_file_t * a, void *b, zip_uint64_t c), (a, b, c), -1)         \
	X(const char *, zip_get_name, (zip_t * a, zip_uint64_t b, zip_flags_t c), (a, b, c), NULL)  \
	X(zip_int64_t, zip_get_num_entries, (zip_t * a, zip_flags_t b), (a, b), -1)                 \
	X(zip_int64_t, zip_name_locate, (zip_t * a, const char *b, zip_flags_t c), (a, b, c), -1)   \
	X(int, zip_set_file_compression, (zip_t * a, zip_uint64_t b, zip_int32_t c, zip_uint32_t d), \
	  (a, b, c, d), -1)                                                                         \
	X(zip_source_t *, zip_source_buffer, (zip_t * a, const void *b, zip_uint64_t c, int d),     \
	  (a, b, c, d), NULL)                                                                       \
	X(int, zip_source_close, (zip_source_t * a), (a), -1)                                       \
	X(int, zip_source_open, (zip_source_t * a), (a), -1)                                        \
	X(zip_int64_t, zip_source_read, (zip_source_t * a, void *b, zip_uint64_t c), (a, b, c), -1) \
	X(int, zip_source_stat, (zip_source_t * a, zip_stat_t *b), (a, b), -1)                      \
	X(int, zip_stat_index, (zip_t * a, zip_uint64_t b, zip_flags_t c, zip_stat_t *d),           \
	  (a, b, c, d), -1)                                                                         \
	X(const char *, zip_strerror, (zip_t * a), (a), S_why)                                      \
	X(int, zip_compression_method_supported, (zip_int32_t a, int b), (a, b), 0)

/* the calls with an error argument to fill, or nothing to return */
#define S_FUNCS_SPECIAL(X)                                                                          \
	X(void, zip_discard, (zip_t * a))                                                           \
	X(void, zip_source_free, (zip_source_t * a))                                                \
	X(void, zip_source_keep, (zip_source_t * a))                                                \
	X(void, zip_stat_init, (zip_stat_t * a))                                                    \
	X(int, zip_error_code_zip, (const zip_error_t *a))                                          \
	X(void, zip_error_fini, (zip_error_t * a))                                                  \
	X(void, zip_error_init, (zip_error_t * a))                                                  \
	X(void, zip_error_init_with_code, (zip_error_t * a, int b))                                 \
	X(void, zip_error_set, (zip_error_t * a, int b, int c))                                     \
	X(zip_t *, zip_open, (const char *a, int b, int *c))                                        \
	X(zip_t *, zip_open_from_source, (zip_source_t * a, int b, zip_error_t *c))                 \
	X(zip_source_t *, zip_source_buffer_create,                                                 \
	  (const void *a, zip_uint64_t b, int c, zip_error_t *d))

static struct {
#define S_PTR(ret, name, params, ...) ret(*name) params;
	S_FUNCS(S_PTR)
	S_FUNCS_SPECIAL(S_PTR)
#undef S_PTR
} S_f;

static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static int S_ok;
static char S_why[320] = "libzip is not loaded";
static zip_error_t S_none = {ZIP_ER_INTERNAL, 0, NULL};

static void S_load(void)
{
	void *h = dlopen(TL_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		snprintf(S_why, sizeof S_why, "libzip (%s) cannot be loaded: %s", TL_LIBZIP_SONAME,
		         e ? e : "unknown error");
		return;
	}
	int ok = 1;
#define S_SYM(ret, name, ...)                                                                      \
	if (ok && !(*(void **)&S_f.name = dlsym(h, #name))) {                                        \
		snprintf(S_why, sizeof S_why, "libzip (%s) lacks %s", TL_LIBZIP_SONAME, #name);         \
		ok = 0;                                                                               \
	}
	S_FUNCS(S_SYM)
	S_FUNCS_SPECIAL(S_SYM)
#undef S_SYM
	if (!ok) {
		dlclose(h);
		return;
	}
	S_ok = 1; /* never closed: its objects live as long as the process */
}

static int S_ready(void)
{
	(void)pthread_once(&S_once, S_load);
	return S_ok;
}

const char *tl_libzip_error(void) { return S_ready() ? NULL : S_why; }
int tl_libzip_loaded(void) { return S_ok; }

#define S_DEF(ret, name, params, args, fail)                                                      \
	ret name params { return S_ready() ? S_f.name args : (fail); }
S_FUNCS(S_DEF)
#undef S_DEF

void zip_discard(zip_t *a)
{
	if (S_ready())
		S_f.zip_discard(a);
}
void zip_source_free(zip_source_t *a)
{
	if (S_ready())
		S_f.zip_source_free(a);
}
void zip_source_keep(zip_source_t *a)
{
	if (S_ready())
		S_f.zip_source_keep(a);
}
void zip_stat_init(zip_stat_t *a)
{
	if (S_ready())
		S_f.zip_stat_init(a);
	else
		*a = (zip_stat_t){0};
}

/* zip_error_t is a public structure: without libzip these four work on it directly */
int zip_error_code_zip(const zip_error_t *a) { return S_ready() ? S_f.zip_error_code_zip(a) : a->zip_err; }
void zip_error_fini(zip_error_t *a)
{
	if (S_ready())
		S_f.zip_error_fini(a);
}
void zip_error_init(zip_error_t *a)
{
	if (S_ready())
		S_f.zip_error_init(a);
	else
		*a = (zip_error_t){ZIP_ER_OK, 0, NULL};
}
void zip_error_init_with_code(zip_error_t *a, int b)
{
	if (S_ready())
		S_f.zip_error_init_with_code(a, b);
	else
		*a = (zip_error_t){b, 0, NULL};
}
void zip_error_set(zip_error_t *a, int b, int c)
{
	if (S_ready())
		S_f.zip_error_set(a, b, c);
	else if (a)
		*a = (zip_error_t){b, c, NULL};
}

zip_t *zip_open(const char *a, int b, int *c)
{
	if (S_ready())
		return S_f.zip_open(a, b, c);
	if (c)
		*c = ZIP_ER_INTERNAL;
	return NULL;
}
zip_t *zip_open_from_source(zip_source_t *a, int b, zip_error_t *c)
{
	if (S_ready())
		return S_f.zip_open_from_source(a, b, c);
	if (c)
		*c = (zip_error_t){ZIP_ER_INTERNAL, 0, NULL};
	return NULL;
}
zip_source_t *zip_source_buffer_create(const void *a, zip_uint64_t b, int c, zip_error_t *d)
{
	if (S_ready())
		return S_f.zip_source_buffer_create(a, b, c, d);
	if (d)
		*d = (zip_error_t){ZIP_ER_INTERNAL, 0, NULL};
	return NULL;
}
