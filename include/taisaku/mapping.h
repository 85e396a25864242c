/* taisaku: mappings from a compliance catalog to ECOM, projection and coverage.
 *
 * A mapping file (catalogs/mappings/<catalog-id>.yaml, format
 * taisaku-mapping/1, docs/mappings.en.md) says for every item of a
 * compliance catalog which ECOM requirements cover it and how (relation), or
 * that none does and why. It is taisaku's judgment, not seed text.
 *
 * With it, an organisation that rated itself once on the ECOM model sees
 * where it stands against the other standard (projection, MODEL.md §8), and
 * a reader sees how much of one catalog another covers (coverage). */
#ifndef TAISAKU_MAPPING_H
#define TAISAKU_MAPPING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "taisaku/assessment.h"
#include "taisaku/catalog.h"
#include "taisaku/error.h"

#define TK_MAPPING_FORMAT "taisaku-mapping/1"

/* The item relative to the mapped ECOM requirement set; NONE: no counterpart. */
typedef enum tk_relation {
	TK_REL_EQUAL = 0, TK_REL_SUBSET, TK_REL_SUPERSET, TK_REL_INTERSECT, TK_REL_NONE
} tk_relation;
#define TK_RELATIONS 5

typedef struct tk_map_entry {
	tk_relation relation;
	size_t n_to;
	uint32_t *to;             /* indices into the ECOM catalog's requirements */
	const char *rationale_ja; /* the rationale, or with TK_REL_NONE the reason */
	int line;                 /* where the entry stands in the file */
} tk_map_entry;

typedef struct tk_mapping {
	const char *path;
	const tk_catalog *from;   /* the compliance catalog */
	const tk_catalog *to;     /* the ECOM catalog */
	tk_map_entry *entries;    /* indexed like from->requirements; every item has one */
	tk_arena *arena;
} tk_mapping;

/* Loads a mapping strictly: unknown keys, an item the `from` catalog does not
 * have, an item missing or given twice, or a `to` ID that ECOM does not have
 * are errors with file, line, column, key and a did-you-mean. Both catalogs
 * must outlive the mapping. */
tk_status tk_mapping_load_buffer(const char *name, const char *data, size_t len,
	const tk_catalog *from, const tk_catalog *to, tk_mapping **out, tk_error *err);
tk_status tk_mapping_load_file(const char *path, const tk_catalog *from, const tk_catalog *to,
	tk_mapping **out, tk_error *err);
void tk_mapping_free(tk_mapping *m);

/* The mapping file of a catalog: <extra_dir>/mappings/<id>.yaml when it
 * exists, else the built-in <catalog dir>/mappings/<id>.yaml. */
tk_status tk_mapping_resolve(const char *catalog_id, const char *extra_dir,
	char *path, size_t size, tk_error *err);

const char *tk_relation_name(tk_relation r);

/* ---- projection ---- */

typedef enum tk_proj_status {
	TK_PROJ_IMPLEMENTED = 0, TK_PROJ_PARTIAL, TK_PROJ_NOT_IMPLEMENTED, TK_PROJ_NA, TK_PROJ_UNDECIDED
} tk_proj_status;
#define TK_PROJ_STATUSES 5

/* Why an item is undecided. */
typedef enum tk_undecided {
	TK_UND_NONE = 0,
	TK_UND_NO_MAPPING,   /* the item has no ECOM counterpart */
	TK_UND_UNASSESSED,   /* a mapped requirement is not rated */
	TK_UND_UNKNOWN,      /* a mapped requirement is rated わからない */
} tk_undecided;

typedef struct tk_proj_item {
	const char *id, *title_ja;
	const char *section_id, *section_title_ja; /* the domain (or the ISO clause) */
	tk_proj_status status;
	tk_undecided why;
	int level;                  /* minimum achieved level; 0 when none was counted */
	size_t n_from;
	const uint32_t *from;       /* the ECOM requirements it was projected from */
	int32_t decisive;           /* the requirement that decided it (lowest level, or the
	                               first unassessed/unknown); -1 when none */
	const char *none_reason_ja; /* TK_UND_NO_MAPPING: why there is no counterpart */
} tk_proj_item;

typedef struct tk_projection {
	const char *target_id, *target_title_ja;  /* a catalog id, or "iso17799" */
	const tk_evaluation *evaluation;
	size_t n_items;
	tk_proj_item *items;        /* in the target's order */
	size_t counts[TK_PROJ_STATUSES];
	size_t undecided[4];        /* by tk_undecided */
	tk_arena *arena;
} tk_projection;

/* Projects an evaluated ECOM assessment onto the mapping's compliance
 * catalog (MODEL.md §8): the minimum achieved level of the mapped
 * requirements ≥3 → implemented, 2 → partial, 1 → not-implemented; every
 * mapped requirement na → na (na requirements are left out of the
 * minimum otherwise); any mapped requirement unassessed or unknown, or no
 * mapping → undecided. */
tk_status tk_project(const tk_evaluation *e, const tk_mapping *m, tk_projection **out, tk_error *err);

/* The same onto the ISO/IEC 17799 controls the ECOM requirements reference
 * (their isms lists): per control, over the requirements referencing it. */
tk_status tk_project_iso17799(const tk_evaluation *e, tk_projection **out, tk_error *err);

void tk_projection_free(tk_projection *p);

/* "implemented", "partial", "not-implemented", "na", "undecided". */
const char *tk_proj_status_name(tk_proj_status s);
const char *tk_proj_status_name_ja(tk_proj_status s);
const char *tk_undecided_name(tk_undecided u);
const char *tk_undecided_text(tk_undecided u, tk_lang lang);

/* Writers. The YAML is a compliance assessment (FORMATS.md): decided items
 * with their status and where it came from, undecided items left out
 * (that is, unassessed) and listed in comments. */
tk_status tk_projection_write_text(const tk_projection *p, tk_lang lang, FILE *f, tk_error *err);
tk_status tk_projection_write_json(const tk_projection *p, FILE *f, tk_error *err);
tk_status tk_projection_write_yaml(const tk_projection *p, FILE *f, tk_error *err);

/* ---- coverage ---- */

typedef enum tk_cover { TK_COVER_FULL = 0, TK_COVER_PARTIAL, TK_COVER_NONE } tk_cover;

typedef struct tk_cover_item {
	const char *id, *title_ja;
	uint32_t section;          /* index into the coverage's sections */
	tk_cover cover;
	tk_relation relation;      /* how the item relates to A, when one mapping links them */
	const char *reason_ja;     /* TK_COVER_NONE: why, when the mapping says */
} tk_cover_item;

typedef struct tk_cover_section {
	const char *id, *title_ja;
	size_t n, counts[3];       /* items; by tk_cover */
} tk_cover_section;

typedef struct tk_coverage {
	const tk_catalog *a, *b;
	size_t n_items;
	tk_cover_item *items;      /* B's items (requirements), in order */
	size_t n_sections;
	tk_cover_section *sections;/* B's domains */
	size_t counts[3];          /* by tk_cover */
	size_t relations[TK_RELATIONS];
	tk_arena *arena;
} tk_coverage;

/* How much of catalog B is covered by catalog A through the mappings
 * (docs/mappings.en.md): ma is A's mapping to ECOM (NULL when A is ECOM),
 * mb is B's (NULL when B is ECOM); ecom is the ECOM catalog. */
tk_status tk_coverage_compute(const tk_catalog *a, const tk_catalog *b, const tk_catalog *ecom,
	const tk_mapping *ma, const tk_mapping *mb, tk_coverage **out, tk_error *err);
void tk_coverage_free(tk_coverage *c);

const char *tk_cover_name(tk_cover c);
tk_status tk_coverage_write_text(const tk_coverage *c, tk_lang lang, FILE *f, tk_error *err);
tk_status tk_coverage_write_json(const tk_coverage *c, FILE *f, tk_error *err);

#endif
