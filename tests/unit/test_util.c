/* Unit tests for src/util: arena, buffer caps, UTF-8, error formatting. */
#include <stdlib.h>

#include "harness.h"
#include "tenderlint.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

static void test_arena(void)
{
	tl_arena a;
	tl_arena_init(&a, 1000);
	char *s = tl_arena_strdup(&a, "hello");
	T_STR(s, "hello");
	T_OK(tl_arena_alloc(&a, 2000) == NULL, "cap must refuse");
	for (int i = 0; i < 10; i++)
		T_OK(tl_arena_alloc(&a, 16) != NULL, "small allocs fit");
	tl_arena_free(&a);
	tl_arena_init(&a, 0);
	for (int i = 0; i < 1000; i++)
		(void)tl_arena_alloc(&a, 1000);
	T_OK(a.used_total >= 1000000, "uncapped arena grows");
	tl_arena_free(&a);
}

static void test_buf(void)
{
	tl_buf b = TL_BUF_INIT(10);
	T_INT(tl_buf_puts(&b, "12345"), 0);
	T_INT(tl_buf_printf(&b, "%d", 6789), 0);
	T_STR(b.data, "123456789");
	T_INT(tl_buf_puts(&b, "ab"), TL_ELIMIT_TEXT);
	T_STR(b.data, "123456789");
	tl_buf_free(&b);
}

static void test_utf8(void)
{
	char out[64];
	const char bidi[] = "a\xE2\x80\xAE" "b\x01" "c";
	tl_utf8_sanitize(out, sizeof out, bidi, sizeof bidi - 1, 200);
	T_STR(out, "a\\u{202E}b\\u{0001}c");
	tl_utf8_sanitize(out, sizeof out, "abcdefgh", 8, 4);
	T_STR(out, "abcd...");
	T_OK(tl_utf8_valid("\xC3\xA9", 2), "é valid");
	T_OK(!tl_utf8_valid("\xC0\xAF", 2), "overlong invalid");
	T_OK(!tl_utf8_valid("\xED\xA0\x80", 3), "surrogate invalid");
}

static void test_error(void)
{
	tl_error e = TL_ERROR_INIT;
	snprintf(e.path, sizeof e.path, "contract.docx");
	snprintf(e.part, sizeof e.part, "word/document.xml");
	e.para = 212;
	tl_error_set(&e, TL_EXML_PARSE, "unexpected end");
	char buf[512];
	tl_error_format(&e, buf, sizeof buf);
	T_STR(buf, "contract.docx: word/document.xml, paragraph 212: unexpected end [E_XML_PARSE]");
	T_STR(tl_code_name(TL_EZIP_CRC), "E_ZIP_CRC");
}

int main(void)
{
	test_arena();
	test_buf();
	test_utf8();
	test_error();
	return T_DONE();
}
