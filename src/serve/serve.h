/* taisaku serve: the web application's pieces (docs/serve.en.md,
 * docs/api.md). One request is one `req`; the route table (routes.c) is
 * the only place that decides who may do what. */
#ifndef TAISAKU_SERVE_H
#define TAISAKU_SERVE_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stdint.h>

#include "taisaku/store.h"
#include "taisaku/users.h"
#include "taisaku/workbook.h"

/* Settings, from the command line (cmd_serve.c); the defaults are the
 * issue's (seed 000 第6: lockout, session limits). */
typedef struct serve_config {
	const char *db_url;
	const char *listen;           /* host:port */
	const char *tls_cert, *tls_key;
	bool tls;
	int threads;
	int idle_timeout_s;           /* 30 min */
	int absolute_timeout_s;       /* 12 h */
	int lockout_failures;         /* 5 ... */
	int lockout_window_s;         /* ... in 15 min */
	size_t max_body;              /* 8 MiB */
	size_t max_header;            /* 32 KiB of request line and headers */
	unsigned max_connections;     /* 256 */
	unsigned timeout_s;           /* a connection idle this long is closed */
	const char *catalog_dir;
	tk_lang lang;                 /* of the messages at the console */
} serve_config;

extern serve_config g_cfg;

/* What a route needs to have been shown before its handler runs. */
typedef enum perm {
	PERM_NONE,     /* nothing (sign-in) */
	PERM_SESSION,  /* a session, even one that must change its password first */
	PERM_ENROL,    /* a session whose password is changed (TOTP enrolment) */
	PERM_USER,     /* any signed-in user past the forced steps */
	PERM_READ,     /* a role in the object's organisation */
	PERM_RATE,     /* owner, or the assessor assigned to the system */
	PERM_MANAGE,   /* owner */
	PERM_AUDIT,    /* owner or auditor (of some organisation when there is no object) */
	PERM_ADMIN,    /* the system administrator */
} perm;

/* The object a route's {id} names; its organisation decides visibility. */
typedef enum obj_kind { OBJ_NONE, OBJ_ORG, OBJ_SYSTEM, OBJ_ROUND, OBJ_USER } obj_kind;

/* Bytes shared between the cache and the answers being sent, freed when
 * the last holder lets go (so that a cached evaluation is sent without a
 * copy). */
typedef struct shared_buf {
	_Atomic long refs;
	size_t len;
	char data[];
} shared_buf;
shared_buf *shared_new(const char *data, size_t len);
void shared_release(shared_buf *b);

typedef struct req {
	struct MHD_Connection *conn;
	const char *method, *path;    /* path below /api/v1 for API calls */
	char *body;
	size_t body_len, body_cap;
	bool too_large;
	char remote[64];
	tk_lang lang;
	tk_arena *a;                  /* freed with the request */
	tk_store *s;                  /* this thread's connection */
	/* the session, once checked */
	bool signed_in;
	char sid_hash[65];
	tk_session sess;
	tk_user user;
	/* the route's parameters and object */
	int64_t id;
	const char *param;
	int64_t org_id, system_id;
	const char *role;             /* the user's role in org_id; NULL for none */
	tk_round_key rk;
	/* the answer */
	unsigned status;
	char *out;
	size_t out_len;
	bool out_static;              /* out points to static memory */
	const char *out_type;
	shared_buf *shared;           /* the answer's bytes, when shared (out is NULL) */
	bool html_report;             /* the report's own CSP (inline styles) */
	char cookie[256];
	char disposition[300];
	/* a save queued for the writer (save_queue.c): the connection is set
	 * aside until it is answered */
	bool queued;
	const char *save_doc, *save_rating; /* in a: the rating as a one-entry document, and alone */
} req;

typedef void (*handler)(req *r);


/* ---- answers (http.c) ---- */
void reply_json(req *r, unsigned status, json_t *body);            /* steals body */
void reply_error(req *r, unsigned status, const char *code, const char *ja, const char *en);
void reply_tk_error(req *r, unsigned status, const char *code, const tk_error *err);
void reply_bytes(req *r, unsigned status, const char *type, char *data, size_t len); /* takes data (malloc'd) */
void reply_empty(req *r, unsigned status);
void reply_shared(req *r, unsigned status, const char *type, shared_buf *b); /* takes a reference */
/* A storage failure: logged (without secrets) and answered 500. */
void reply_internal(req *r, const tk_error *err);
const char *query_arg(req *r, const char *name);
const char *header(req *r, const char *name);
/* The request body as a JSON object, or an answer 400/415 and NULL. */
json_t *body_json(req *r);
/* ---- saves committed together (save_queue.c) ----
 * A save runs on the writer's thread inside its batch's transaction (r->s
 * is the writer's connection): it answers r and returns true when its
 * changes are to be kept, false when they are to be undone. */
typedef bool (*save_fn)(req *r);
bool save_queue_start(void);
/* Saves and answers what is queued, then ends the writer. */
void save_queue_stop(void);
/* Queues r's save; r is answered when its batch is committed. */
void save_queue_submit(req *r, save_fn fn);
/* In-process writers on SQLite take turns here (routes.c); false (and no
 * lock) on other back ends. */
bool writer_lock(tk_store *s);
void writer_unlock(void);

/* ---- the writer's rounds (round_cache.c) ---- */
typedef struct cached_round {
	int64_t id, revision;
	char imported_at[32];
	tk_assessment *a;       /* as stored, saved ratings included */
	tk_evaluation *e;       /* its evaluation: the round's rows */
	unsigned saves;
	unsigned long used;
} cached_round;
/* The round as stored now (k: its key read in this transaction), from
 * memory or read again; NULL on failure. */
cached_round *round_cache_get(tk_store *s, int64_t id, const tk_round_key *k, tk_error *err);
/* After a save into c: e (taken) is the round's new evaluation. */
void round_cache_saved(cached_round *c, tk_evaluation *e);
/* When c may differ from the database (a failed or undone save). */
void round_cache_forget(cached_round *c);
void round_cache_forget_all(void);

/* ---- changes to a round (api_round.c) ---- */
/* 409 and true when the route's round is closed. */
bool refuse_closed(req *r);
/* The body of a change to the route's round, or an answer (400, 415, 409
 * for a closed round) and NULL. */
json_t *open_round_body(req *r);

/* Starts the daemon; returns when SIGINT or SIGTERM arrives. */
int serve_run(void);
/* This thread's store connection. */
tk_store *serve_store(tk_error *err);

/* ---- authentication (auth.c) ---- */
bool password_policy_ok(const char *pw, const char **why_ja, const char **why_en);
/* argon2id through libsodium; false when out of memory. */
bool password_hash(const char *pw, char out[128]);
bool password_verify(const char *hash, const char *pw);
/* n random bytes as base64url text (out: room for n*4/3+4). */
void random_token(char *out, size_t out_size, size_t n);
void sha256_hex(const char *text, char out[65]);
/* A new TOTP secret (Base32) and its otpauth URI. */
bool totp_new_secret(char *secret, size_t size);
/* The step at which code is valid (±1 step), or -1. */
int64_t totp_match(const char *secret_b32, const char *code, int64_t now);
/* Ten recovery codes xxxx-xxxx-xxxx and their SHA-256. */
void recovery_codes(char codes[10][20], char hashes[10][65]);
/* The session cookie's value, or NULL. */
const char *session_cookie(req *r);
/* Checks the cookie's session: signed_in and user filled when valid. */
tk_status session_load(req *r, tk_error *err);
/* Starts a session for the user: the cookie is set in the answer. */
tk_status session_start(req *r, int64_t user, char csrf[64], int64_t *expires, tk_error *err);
void cookie_clear(req *r);
/* The role of the user in org, or NULL. */
const char *user_role(const tk_user *u, int64_t org);
/* Admins and owners must have TOTP. */
bool user_needs_totp(const tk_user *u);
/* Appends to the audit trail with who and from where; failures are logged. */
void audit(req *r, const char *action, int64_t org, const char *target, const char *detail);

/* ---- memory of sessions and round keys for reads (session_cache.c) ----
 * A generation is read before the database is, and given back with what
 * was read, so that a change committed in between makes the entry void. */
unsigned long cache_identity_generation(void);
bool cache_session_get(const char *sid_hash, tk_arena *a, tk_session *sess, tk_user *user);
void cache_session_put(unsigned long generation, const char *sid_hash, const tk_session *sess, const tk_user *user);
void cache_session_seen(const char *sid_hash, int64_t last_seen);
void cache_forget_identities(void);
unsigned long cache_round_generation(void);
bool cache_round_get(int64_t round, tk_round_key *out);
void cache_round_put(unsigned long generation, int64_t round, const tk_round_key *key);
void cache_forget_rounds(void);

/* ---- the route table (routes.c) ---- */
void route(req *r);
/* Static files embedded from web/ (web_assets.c, generated). */
typedef struct web_asset {
	const char *path, *type;
	const unsigned char *data;
	size_t len;
} web_asset;
extern const web_asset web_assets[];
extern const size_t web_n_assets;

/* ---- catalogs and documents (docs.c) ---- */
tk_status serve_resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err);
json_t *user_json(const tk_user *u);
json_t *system_json(req *r, const tk_store_system *y, tk_error *err);
json_t *round_json(const tk_store_round *x, int64_t org_id);
/* Stores yaml (freed) as the round's new document with its audit entry
 * (api_round.c); on failure the answer is given and false returned. */
bool round_save_document(req *r, const char *document_name, char *yaml, size_t len, const char *action,
	const char *detail, tk_store_doc **doc);
/* A workbook upload (api_round.c): its kind from the Content-Type (xlsx or
 * CSV; otherwise 415 answered and false), the workbook read (or 400
 * answered and NULL), and the answer listing an import's problems (up to
 * 10; err when there are none). */
bool workbook_upload_kind(req *r, bool *xlsx);
tk_workbook *workbook_upload_read(req *r, bool xlsx);
void reply_import_problems(req *r, const tk_error *const *problems, size_t n, const tk_error *err);

/* ---- handlers ---- */
void h_session_post(req *r);
void h_session_get(req *r);
void h_session_delete(req *r);
void h_password_put(req *r);
void h_totp_post(req *r);
void h_totp_put(req *r);
void h_catalogs(req *r);
void h_catalog(req *r);
void h_orgs_get(req *r);
void h_orgs_post(req *r);
void h_systems_get(req *r);
void h_systems_post(req *r);
void h_system_get(req *r);
void h_system_patch(req *r);
void h_assessors_put(req *r);
void h_rounds_get(req *r);
void h_rounds_post(req *r);
void h_rounds_upload(req *r);
void h_round_get(req *r);
void h_round_document(req *r);
void h_round_close(req *r);
void h_round_workbook(req *r);
void h_plan_get(req *r);
void h_plan_put(req *r);
void h_ratings_get(req *r);
void h_rating_put(req *r);
void h_evaluation(req *r);
void h_peers(req *r);
void h_report(req *r);
void h_export(req *r);
void h_charts(req *r);
void h_users_get(req *r);
void h_users_post(req *r);
void h_user_get(req *r);
void h_user_disable(req *r);
void h_user_enable(req *r);
void h_user_password(req *r);
void h_user_roles(req *r);
void h_user_sessions(req *r);
void h_audit(req *r);
void h_members_get(req *r);
void h_member_put(req *r);
/* compliance rounds (api_compliance.c) */
void hc_items_get(req *r);
void hc_item_put(req *r);
/* The handler for a round route: fn itself, or for a compliance round its
 * compliance counterpart (or a 409 for the ECOM-only routes); NULL when
 * the lookup failed and was answered. */
handler compliance_route(req *r, handler fn);

#endif
