/* taisaku: control catalogs.
 *
 * A catalog is one framework (the ECOM model, a standard) loaded from a YAML
 * file (docs/catalog-format.en.md). Once loaded it is read-only: the structs
 * below are its public, documented shape. Views, subviews, domains and
 * requirements are kept in flat arrays in printed order; each node names its
 * children by index range, so that walking "every requirement" is a loop and
 * the whole catalog can be cached as one image. */
#ifndef TAISAKU_CATALOG_H
#define TAISAKU_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "taisaku/error.h"

typedef struct tk_arena tk_arena;

typedef struct tk_strv {
	size_t n;
	const char **v;
} tk_strv;

typedef struct tk_note {
	const char *text_en, *text_ja, *ref; /* text_ja and ref may be NULL */
} tk_note;

typedef struct tk_notes {
	size_t n;
	tk_note *v;
} tk_notes;

/* A sub-point of a checklist point; sub-points nest as printed. */
typedef struct tk_item {
	const char *text_ja;
	size_t n_items;
	struct tk_item *items;
} tk_item;

/* One point of 対策のポイント: a line of the checklist. */
typedef struct tk_point {
	const char *label;   /* as printed, e.g. "（１）"; NULL when unnumbered */
	const char *title_ja;
	const char *text_ja; /* may be NULL */
	size_t n_items;
	tk_item *items;
} tk_point;

typedef struct tk_isms_ref {
	const char *id, *title_ja; /* "3.1.1"; title may be NULL */
} tk_isms_ref;

typedef struct tk_parameter {
	const char *id, *title_ja, *value; /* value may be NULL */
} tk_parameter;

/* ● (primary) and ▲ (secondary) marks of the ECOM appendix table, as
 * indices into the catalog's activities or departments. */
typedef struct tk_marks {
	size_t n_primary, n_secondary;
	uint16_t *primary, *secondary;
} tk_marks;

typedef enum tk_kind { TK_KIND_TECHNICAL = 1, TK_KIND_MANAGEMENT = 2 } tk_kind;

typedef enum tk_modality {
	TK_MODALITY_NONE = 0, TK_MODALITY_SHALL, TK_MODALITY_SHOULD, TK_MODALITY_CONSIDER
} tk_modality;

typedef struct tk_requirement {
	const char *id, *title_ja, *title_en;
	tk_strv title_variants_ja;
	const char *purpose_ja;
	size_t n_points;
	tk_point *points;
	size_t n_isms;
	tk_isms_ref *isms;
	const char *isms_remark_ja;
	tk_kind kind;         /* resolved: the override, else the view's default */
	bool kind_overridden;
	tk_marks activities, departments;
	const char *role_ja;
	tk_modality modality;
	size_t n_parameters;
	tk_parameter *parameters;
	tk_strv documents_ja; /* documents or records the item requires (compliance catalogs) */
	tk_notes notes;
	uint32_t domain;      /* index into catalog->domains */
} tk_requirement;

typedef struct tk_domain {
	const char *id, *title_ja, *title_en;
	tk_strv title_variants_ja;
	const char *purpose_ja;
	tk_strv themes, threats_ja;
	tk_notes notes;
	uint32_t view, subview;  /* subview is UINT32_MAX when the view has none */
	uint32_t first_requirement, n_requirements;
} tk_domain;

typedef struct tk_subview {
	const char *id, *title_ja, *title_en, *purpose_ja;
	tk_notes notes;
	uint32_t view;
	uint32_t first_domain, n_domains;
} tk_subview;

typedef struct tk_view {
	const char *id, *title_ja, *title_en, *purpose_ja;
	tk_notes notes;
	uint32_t first_subview, n_subviews;
	uint32_t first_domain, n_domains;
} tk_view;

typedef struct tk_term {
	const char *term_ja, *text_ja; /* a glossary entry of the source */
} tk_term;

typedef struct tk_label {
	const char *id, *title_ja, *title_en;
} tk_label;

/* ---- the scoring model (catalogs of kind "strength") ---- */

/* A cell of a peripheral criteria table: the worst answer it accepts. */
typedef enum tk_cell {
	TK_CELL_O = 0,   /* ○ */
	TK_CELL_T,       /* △ */
	TK_CELL_X,       /* × */
	TK_CELL_ANY,     /* ― not asked */
	TK_CELL_T_OR_X,  /* △ or × */
	TK_CELL_O_OR_T,  /* ○ or △ */
} tk_cell;

typedef enum tk_answer { TK_ANSWER_O = 0, TK_ANSWER_T = 1, TK_ANSWER_X = 2 } tk_answer;

/* Ranks A..D are stored as 0..3 so that "better" is "smaller". */
typedef enum tk_rank { TK_RANK_A = 0, TK_RANK_B, TK_RANK_C, TK_RANK_D } tk_rank;

typedef struct tk_criteria_row {
	tk_rank rank;
	uint8_t *cells;       /* n_columns tk_cell values */
	const char *remark_ja;
} tk_criteria_row;

typedef struct tk_column {
	const char *id, *title_ja, *note_ja;
} tk_column;

#define TK_PERIPHERALS 5
typedef enum tk_peripheral_id {
	TK_P_STUDY = 0, TK_P_PROCESS, TK_P_MANAGEMENT, TK_P_REVIEW, TK_P_DOCUMENTATION
} tk_peripheral_id;

typedef struct tk_peripheral {
	const char *id, *title_ja, *title_en, *table_ja, *legend_ja;
	size_t n_columns, n_rows;
	tk_column *columns;
	tk_criteria_row *rows;
} tk_peripheral;

typedef struct tk_level_text {
	int level;
	const char *a_ja, *b_ja; /* levels: rating, definition; system levels: concept, image */
} tk_level_text;

typedef struct tk_core_criterion {
	int level;
	const char *summary_ja;
	tk_strv conditions_ja;
} tk_core_criterion;

typedef struct tk_factor {
	const char *id, *title_ja;
	tk_strv items_ja;
} tk_factor;

typedef enum tk_importance {
	TK_IMP_CRITICAL = 0, TK_IMP_IMPORTANT, TK_IMP_GENERAL, TK_IMP_LOW
} tk_importance;

typedef struct tk_scoring {
	const char *model;
	tk_rank thresholds[6];     /* [level] for levels 2..5 */
	uint8_t targets[6][4];     /* [system level 2..5][tk_importance]; 0 = unset */
	size_t n_levels, n_system_levels, n_requirement_levels;
	tk_level_text *levels, *system_levels, *requirement_levels;
	size_t n_core_technical, n_core_management;
	tk_core_criterion *core_technical, *core_management;
	size_t n_factors;
	tk_factor *factors;
	tk_peripheral peripherals[TK_PERIPHERALS]; /* indexed by tk_peripheral_id */
	tk_notes notes;
} tk_scoring;

typedef enum tk_catalog_kind { TK_CATALOG_STRENGTH = 1, TK_CATALOG_COMPLIANCE = 2 } tk_catalog_kind;

typedef struct tk_catalog {
	const char *format;
	const char *id, *title_ja, *title_en, *version, *publisher_ja, *source, *description_en;
	tk_catalog_kind kind;
	size_t n_activities, n_departments;
	tk_label *activities, *departments;
	bool has_scoring;
	tk_scoring scoring;
	size_t n_views, n_subviews, n_domains, n_requirements;
	tk_view *views;
	tk_subview *subviews;
	tk_domain *domains;
	tk_requirement *requirements;
	size_t n_glossary;
	tk_term *glossary;
	tk_notes notes;
	const char *path;      /* the YAML file it was loaded from */
	bool from_cache;       /* loaded from the compiled cache */
	tk_arena *arena;       /* owns everything above */
} tk_catalog;

/* Loads and validates a catalog from a YAML file. On error returns non-zero,
 * fills err (with file, line, column and key) and sets *out to NULL. */
tk_status tk_catalog_load_file(const char *path, tk_catalog **out, tk_error *err);

/* The same from memory; name is used in error messages. */
tk_status tk_catalog_load_buffer(const char *name, const char *data, size_t len,
	tk_catalog **out, tk_error *err);

/* Loads through the compiled cache beside the YAML (PATH.tkc): the cache is
 * used when it matches the YAML's bytes, and rewritten otherwise. */
tk_status tk_catalog_load_cached(const char *path, tk_catalog **out, tk_error *err);

void tk_catalog_free(tk_catalog *cat);

/* Lookups; NULL when absent. IDs are compared exactly. */
const tk_requirement *tk_catalog_requirement(const tk_catalog *cat, const char *id);
const tk_domain *tk_catalog_domain(const tk_catalog *cat, const char *id);
const tk_view *tk_catalog_view(const tk_catalog *cat, const char *id);

/* Counts the points of a requirement including nested sub-points. */
size_t tk_requirement_item_count(const tk_requirement *req);

/* The rank a peripheral criteria table gives to a set of answers (one per
 * column): the first row all of whose cells the answers satisfy, else D. */
tk_rank tk_peripheral_rank(const tk_peripheral *p, const tk_answer *answers);

/* Whether an answer satisfies a cell (docs/catalog-format.en.md). */
bool tk_cell_accepts(tk_cell cell, tk_answer answer);

/* Names: "A".."D", "technical"/"management", cell codes "o","t","x","-","t|x","o|t". */
const char *tk_rank_name(tk_rank r);
const char *tk_kind_name(tk_kind k);
const char *tk_cell_name(tk_cell c);
const char *tk_importance_name(tk_importance i);

/* ---- finding catalogs ---- */

typedef struct tk_catalog_entry {
	char id[64];
	char path[1024];
} tk_catalog_entry;

/* Lists the catalogs (*.yaml) in the built-in directory and in extra_dir
 * (may be NULL), sorted by id; an id in extra_dir hides the built-in one. */
tk_status tk_catalog_dir_list(const char *extra_dir, tk_catalog_entry **out,
	size_t *n, tk_error *err);

/* Resolves a catalog name (an id, or a path to a .yaml file) to a path. */
tk_status tk_catalog_resolve(const char *name, const char *extra_dir,
	char *path, size_t size, tk_error *err);

/* The built-in catalog directory: $TAISAKU_CATALOG_DIR, else the build's. */
const char *tk_catalog_builtin_dir(void);

#endif
