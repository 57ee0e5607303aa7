/* Unit tests for a context's "none" concepts (src/rules/contexts.c, build.c):
 * a sentence that mentions one of them, anywhere, sets no tag, so the
 * vendor's programming tools ("AI-programmeerassistenten", "AI coding
 * assistants") are no algorithm the contract is about, while an AI model
 * it delivers still is (s8 ask 19).  Dutch and English. */
#include <stdlib.h>
#include <string.h>

#include "context_fixture.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

#include "cJSON.h"

static const char S_ruleset[] =
    "{\"id\": \"ctx-none\",\n"
    " \"concepts\": {\n"
    "  \"ai\": {\"nl\": [\"\\\"AI\\\"\", \"algoritme\"], \"en\": [\"\\\"AI\\\"\", \"algorithm\"]},\n"
    "  \"dev-tooling\": {\"nl\": [\"programmeerassistent*\", \"ontwikkeltools\"],\n"
    "                  \"en\": [\"coding assistant*\", \"developer tools\"]},\n"
    "  \"camera\": {\"nl\": [\"camera\"], \"en\": [\"camera\"]}},\n"
    " \"contexts\": {\n"
    "  \"algorithms\": {\"any\": [\"ai\"], \"none\": [\"dev-tooling\"]},\n"
    "  \"sensors\": {\"any\": [\"camera\"]}},\n"
    " \"rules\": []}\n";

static void test_none(const tl_ruleset *rs)
{
	/* the vendor's tools: the sentence sets nothing */
	T_OK(!fx_has_context(rs,
	                     "Het gebruik van AI-programmeerassistenten is toegestaan, mits de aanbieder daarvan de "
	                     "invoer niet bewaart en niet voor training gebruikt.\n",
	                     "algorithms"),
	     "nl: AI programming assistants are no algorithm the contract is about");
	T_OK(!fx_has_context(rs,
	                     "The Supplier may use AI coding assistants, provided that their provider does not keep "
	                     "the input.\n",
	                     "algorithms"),
	     "en: AI coding assistants");
	/* without the tooling words the same mention counts */
	T_OK(fx_has_context(rs, "Opdrachtnemer levert een AI-model dat aanvragen sorteert.\n", "algorithms"),
	     "nl: an AI model the vendor delivers");
	T_OK(fx_has_context(rs, "The Supplier delivers an AI model that sorts the applications.\n", "algorithms"),
	     "en: an AI model the vendor delivers");
	/* only the sentence with the tooling words is left out */
	T_OK(fx_has_context(rs,
	                    "Het gebruik van AI-programmeerassistenten is toegestaan.\n\nOpdrachtnemer levert een "
	                    "algoritme dat aanvragen sorteert.\n",
	                    "algorithms"),
	     "nl: another sentence of the document still counts");
	/* a context without "none" is not affected, also in the same sentence */
	T_OK(fx_has_context(rs, "The Supplier installs a camera and may use AI coding assistants.\n", "sensors"),
	     "en: the cancelling concept cancels only its own context");
}

static void test_lint(void)
{
	const char *p = fx_tmp_write("bad.json",
	                             "{\"id\": \"x\", \"concepts\": {\"ai\": {\"en\": [\"ai\"]}},\n"
	                             " \"contexts\": {\"algorithms\": {\"any\": [\"ai\"], \"none\": [\"nope\"]}},\n"
	                             " \"rules\": []}\n");
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_ruleset_load(&rs, p, &err), TL_ERULESET);
	T_INT(err.line, 2);
	T_OK(strstr(err.message, "unknown concept 'nope'") != NULL, "message: %s", err.message);
	tl_ruleset_free(rs);
}

int main(void)
{
	if (fx_tmp_open("ctxnone"))
		return 1;
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	const char *p = fx_tmp_write("ctx.json", S_ruleset);
	if (!p || tl_ruleset_load(&rs, p, &err) != 0) {
		T_OK(0, "load: %s", err.message);
	} else {
		test_none(rs);
	}
	tl_ruleset_free(rs);
	test_lint();
	fx_tmp_remove();
	return T_DONE();
}
