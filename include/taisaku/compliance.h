/* taisaku: compliance assessments of a compliance catalog.
 *
 * A compliance assessment (the format is in docs/guide.en.md; agreed between
 * branches in FORMATS.md) says, for one system and one catalog of kind
 * "compliance" (atla-ssr, nisc-2012, space-rules, port-tos or an imported
 * one), the status of each item: implemented, partial, not-implemented, na
 * (with a reason) or unknown; an item it does not list is unassessed. It may
 * also give the organisation's choices for the catalog's roles and
 * parameters, from which the organisation's own rules are written.
 *
 * tk_compliance_evaluate computes MODEL.md §8: compliance =
 * (implemented + ½·partial) ÷ applicable, applicable = every item but na,
 * per section (the catalog's domains), per view and overall, and the list of
 * open items (partial, not-implemented, unknown, unassessed).
 *
 * Every per-item array is indexed like catalog->requirements, and every
 * per-section array like catalog->domains. */
#ifndef TAISAKU_COMPLIANCE_H
#define TAISAKU_COMPLIANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "taisaku/assessment.h"
#include "taisaku/catalog.h"
#include "taisaku/error.h"

typedef enum tk_item_status {
	TK_CS_UNASSESSED = 0,  /* not listed, listed with nothing, or `status: unassessed` */
	TK_CS_IMPLEMENTED,
	TK_CS_PARTIAL,
	TK_CS_NOT_IMPLEMENTED,
	TK_CS_NA,              /* not applicable; reason required */
	TK_CS_UNKNOWN,
} tk_item_status;

#define TK_CS_COUNT 6

/* What is to be done about an open item. */
typedef struct tk_action {
	const char *content, *due, *owner; /* due (YYYY-MM-DD) and owner may be NULL */
} tk_action;

typedef struct tk_compliance_item {
	tk_item_status status;
	const char *note, *reason;  /* reason: na only */
	size_t n_evidence;
	tk_evidence *evidence;
	bool has_action;
	tk_action action;
} tk_compliance_item;

/* A role the catalog names (as printed) and the organisation's title for
 * it; or a parameter of an item and the organisation's chosen text. */
typedef struct tk_compliance_choice {
	const char *name;      /* the role name, or the parameter id */
	const char *value;
	uint32_t requirement;  /* parameters: the item that has it; roles: first item with it,
	                        * or UINT32_MAX for a role only the glossary names */
	uint32_t parameter;    /* parameters: index into that item's parameters */
} tk_compliance_choice;

typedef struct tk_compliance {
	const char *path;
	const tk_catalog *catalog;
	const char *system_name, *organization, *date, *assessor;
	tk_compliance_item *items;             /* per catalog item (requirement) */
	size_t n_roles, n_parameters;          /* both in catalog order */
	tk_compliance_choice *roles, *parameters;
	tk_arena *arena;
} tk_compliance;

/* Loads a compliance assessment from YAML or JSON text, strictly: an
 * unknown key, an unknown item, role or parameter, a missing reason for na
 * are errors with file, line, column and key. */
tk_status tk_compliance_load_buffer(const char *name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_compliance **out, tk_error *err);
tk_status tk_compliance_load_file(const char *path, tk_catalog_resolver resolve, void *ctx,
	tk_compliance **out, tk_error *err);

/* An empty assessment of cat (every item unassessed), e.g. for a skeleton
 * or for a program that fills one in (projection, workbook import). The
 * name is copied. A program that fills in items, roles or parameters
 * allocates their strings and arrays in c->arena (tk_arena_strdup), so
 * that tk_compliance_free releases everything; roles and parameters must
 * then be in catalog order (as the loader leaves them) for the canonical
 * writer. */
tk_status tk_compliance_new(const tk_catalog *cat, const char *system_name, tk_compliance **out,
	tk_error *err);
void tk_compliance_free(tk_compliance *c);

/* Whether a document names a catalog of kind compliance: reads it just far
 * enough to find and resolve its `catalog:` key. False (and nothing
 * reported) when it cannot tell, so that the caller's own loader reports
 * what is wrong. */
bool tk_document_is_compliance(const char *name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx);

/* The role names a catalog knows, in catalog order: every item's role_ja,
 * then the glossary's terms. Returns a malloc'd array of *n pointers into
 * the catalog (free() it). */
const char **tk_compliance_role_names(const tk_catalog *cat, size_t *n);

/* The organisation's choice for a role or a parameter; NULL when none. */
const char *tk_compliance_role(const tk_compliance *c, const char *role_ja);
const char *tk_compliance_parameter(const tk_compliance *c, const char *parameter_id);

/* The canonical text: every item of the catalog in catalog order under a
 * comment with its section and title, unassessed items as an empty entry,
 * a status alone as the scalar shorthand. write(load(write(A))) == write(A). */
tk_status tk_compliance_write_yaml(const tk_compliance *c, FILE *out, tk_error *err);

/* ---- evaluation ---- */

typedef struct tk_compliance_tally {
	size_t n[TK_CS_COUNT]; /* items per status */
	size_t total;          /* every item */
	size_t applicable;     /* every item but na */
	double compliance;     /* (implemented + ½·partial) ÷ applicable, 0..1; NaN when none applicable */
} tk_compliance_tally;

typedef struct tk_compliance_result {
	const tk_compliance *assessment;
	tk_compliance_tally *sections;  /* per catalog domain */
	tk_compliance_tally *views;     /* per catalog view */
	tk_compliance_tally overall;
	size_t n_open;
	uint32_t *open;                 /* open items in catalog order (indices into requirements) */
} tk_compliance_result;

tk_status tk_compliance_evaluate(const tk_compliance *c, tk_compliance_result **out, tk_error *err);
void tk_compliance_result_free(tk_compliance_result *r);

/* Adds one item's status to a tally and recomputes its compliance. */
void tk_compliance_tally_add(tk_compliance_tally *t, tk_item_status st);

/* Whether an item of this status is open (partial, not-implemented,
 * unknown, unassessed). */
bool tk_item_status_open(tk_item_status st);

/* Exit status for scripts: 0 when every applicable item is implemented,
 * 2 when any item is open. */
int tk_compliance_exit_code(const tk_compliance_result *r);

/* "implemented", "partial", "not-implemented", "na", "unknown", "unassessed". */
const char *tk_item_status_name(tk_item_status st);
/* The reverse; false for anything else. */
bool tk_item_status_parse(const char *name, tk_item_status *out);
/* As people read it: 実施済み / implemented, 一部実施 / partial, 未実施 /
 * not implemented, 対象外 / not applicable, 不明 / unknown, 未評価 / unassessed. */
const char *tk_item_status_label(tk_item_status st, tk_lang lang);

/* A compliance as people read it: "78.3%" (half up to one decimal), or "-"
 * when nothing is applicable. buf holds at least 16 bytes. */
const char *tk_compliance_percent(double compliance, char *buf, size_t size);

/* ---- writing results ---- */

/* The JSON contract (docs/guide.en.md, "compliance"): catalog, system,
 * overall, views, sections, every item, the open IDs, roles and parameters.
 * Compliance is unrounded, 0..1, or null. */
tk_status tk_compliance_write_json(const tk_compliance_result *r, FILE *out, tk_error *err);
/* The console summary: overall, per view, per section, the open items. */
tk_status tk_compliance_write_text(const tk_compliance_result *r, tk_lang lang, FILE *out, tk_error *err);
/* The same as one self-contained HTML page. */
tk_status tk_compliance_write_html(const tk_compliance_result *r, tk_lang lang, FILE *out, tk_error *err);
/* The compliance report for people (taisaku report): cover, overall and
 * per-section compliance with a bar chart, status counts, open items with
 * their actions, na with reasons, every item with its evidence. */
tk_status tk_compliance_report_html(const tk_compliance_result *r, tk_lang lang, FILE *out, tk_error *err);

#endif
