/* taisaku: assessments of a strength catalog, and their evaluation.
 *
 * An assessment (docs/guide.en.md) says, for one system: its target strength
 * level, the importance and target overrides of requirements, the weights,
 * and the rating of each requirement. tk_evaluate computes from it exactly
 * what ../shared/MODEL.md §2-§6 specifies: achieved levels, targets, gaps,
 * aggregates, balance and what is missing for the target and the next level.
 *
 * Every per-requirement array is indexed like catalog->requirements, and
 * every per-domain array like catalog->domains. */
#ifndef TAISAKU_ASSESSMENT_H
#define TAISAKU_ASSESSMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "taisaku/catalog.h"
#include "taisaku/error.h"

typedef enum tk_rating_kind {
	TK_RATING_UNASSESSED = 0, /* no entry, or an empty one */
	TK_RATING_RATED,
	TK_RATING_NA,
	TK_RATING_UNKNOWN,        /* わからない */
} tk_rating_kind;

typedef struct tk_asset {
	const char *name;
	bool important;
	int core; /* 1..5 */
} tk_asset;

typedef struct tk_evidence {
	const char *title, *date, *ref; /* date and ref may be NULL */
} tk_evidence;

typedef struct tk_rating {
	tk_rating_kind kind;
	int core;                         /* 1..5; derived from assets when they are given */
	size_t n_assets;
	tk_asset *assets;
	tk_rank ranks[TK_PERIPHERALS];    /* D where missing */
	bool rank_given[TK_PERIPHERALS];  /* false: missing, counted as D */
	bool from_answers[TK_PERIPHERALS];/* ranked from ○/△/× answers */
	tk_answer *answers[TK_PERIPHERALS];
	const char *na_reason, *note;
	size_t n_evidence;
	tk_evidence *evidence;
} tk_rating;

/* Improvement plan causes (§5.3.4.4). */
typedef enum tk_cause {
	TK_CAUSE_NONE = 0, TK_CAUSE_PLANNING, TK_CAUSE_DEPLOYMENT, TK_CAUSE_MANAGEMENT, TK_CAUSE_CAPABILITY
} tk_cause;

typedef struct tk_improvement {
	uint32_t requirement;             /* index into catalog->requirements */
	tk_cause cause;
	const char *aim, *content, *steps, *due, *owner;
} tk_improvement;

typedef struct tk_assessment {
	const char *path;
	const tk_catalog *catalog;
	const char *system_name, *organization, *date, *assessor, *level_reason;
	int level;                        /* the system's target strength level S, 2..5 */
	tk_importance *importance;        /* per requirement; general by default */
	bool *importance_given;
	int *override_level;              /* per requirement; 0 = none */
	const char **override_reason;
	double *requirement_weight;       /* per requirement; 1 by default */
	double *domain_weight;            /* per domain; 1 by default */
	tk_rating *ratings;               /* per requirement */
	size_t n_improvements;
	tk_improvement *improvements;
	double balance_requirement;       /* flag |achieved - domain| >= this (2) */
	double balance_domain;            /* flag |domain - system| >= this (1.5) */
	tk_arena *arena;
} tk_assessment;

/* Gives the catalog an assessment names (its `catalog:` key). The catalog
 * must outlive the assessment. */
typedef tk_status (*tk_catalog_resolver)(void *ctx, const char *catalog_id,
	const tk_catalog **out, tk_error *err);

/* Loads an assessment from YAML or JSON text. */
tk_status tk_assessment_load_buffer(const char *name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_assessment **out, tk_error *err);
tk_status tk_assessment_load_file(const char *path, tk_catalog_resolver resolve, void *ctx,
	tk_assessment **out, tk_error *err);
void tk_assessment_free(tk_assessment *a);

/* Sets ratings given as a JSON object {"requirement id": rating, ...} (the
 * assessment format's ratings, in JSON) into a, each read and checked by
 * the loader as in a document of a's catalog and level (errors name name).
 * On error a is unchanged or partly changed: discard it. */
tk_status tk_assessment_set_ratings(tk_assessment *a, const char *name, const char *json, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_error *err);

/* ---- evaluation ---- */

typedef enum tk_req_status {
	TK_ST_UNASSESSED = 0, TK_ST_MET, TK_ST_UNDER, TK_ST_OVER, TK_ST_UNKNOWN, TK_ST_NA
} tk_req_status;

/* One element short of a level: the core, or a peripheral element. */
typedef enum tk_element {
	TK_EL_STUDY = TK_P_STUDY, TK_EL_PROCESS, TK_EL_MANAGEMENT, TK_EL_REVIEW,
	TK_EL_DOCUMENTATION, TK_EL_CORE
} tk_element;

typedef struct tk_shortfall {
	tk_element element;
	int have, need;   /* core: levels; peripherals: tk_rank values */
} tk_shortfall;

typedef struct tk_req_result {
	tk_req_status status;
	int derived_target;    /* from S and the importance (table 4-4) */
	int target;            /* after the override */
	int achieved;          /* 1..5; 0 when not counted (na, unassessed) */
	int core;              /* 0 when not rated */
	int gap;               /* achieved - target, when counted */
	bool counted;          /* rated or unknown */
	size_t n_missing_target, n_missing_next;
	tk_shortfall missing_target[TK_PERIPHERALS + 1];
	tk_shortfall missing_next[TK_PERIPHERALS + 1];
	double coverage;       /* share of assets at or above the target; < 0 when no assets */
	bool imbalance;
} tk_req_result;

typedef struct tk_aggregate {
	bool counted;          /* at least one counted requirement below it */
	double level, target;  /* weighted means */
	bool imbalance;        /* domains only */
} tk_aggregate;

typedef struct tk_evaluation {
	const tk_assessment *assessment;
	tk_req_result *requirements;
	tk_aggregate *domains, *views;
	tk_aggregate system;   /* system.target is target_mean; the system's target is S */
	bool complete;         /* no requirement unassessed */
	size_t n_under, n_over, n_met, n_unknown, n_na, n_unassessed, n_imbalance;
} tk_evaluation;

/* Evaluates; the result refers to the assessment and must not outlive it. */
tk_status tk_evaluate(const tk_assessment *a, tk_evaluation **out, tk_error *err);
void tk_evaluation_free(tk_evaluation *e);

/* The achieved level of one rated requirement: the largest L in 5..2 whose
 * core and threshold ranks are met, else 1 (MODEL.md §3). */
int tk_level_achieved(const tk_scoring *s, int core, const tk_rank ranks[TK_PERIPHERALS]);

/* What is short of level L, into out (room for TK_PERIPHERALS + 1). */
size_t tk_level_shortfalls(const tk_scoring *s, int level, int core,
	const tk_rank ranks[TK_PERIPHERALS], tk_shortfall *out);

/* The core level given per asset (MODEL.md §2, coverage). */
int tk_core_from_assets(const tk_asset *assets, size_t n);

const char *tk_req_status_name(tk_req_status s);
const char *tk_element_name(tk_element e);
const char *tk_cause_name_ja(tk_cause c);

/* Exit status for scripts: 0 when every counted requirement meets its
 * target, 2 when any is below it (unknown counts as below). */
int tk_evaluation_exit_code(const tk_evaluation *e);

#endif
