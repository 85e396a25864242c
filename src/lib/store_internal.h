/* Pieces of the store shared by its files (store_*.c). */
#ifndef TAISAKU_STORE_INTERNAL_H
#define TAISAKU_STORE_INTERNAL_H

#include "db.h"
#include "taisaku/store.h"

/* One numbered migration (src/lib/migrations, embedded at build time). */
typedef struct tk_migration {
	int version;
	const char *name;
	const char *sql;
} tk_migration;

extern const tk_migration tk_migrations[];
extern const int tk_n_migrations;

/* Statements the store prepares once per connection and reuses; the SQL of
 * each is in store.c's table, indexed by this enum. */
typedef enum store_sql {
	Q_ORG_ADD, Q_ORG_FIND, Q_ORG_LIST,
	Q_SYS_ADD, Q_SYS_FIND, Q_SYS_FIND_ANY, Q_SYS_SET_INDUSTRY, Q_SYS_SET_SIZE, Q_SYS_LIST,
	Q_CAT_FIND, Q_CAT_ADD,
	Q_ROUND_ADD, Q_RATING_ADD, Q_LEVEL_ADD, Q_COMPLIANCE_ADD,
	Q_ROUND_GET, Q_ROUND_DOC, Q_ROUND_CATALOG, Q_ROUND_CLOSE,
	Q_ROUND_DEL_RATINGS, Q_ROUND_DEL_LEVELS, Q_ROUND_DEL_COMPLIANCE, Q_ROUND_DEL,
	Q_ROUND_LIST, Q_HISTORY_LEVELS, Q_PORTFOLIO, Q_PORTFOLIO_LATERAL,
	Q_ROUND_REPLACE, Q_ROUND_REVISE,
	Q_COUNT
} store_sql;

#define STORE_EXTRA_STMTS 64

/* The extra statement slots of the files that keep their SQL beside them,
 * listed here so that no two files ever share a slot (a shared slot runs
 * one file's SQL for the other's): store_users.c counts up from 0 to
 * SLOT_USERS_END, the others are named one by one from the top. */
enum {
	SLOT_ROUND_SUMMARY = STORE_EXTRA_STMTS - 1, /* store_import.c */
	SLOT_EDIT_PUT = STORE_EXTRA_STMTS - 2,      /* store_edits.c */
	SLOT_EDIT_LIST = STORE_EXTRA_STMTS - 3,
	SLOT_EDIT_CLEAR = STORE_EXTRA_STMTS - 4,
	SLOT_V_PUT = STORE_EXTRA_STMTS - 5,         /* store_peer_vectors.c */
	SLOT_V_DEL = STORE_EXTRA_STMTS - 6,
	SLOT_V_LATEST = STORE_EXTRA_STMTS - 7,
	SLOT_V_RATINGS = STORE_EXTRA_STMTS - 8,
	SLOT_V_LEVELS = STORE_EXTRA_STMTS - 9,
	SLOT_V_SYSTEM_OF = STORE_EXTRA_STMTS - 10,
	SLOT_ROWS_RATING = STORE_EXTRA_STMTS - 11,  /* store_import.c */
	SLOT_ROWS_LEVEL = STORE_EXTRA_STMTS - 12,
	SLOT_EDIT_LOCK = STORE_EXTRA_STMTS - 13,    /* store_edits.c */
	SLOT_USERS_END = STORE_EXTRA_STMTS - 13     /* the first slot not store_users.c's */
};

struct tk_store {
	tk_db *db;
	const tk_db_ops *ops;
	tk_db_stmt *stmt[Q_COUNT];
	bool in_batch;             /* between tk_store_begin and commit/rollback */
	char user[128];            /* recorded as imported_by */
	/* The catalog row of the last catalog stored, so that a batch of rounds
	 * of one catalog reads and hashes its text once. */
	const void *last_catalog;
	int64_t last_catalog_ref;
	char last_catalog_hash[65];
	/* Statements of the files that keep their SQL beside them
	 * (store_users.c), prepared once by store_stmt_sql. */
	tk_db_stmt *extra[STORE_EXTRA_STMTS];
};

/* The prepared statement q, reset and ready for new bindings. */
tk_status store_stmt(tk_store *s, store_sql q, tk_db_stmt **out, tk_error *err);

/* The prepared statement of slot (< STORE_EXTRA_STMTS, one per SQL text),
 * prepared on first use from sql, reset and ready for new bindings. */
tk_status store_stmt_sql(tk_store *s, int slot, const char *sql, tk_db_stmt **out, tk_error *err);

/* Binds text that stays unchanged until the statement is reset (store_done
 * resets it), without a copy where the back end allows. */
void store_bind_kept(tk_store *s, tk_db_stmt *st, int i, const char *v);

/* Runs a statement that returns no rows, or exactly one wanted row. */
tk_status store_done(tk_store *s, tk_db_stmt *st, tk_error *err);

/* Runs each of the n statements with the round id as its one parameter. */
tk_status store_run_for_round(tk_store *s, const store_sql *qs, size_t n, int64_t round, tk_error *err);

/* An open round's rows from the evaluation of its new content, and its
 * document unless data is NULL (store_import.c). */
tk_status store_round_rewrite(tk_store *s, int64_t round, const tk_evaluation *e, const char *data, size_t len,
	tk_error *err);
/* The same rows when they are those of `before` and one rating (of
 * requirement item) changed: only what changed is written (store_import.c). */
tk_status store_round_rows_since(tk_store *s, int64_t round, const tk_evaluation *before, const tk_evaluation *e,
	size_t item, tk_error *err);
/* Deletes the round's saved ratings, now in its document (store_edits.c). */
tk_status store_edits_clear(tk_store *s, int64_t round, tk_error *err);
/* A transaction around one change, unless a batch is open (then the batch's). */
tk_status store_tx_begin(tk_store *s, tk_error *err);
tk_status store_tx_commit(tk_store *s, tk_error *err);
void store_tx_rollback(tk_store *s);

/* The current time as ISO 8601 UTC text (YYYY-MM-DDTHH:MM:SSZ). */
void store_now(char out[32]);

/* An organisation's id by name; TK_ENOTFOUND with a clear message. */
tk_status store_org_id(tk_store *s, const char *org, int64_t *id, tk_error *err);

/* A column's text copied into the arena ("" for NULL, or NULL when
 * keep_null). */
const char *store_col_text(tk_store *s, tk_db_stmt *st, int i, tk_arena *a, bool keep_null);

/* Reads a round row of the Q_ROUND_GET / Q_ROUND_LIST / Q_PORTFOLIO shape
 * starting at column first. */
void store_read_round(tk_store *s, tk_db_stmt *st, int first, tk_arena *a, tk_store_round *r);

/* The columns store_read_round reads, for SELECTs over rounds r JOIN
 * systems y JOIN organizations o. */
#define STORE_ROUND_COLUMNS \
	"r.id, r.system_id, o.name, y.name, r.catalog_id, r.catalog_version, r.catalog_hash, " \
	"r.document_name, r.assessed_on, r.assessor, r.imported_at, r.imported_by, " \
	"r.closed, r.closed_at, r.target_level, r.level, r.target_mean, r.complete, r.n_items, " \
	"r.n_met, r.n_under, r.n_over, r.n_unknown, r.n_na, r.n_unassessed, " \
	"r.kind, k.compliance, k.n_applicable, k.n_implemented, k.n_partial, k.n_not_implemented, k.n_open"
#define STORE_ROUND_NCOLS 32
/* What the SELECTs with STORE_ROUND_COLUMNS join for a compliance round's
 * summary (absent, all NULL, for an ECOM round). */
#define STORE_ROUND_COMPLIANCE_JOIN " LEFT JOIN round_compliance k ON k.round_id = r.id "

/* The columns store_read_system reads, for SELECTs over systems y JOIN
 * organizations o. */
#define STORE_SYSTEM_COLUMNS \
	"y.id, y.organization_id, o.name, y.name, y.industry, y.size, y.created_at, " \
	"(SELECT COUNT(*) FROM rounds r0 WHERE r0.system_id = y.id)"
#define STORE_SYSTEM_NCOLS 8

void store_read_system(tk_store *s, tk_db_stmt *st, int first, tk_arena *a, tk_store_system *y);

tk_status store_nomem(tk_error *err);

/* A compliance round's rows after its rounds row: one rating per item, the
 * compliance per section (round_levels, scope 'section') and the summary
 * (round_compliance). store_compliance.c. */
struct tk_compliance_result;
tk_status store_insert_compliance(tk_store *s, int64_t round, const struct tk_compliance_result *r,
	tk_error *err);

/* Makes room for one more element in an arena array *v of *n elements
 * (capacity *cap, doubled when full); returns the new element, zeroed, and
 * counts it in *n; NULL when memory runs out. */
void *store_grow(tk_arena *a, void **v, size_t *n, size_t *cap, size_t size);

/* Opens the connection (creating the database when create is true); the
 * schema is the caller's business. */
tk_status store_connect(const char *url, bool create, tk_store **out, tk_error *err);


/* peer_vectors (store_peer_vectors.c): each system's latest strength round
 * as one row for the peer statistics. import: from a new round's evaluation
 * (kept only if it is the latest); refresh: from the stored rows of the
 * system's latest round (after a replace or delete); rebuild: every system
 * (after the migration and a restore). */
struct tk_evaluation;
tk_status store_peer_vector_import(tk_store *s, int64_t round, const struct tk_evaluation *e, tk_error *err);
tk_status store_peer_vector_refresh(tk_store *s, int64_t system_id, tk_error *err);
tk_status store_peer_vector_system_of(tk_store *s, int64_t round, int64_t *system_id, tk_error *err);
tk_status store_peer_vectors_rebuild(tk_store *s, tk_error *err);
/* The packed levels: bytes for nv view, nd domain and nr requirement levels;
 * the counts of a blob (false if its length does not match them); one
 * packed double. */
size_t store_peer_vector_size(size_t nv, size_t nd, size_t nr);
bool store_peer_vector_header(const void *blob, size_t len, size_t n[3]);
double store_peer_vector_double(const unsigned char *p);

#endif
