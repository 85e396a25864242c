/* taisaku: the store — organisations, systems and assessment rounds in a
 * database (docs/store.en.md).
 *
 * Organisations own systems (security segments, seed 002 §2.4.1; with the
 * peer attributes industry and size). A system has rounds: one assessment
 * document each, kept byte for byte, with the catalog it was evaluated
 * against (id, version and the SHA-256 of its text, the text itself stored
 * once), and per requirement a rating row with the computed status, achieved
 * level and target, so that history and portfolio are plain SQL. A closed
 * round is immutable: the store refuses to change or delete it.
 *
 * The same API runs on SQLite ("sqlite:PATH", the default) and PostgreSQL
 * ("postgresql://..."); callers never see which. Every change is one
 * transaction. Results are allocated in an arena the caller passes and
 * frees; strings in them are never NULL unless said so. */
#ifndef TAISAKU_STORE_H
#define TAISAKU_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "taisaku/arena.h"
#include "taisaku/assessment.h"
#include "taisaku/error.h"
#include "taisaku/peers.h"

typedef struct tk_store tk_store;

/* The URL used when none is given: sqlite:./taisaku.db. */
#define TK_STORE_DEFAULT_URL "sqlite:./taisaku.db"

/* Opens an initialised store. A database without the schema, or with a
 * schema newer than this program, is an error (db init makes one). */
tk_status tk_store_open(const char *url, tk_store **out, tk_error *err);

/* Creates the database if the back end can (SQLite) and applies every
 * pending migration, each in its own transaction. *applied (may be NULL)
 * receives how many were applied now. */
tk_status tk_store_init(const char *url, tk_store **out, int *applied, tk_error *err);

void tk_store_close(tk_store *s);

/* "sqlite" or "postgresql". */
const char *tk_store_backend(const tk_store *s);

/* Whether the connection still works (checked without waiting): false once
 * a PostgreSQL server has gone away, for instance restarted. The store is
 * then of no more use: close it and open a new one. Always true on SQLite. */
bool tk_store_alive(tk_store *s);

/* The schema version (the highest migration applied). */
tk_status tk_store_schema_version(tk_store *s, int *version, tk_error *err);

/* ---- batches ----
 * Every call below that changes something is one transaction by itself.
 * Between begin and commit they all join one transaction instead (a batch
 * import: one commit, one fsync, for many rounds; all or nothing). On any
 * error inside a batch, call rollback. */
tk_status tk_store_begin(tk_store *s, tk_error *err);
tk_status tk_store_commit(tk_store *s, tk_error *err);
void tk_store_rollback(tk_store *s);
/* Inside a batch, one part that can be undone alone: after mark, either
 * keep (its changes stay in the batch) or undo (they are gone, the rest of
 * the batch stays). Marks do not nest. */
tk_status tk_store_mark(tk_store *s, tk_error *err);
tk_status tk_store_keep(tk_store *s, tk_error *err);
void tk_store_undo(tk_store *s);

/* ---- organisations ---- */

typedef struct tk_store_org {
	int64_t id;
	const char *name, *created_at;
	size_t n_systems;
} tk_store_org;

/* A second organisation of the same name is an error. */
tk_status tk_store_org_add(tk_store *s, const char *name, int64_t *id, tk_error *err);
tk_status tk_store_org_list(tk_store *s, tk_arena *a, tk_store_org **out, size_t *n, tk_error *err);

/* ---- systems ---- */

typedef struct tk_store_system {
	int64_t id, org_id;
	const char *org, *name, *industry, *size, *created_at;
	size_t n_rounds;
} tk_store_system;

/* industry and size may be NULL (stored as empty text). The name is unique
 * within its organisation. */
tk_status tk_store_system_add(tk_store *s, const char *org, const char *name,
	const char *industry, const char *size, int64_t *id, tk_error *err);

/* Sets the peer attributes; a NULL argument leaves that one unchanged. */
tk_status tk_store_system_set(tk_store *s, const char *org, const char *name,
	const char *industry, const char *size, tk_error *err);

/* The systems of org, by name. */
tk_status tk_store_system_list(tk_store *s, const char *org, tk_arena *a,
	tk_store_system **out, size_t *n, tk_error *err);

/* Finds a system by name. org may be NULL when only one organisation has a
 * system of that name (else the error asks for the organisation). */
tk_status tk_store_system_find(tk_store *s, const char *org, const char *name,
	tk_store_system *out, tk_arena *a, tk_error *err);

/* ---- rounds ---- */

typedef struct tk_store_level {
	const char *id;     /* domain or view id */
	bool counted;
	double level, target;
} tk_store_level;

typedef struct tk_store_round {
	int64_t id, system_id;
	const char *org, *system;
	const char *catalog_id, *catalog_version, *catalog_hash;
	const char *document_name;
	const char *date, *assessor;        /* from the document; NULL when absent */
	const char *imported_at, *imported_by;
	bool closed;
	const char *closed_at;              /* NULL while open */
	int target;                         /* the system's target level S */
	bool counted;                       /* a system level exists */
	double level, target_mean;
	bool complete;
	size_t n_requirements, n_met, n_under, n_over, n_unknown, n_na, n_unassessed;
	size_t n_domains;                   /* filled by tk_store_history only */
	tk_store_level *domains;            /* compliance rounds: per section, level = compliance 0..1 */
	/* A compliance round (is_compliance): the fields above about levels
	 * (target, counted, level, target_mean, n_met, n_under, n_over) are
	 * zero; these say what it found (MODEL.md §8). n_unknown, n_na and
	 * n_unassessed count items. compliance_counted is false when nothing is
	 * applicable. */
	bool is_compliance;
	bool compliance_counted;
	double compliance;                  /* 0..1 */
	size_t n_applicable, n_implemented, n_partial, n_not_implemented, n_open;
} tk_store_round;

/* Who imports: the name recorded with each round. Unless set, the
 * environment's TAISAKU_USER, else the login name. */
void tk_store_set_user(tk_store *s, const char *user);

/* Imports an assessment document as a new round of a system: an ECOM
 * assessment or, told by its catalog's kind, a compliance assessment (one
 * rating row per item with its status, the compliance per section and
 * overall). Parses it
 * (errors name doc_name, line and column), evaluates it, and stores the
 * bytes, the catalog text, one rating row per requirement, the domain and
 * view levels and the summary, in one transaction. system NULL: the
 * document's system name; org NULL: see tk_store_system_find. The system
 * must exist. */
tk_status tk_store_round_import(tk_store *s, const char *org, const char *system,
	const char *doc_name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, int64_t *round_id, tk_error *err);

/* The same from a file (doc_name is the path as given). */
tk_status tk_store_round_import_file(tk_store *s, const char *org, const char *system,
	const char *path, tk_catalog_resolver resolve, void *ctx, int64_t *round_id, tk_error *err);

/* The same in two steps, so that parsing and evaluating (no database, no
 * shared state but the resolver) can run apart from storing: a document
 * read (path as its name) or copied, parsed and evaluated, ready to store. */
typedef struct tk_store_doc tk_store_doc;
tk_status tk_store_doc_read(const char *path, tk_catalog_resolver resolve, void *ctx,
	tk_store_doc **out, tk_error *err);
tk_status tk_store_doc_prepare(const char *doc_name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_store_doc **out, tk_error *err);
void tk_store_doc_free(tk_store_doc *d);
/* Stores a prepared document as a new round (one transaction, or the batch's). */
tk_status tk_store_round_add(tk_store *s, const char *org, const char *system, const tk_store_doc *d,
	int64_t *round_id, tk_error *err);

/* Imports files as rounds in ONE transaction: all of them, or on the first
 * error none (err names the file). While one round is written the next
 * files are read, parsed and evaluated on a second thread; resolve is only
 * ever called from that thread. *imported (may be NULL) receives the count. */
tk_status tk_store_round_import_files(tk_store *s, const char *org, const char *system,
	const char *const *paths, size_t n, tk_catalog_resolver resolve, void *ctx, size_t *imported,
	tk_error *err);

/* The original document, byte for byte, in a (len bytes, NUL added). */
tk_status tk_store_round_document(tk_store *s, int64_t round, tk_arena *a,
	const char **data, size_t *len, tk_error *err);

/* The catalog text the round was evaluated against, byte for byte, so that
 * an old round can be evaluated again exactly as it was. */
tk_status tk_store_round_catalog(tk_store *s, int64_t round, tk_arena *a,
	const char **data, size_t *len, tk_error *err);

tk_status tk_store_round_get(tk_store *s, int64_t round, tk_arena *a, tk_store_round *out,
	tk_error *err);

/* Closes a round; a closed round can never change again. Closing a closed
 * round is an error. */
tk_status tk_store_round_close(tk_store *s, int64_t round, tk_error *err);

/* Deletes an open round and its rows; a closed round is refused. */
tk_status tk_store_round_delete(tk_store *s, int64_t round, tk_error *err);

/* The rounds of a system, oldest first (by date, then import order).
 * tk_store_history adds the domain levels of each. */
tk_status tk_store_round_list(tk_store *s, const char *org, const char *system, tk_arena *a,
	tk_store_round **out, size_t *n, tk_error *err);
tk_status tk_store_history(tk_store *s, const char *org, const char *system, tk_arena *a,
	tk_store_round **out, size_t *n, tk_error *err);

/* ---- portfolio ---- */

typedef struct tk_store_portfolio_row {
	tk_store_system system;
	bool has_round;                     /* false: no round yet; the rest is zero */
	tk_store_round latest;              /* the latest round (by date, then import) */
} tk_store_portfolio_row;

/* Every system of org with its latest round, by system name. */
tk_status tk_store_portfolio(tk_store *s, const char *org, tk_arena *a,
	tk_store_portfolio_row **out, size_t *n, tk_error *err);

/* ---- writing history and portfolio for people and scripts ---- */

typedef enum tk_store_format { TK_STORE_TEXT = 0, TK_STORE_JSON, TK_STORE_HTML } tk_store_format;

/* "text", "json" or "html"; false for anything else. */
bool tk_store_format_parse(const char *name, tk_store_format *out);

/* A system's rounds (from tk_store_history), one column per round and one
 * row per domain in text; every round with its domain levels in JSON.
 * Levels to one decimal in text, unrounded in JSON. HTML is not offered. */
tk_status tk_store_history_write(const tk_store_round *rounds, size_t n, tk_store_format fmt,
	tk_lang lang, FILE *out, tk_error *err);

/* An organisation's systems with their latest round; HTML is one
 * self-contained page with a bar chart of levels against targets. */
tk_status tk_store_portfolio_write(const char *org, const tk_store_portfolio_row *rows, size_t n,
	tk_store_format fmt, tk_lang lang, FILE *out, tk_error *err);

/* ---- peers (issue 9, docs/profiles.en.md) ----
 * A system's latest round against its peer group: the latest round of every
 * other system whose latest round is of the same catalog and that matches
 * on the chosen attributes. Statistics by tk_peer_stats (peers.h), which
 * enforces k-anonymity: nothing is shown for fewer than 5 organisations. */


enum {
	TK_PEERS_BY_INDUSTRY = 1 << 0,
	TK_PEERS_BY_SIZE = 1 << 1,
	TK_PEERS_BY_LEVEL = 1 << 2, /* the same target level S */
};

/* "industry,size,level" (any of them, comma separated) → flags; false on
 * an unknown word (err names it). */
bool tk_store_peers_group_parse(const char *text, unsigned *flags, tk_error *err);

typedef struct tk_store_peer_entry {
	const char *id;      /* requirement, domain or view id; NULL for the system */
	tk_peer_stat stat;
} tk_store_peer_entry;

typedef struct tk_store_peer_result {
	tk_store_system system;
	int64_t round_id;
	const char *catalog_id, *date;   /* of the system's latest round */
	const char *catalog_hash;        /* its catalog text's hash: the layout of peer vectors */
	int target;
	unsigned group;                  /* TK_PEERS_BY_* */
	size_t n_systems;                /* peer systems in the group */
	tk_peer_summary summary;         /* organisations, suppressed */
	tk_store_peer_entry system_entry;
	size_t n_views, n_domains, n_requirements;
	tk_store_peer_entry *views, *domains, *requirements;
} tk_store_peer_result;

tk_status tk_store_peers(tk_store *s, const char *org, const char *system, unsigned group,
	tk_arena *a, tk_store_peer_result *out, tk_error *err);

/* Text (the entries where the system lags most), JSON (the contract of
 * issue 9) or HTML (radar of the system against the peer mean, tables). */
tk_status tk_store_peers_write(const tk_store_peer_result *p, tk_store_format fmt, tk_lang lang,
	FILE *out, tk_error *err);

/* ---- benchmark exchange between stores (issue 9) ----
 * Export: the latest strength round of every system (of org, or of every
 * organisation when org is NULL) as anonymised levels in JSON
 * (format taisaku-benchmark/1): catalog, industry, size, the year, the
 * target level, and the levels of the system, views, domains and
 * requirements. No names, notes, evidence, assessors, dates finer than the
 * year or database ids; each organisation is a random token, new with every
 * export. Import: adds such a file's systems to the peer pool (external
 * peers join peer groups like local systems); a file imported before is
 * refused. *n (may be NULL) receives the number of systems. */
tk_status tk_store_benchmark_export(tk_store *s, const char *org, FILE *out, size_t *n, tk_error *err);
tk_status tk_store_benchmark_import(tk_store *s, const char *path, size_t *n, tk_error *err);

#endif
