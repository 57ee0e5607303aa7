/* snapshot.h: the built-in ruleset as the check loads it, compiled at build
 * time (src/rules/gen/snapshot_gen.c) and mapped at run time (snapshot.c).
 *
 * The generator loads the built-in ruleset for checking
 * (tl_ruleset_load_for_check) with every allocation in one region at a
 * fixed address, TL_RS_SNAP_BASE, and writes the region's bytes: the
 * ruleset with its arenas, cJSON trees, term index and all.  A check maps
 * those bytes back at the same address, so every pointer in them is right
 * as it stands: nothing is parsed, compiled, copied or relocated.  The
 * generator refuses to write an image holding a pointer out of the region
 * (into its own program, stack or heap); the image is then empty and the
 * check loads the JSON as before, as it does when the address is taken. */
#ifndef TL_RULES_SNAPSHOT_H
#define TL_RULES_SNAPSHOT_H

#include <stdint.h>

#include "rules/rules.h"

/* Far from where Linux puts a program (0x55..., 0x56...), its heap and its
 * mappings (0x7f...), and above AddressSanitizer's shadow memory. */
#define TL_RS_SNAP_BASE ((uintptr_t)0x3e5400000000ull)
/* The generator's region: address space only (MAP_NORESERVE). */
#define TL_RS_SNAP_CAP ((uintptr_t)1 << 30)
#define TL_RS_SNAP_PAGE 4096u

/* At the start of the image (the region's first page). */
typedef struct tl_rs_snap_hdr {
	char magic[8];     /* "TLRSNAP1" */
	uint64_t base;     /* TL_RS_SNAP_BASE: where it must be mapped */
	uint64_t size;     /* bytes of the image, a multiple of TL_RS_SNAP_PAGE */
	uint64_t rs;       /* offset of the tl_ruleset */
	uint64_t layout;   /* sizeof (tl_ruleset) << 32 | sizeof (tl_rule): the same build */
} tl_rs_snap_hdr;

#define TL_RS_SNAP_LAYOUT ((uint64_t)sizeof(tl_ruleset) << 32 | (uint64_t)sizeof(tl_rule))

/* The built-in ruleset loaded for checking, from the image the program
 * links (generated/tl_snapshot.c), mapped on first use and shared by every
 * later call of the process (and of its forked children); NULL when the
 * program links none, it is empty, its address is taken, or the
 * environment says TL_RULESET_SNAPSHOT=0 (tests compare both paths).
 * Thread-safe.  tl_ruleset_free leaves it alone (tl_ruleset.snapshot). */
tl_ruleset *tl_rs_snapshot_map(void);

/* tl_ruleset_load_for_check of the built-in ruleset without the image: what
 * the image holds, loaded from the JSON now (ruleset.c; for the test that
 * compares both). */
int tl_rules_load_check_json(tl_ruleset **out, tl_error *err);

#endif
