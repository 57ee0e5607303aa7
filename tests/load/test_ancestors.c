/* test_ancestors: each concept's ancestors (tl_concept.anc: itself, then
 * every concept that includes it, transitively) in the order of the
 * depth-first walk that scans the concepts' include lists in index order.
 * The loader builds the reverse lists first (build_concepts.c); this checks the
 * result against that plain walk on the built-in ruleset. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "rules/rules.h"

static uint32_t S_walk(const tl_ruleset *rs, uint32_t i, int32_t *out, int32_t *stack, uint8_t *seen)
{
	uint32_t n = rs->nconcepts, na = 0, sp = 0;
	memset(seen, 0, n);
	stack[sp++] = (int32_t)i;
	seen[i] = 1;
	while (sp) {
		int32_t c = stack[--sp];
		if (na < 256)
			out[na++] = c;
		for (uint32_t j = 0; j < n; j++) {
			if (seen[j])
				continue;
			for (uint32_t k = 0; k < rs->concepts[j].ninc; k++)
				if (rs->concepts[j].inc[k] == c) {
					seen[j] = 1;
					stack[sp++] = (int32_t)j;
					break;
				}
		}
	}
	return na;
}

int main(void)
{
	tl_ruleset *rs = NULL;
	tl_diag diag = {0};
	tl_error err = {0};
	T_INT(tl_rules_load(&rs, NULL, &diag, &err), 0);
	if (!rs)
		return T_DONE();
	uint32_t n = rs->nconcepts, bad = 0, deep = 0;
	int32_t *want = malloc(256 * sizeof *want), *stack = malloc(n * sizeof *stack);
	uint8_t *seen = malloc(n);
	for (uint32_t i = 0; want && stack && seen && i < n; i++) {
		uint32_t na = S_walk(rs, i, want, stack, seen);
		deep += na > 1;
		if (na != rs->concepts[i].nanc || memcmp(want, rs->concepts[i].anc, na * sizeof *want)) {
			bad++;
			fprintf(stderr, "concept %s: %u ancestors, want %u\n", rs->concepts[i].name,
			        rs->concepts[i].nanc, na);
		}
	}
	T_OK(deep >= 5, "%u concepts included by others", deep);
	T_INT(bad, 0);
	free(want);
	free(stack);
	free(seen);
	tl_ruleset_free(rs);
	return T_DONE();
}
