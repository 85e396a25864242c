/* taisaku: system-model profiles (システムモデル別セキュリティ対策基準).
 *
 * A profile (docs/profiles.en.md, format `taisaku-profile/1`) is a named
 * starting plan for one kind of system: the system's target strength level S,
 * the importance of requirements and the ±1 target overrides, each choice
 * with its reason (MODEL.md §4 and §7, seed 002 §6.3). `taisaku plan
 * --profile` writes an assessment from it; tk_profile_diff says where an
 * assessment departs from it. Profiles live in catalogs/profiles/. */
#ifndef TAISAKU_PROFILE_H
#define TAISAKU_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "taisaku/assessment.h"
#include "taisaku/catalog.h"
#include "taisaku/error.h"

#define TK_PROFILE_FORMAT "taisaku-profile/1"

typedef struct tk_profile {
	const char *path;
	const char *id, *title_ja, *title_en;
	const char *description_ja;  /* the system image, verbatim from the seed */
	const char *source;          /* where the description stands (seed, lines) */
	const char *judgment_ja;     /* what in the profile is taisaku's judgment */
	const tk_catalog *catalog;
	int level;                   /* S, 2..5 */
	const char *level_reason;
	/* Per requirement, indexed like catalog->requirements. */
	tk_importance *importance;   /* general unless given */
	const char **importance_reason; /* NULL where not given */
	int *override_level;         /* 0 = none */
	const char **override_reason;
	size_t n_importance, n_overrides;
	tk_arena *arena;
} tk_profile;

/* Loads a profile strictly: unknown keys, unknown requirements, a missing
 * reason, an override of more than one level or outside 2..5 are errors that
 * name the file, line, column and key. The catalog comes from resolve. */
tk_status tk_profile_load_buffer(const char *name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_profile **out, tk_error *err);
tk_status tk_profile_load_file(const char *path, tk_catalog_resolver resolve, void *ctx,
	tk_profile **out, tk_error *err);
void tk_profile_free(tk_profile *p);

/* The derived target of requirement i (table 4-4), then with the override. */
int tk_profile_target(const tk_profile *p, size_t i);

/* Profiles are catalogs/profiles/NAME.yaml beside the catalogs, and
 * DIR/profiles/NAME.yaml for a --catalog-dir DIR (which hides the built-in). */
tk_status tk_profile_dir_list(const char *extra_dir, tk_catalog_entry **out, size_t *n, tk_error *err);
tk_status tk_profile_resolve(const char *name, const char *extra_dir, char *path, size_t size,
	tk_error *err);

/* ---- where an assessment departs from a profile ---- */

typedef enum tk_profile_change {
	TK_PD_IMPORTANCE = 1 << 0,   /* the importance differs */
	TK_PD_OVERRIDE = 1 << 1,     /* the override differs (added, removed or another level) */
	TK_PD_TARGET = 1 << 2,       /* the resulting target differs */
} tk_profile_change;

typedef struct tk_profile_departure {
	size_t requirement;          /* index into catalog->requirements */
	unsigned changes;            /* tk_profile_change bits */
	tk_importance profile_importance, plan_importance;
	int profile_override, plan_override; /* 0 = none */
	int profile_target, plan_target;
} tk_profile_departure;

typedef struct tk_profile_diff {
	bool level_differs;
	int profile_level, plan_level;
	size_t n;                    /* departures in importance or override, in catalog order */
	tk_profile_departure *v;
	size_t n_targets_differ;     /* requirements whose resulting target differs (for any
	                              * reason, the system level included) */
} tk_profile_diff;

/* Compares an assessment with a profile of the same catalog (else
 * TK_EINPUT). A requirement departs when its importance or its override
 * differs; a target that differs only because the system level does is
 * counted in n_targets_differ, not listed. Free with tk_profile_diff_free. */
tk_status tk_profile_diff_compute(const tk_profile *p, const tk_assessment *a, tk_profile_diff *out,
	tk_error *err);
void tk_profile_diff_free(tk_profile_diff *d);

#endif
