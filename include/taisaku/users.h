/* taisaku: users, roles, sessions and the audit trail in the store, for
 * taisaku serve (docs/serve.en.md; seed 000 第5, 第6, 第9).
 *
 * The store keeps what the server decides with; the deciding (password
 * hashing, TOTP, timeouts, permissions) is the server's (src/serve). Every
 * value reaches the database through a bound parameter. Like store.h,
 * results live in an arena the caller passes; every change is one
 * transaction unless a batch (tk_store_begin) is open, so that a change and
 * its audit entry can be committed together. */
#ifndef TAISAKU_USERS_H
#define TAISAKU_USERS_H

#include <stdbool.h>
#include <stdint.h>

#include "taisaku/store.h"

/* ---- organisations and systems by id ---- */

tk_status tk_store_org_get(tk_store *s, int64_t id, tk_arena *a, tk_store_org *out, tk_error *err);
tk_status tk_store_system_get(tk_store *s, int64_t id, tk_arena *a, tk_store_system *out, tk_error *err);

/* What the server needs to authorise a request on a round and to know
 * whether its cached evaluation is current: the organisation and system it
 * belongs to, whether it is closed, and a version key that changes whenever
 * its document does. TK_ENOTFOUND when there is no such round. */
typedef struct tk_round_key {
	int64_t org_id, system_id;
	bool closed;
	int64_t revision;
	char imported_at[32];
} tk_round_key;
tk_status tk_store_round_key(tk_store *s, int64_t round, tk_round_key *out, tk_error *err);

/* Replaces the document of an open round with a new version (a saved
 * rating or plan): the bytes, the summary, the rating rows and levels, and
 * the revision, in one transaction. A closed round is refused (TK_EINPUT). */
/* The evaluation of a prepared document (tk_store_doc_prepare), valid
 * while the document lives. */
const tk_evaluation *tk_store_doc_evaluation(const tk_store_doc *d);
/* The same for a compliance document (NULL for an ECOM one, and
 * tk_store_doc_evaluation is NULL for a compliance one). */
struct tk_compliance_result;
const struct tk_compliance_result *tk_store_doc_compliance(const tk_store_doc *d);

tk_status tk_store_round_replace(tk_store *s, int64_t round, const tk_store_doc *d, tk_error *err);

/* ---- ratings saved without a new document (store_edits.c, issue 6) ----
 * A saved rating is kept as JSON beside the round's document, and the
 * document with every saved rating applied is the round's content; the next
 * tk_store_round_replace writes them into the document and drops them. */
/* Saves one rating of an open round: rating_json (the rating as the
 * assessment loader reads it, checked by the caller) for item, and the
 * round's summary, rating rows, levels and revision from e, the evaluation
 * of the round with the rating applied. With before, the evaluation of the
 * round as it was stored (its rows are before's), only the rows that
 * changed are written; with NULL all are written again. A closed round is
 * refused (TK_EINPUT). One transaction unless a batch is open. */
tk_status tk_store_round_rate(tk_store *s, int64_t round, const tk_evaluation *before, const tk_evaluation *e,
	const char *item, const char *rating_json, tk_error *err);
/* Inside a batch: holds the open round against other writers until the
 * batch ends, so that what is read of it next stays as read (PostgreSQL
 * locks its row; on SQLite the batch holds the database). TK_EINPUT when
 * the round is closed or absent. */
tk_status tk_store_round_lock(tk_store *s, int64_t round, tk_error *err);
/* The saved ratings as one JSON object {"item": rating, ...} in a, or NULL
 * in *json when there are none. */
tk_status tk_store_round_edits(tk_store *s, int64_t round, tk_arena *a, const char **json, tk_error *err);
/* The round's assessment as it is now: its document with the saved ratings
 * set (free with tk_assessment_free). */
tk_status tk_store_round_load(tk_store *s, int64_t round, tk_catalog_resolver resolve, void *ctx,
	tk_assessment **out, tk_error *err);
/* The round's document as it is now: the stored bytes when no rating is
 * saved beside them, else the assessment with them written as canonical
 * YAML (tk_assessment_write_yaml; comments of the original are not kept). */
tk_status tk_store_round_current(tk_store *s, int64_t round, tk_catalog_resolver resolve, void *ctx,
	tk_arena *a, const char **data, size_t *len, tk_error *err);

/* ---- users ---- */

typedef struct tk_user_role {
	int64_t org_id;
	const char *org, *role; /* role: owner, assessor, auditor, viewer */
} tk_user_role;

typedef struct tk_user {
	int64_t id;
	const char *username, *pw_hash, *created_at;
	bool admin, disabled, must_change_password;
	const char *totp_secret;   /* NULL: no TOTP */
	const char *totp_pending;  /* NULL: no enrolment under way */
	int64_t totp_last_step;    /* the last TOTP time step accepted (no replay) */
	size_t n_roles;
	tk_user_role *roles;
} tk_user;

/* The role names; false for anything else. */
bool tk_role_valid(const char *role);

/* A taken name is TK_EINPUT. The new user must change the password. */
tk_status tk_user_add(tk_store *s, const char *username, const char *pw_hash, bool admin, int64_t *id,
	tk_error *err);
/* By name or id, with the roles; TK_ENOTFOUND when absent. */
tk_status tk_user_find(tk_store *s, const char *username, tk_arena *a, tk_user *out, tk_error *err);
tk_status tk_user_get(tk_store *s, int64_t id, tk_arena *a, tk_user *out, tk_error *err);
tk_status tk_user_list(tk_store *s, tk_arena *a, tk_user **out, size_t *n, tk_error *err);
tk_status tk_user_set_password(tk_store *s, int64_t id, const char *pw_hash, bool must_change, tk_error *err);
tk_status tk_user_set_disabled(tk_store *s, int64_t id, bool disabled, tk_error *err);
/* pending and secret may be NULL (cleared). */
tk_status tk_user_set_totp(tk_store *s, int64_t id, const char *pending, const char *secret, tk_error *err);
/* Records the TOTP step accepted; *fresh false when it was not newer than
 * the last one (a replayed code). */
tk_status tk_user_totp_step(tk_store *s, int64_t id, int64_t step, bool *fresh, tk_error *err);
/* Replaces every role of the user. */
tk_status tk_user_set_roles(tk_store *s, int64_t id, const tk_user_role *roles, size_t n, tk_error *err);
/* Replaces the recovery codes (their hashes); uses one: *ok when it was
 * there unused (then it is spent). */
tk_status tk_user_recovery_set(tk_store *s, int64_t id, const char *const *hashes, size_t n, tk_error *err);
tk_status tk_user_recovery_use(tk_store *s, int64_t id, const char *hash, bool *ok, tk_error *err);

/* ---- assessors assigned to systems ---- */

tk_status tk_system_assessors(tk_store *s, int64_t system, tk_arena *a, int64_t **ids, size_t *n,
	tk_error *err);
tk_status tk_system_assessors_set(tk_store *s, int64_t system, const int64_t *ids, size_t n, tk_error *err);
tk_status tk_system_is_assessor(tk_store *s, int64_t system, int64_t user, bool *yes, tk_error *err);

/* ---- sessions ---- */

typedef struct tk_session {
	int64_t user_id, created_at, last_seen, expires_at; /* seconds since the epoch */
	bool revoked;
	char csrf_token[64];
} tk_session;

tk_status tk_session_add(tk_store *s, const char *id_hash, int64_t user, const char *csrf, int64_t now,
	int64_t expires_at, const char *remote, tk_error *err);
/* TK_ENOTFOUND when there is no such session. */
tk_status tk_session_get(tk_store *s, const char *id_hash, tk_session *out, tk_error *err);
tk_status tk_session_touch(tk_store *s, const char *id_hash, int64_t now, tk_error *err);
tk_status tk_session_revoke(tk_store *s, const char *id_hash, tk_error *err);
/* Revokes every session of the user but keep (may be NULL). */
tk_status tk_session_revoke_user(tk_store *s, int64_t user, const char *keep, tk_error *err);

/* ---- failed sign-ins (lockout) ---- */

tk_status tk_signin_failure_add(tk_store *s, const char *username, int64_t now, const char *remote,
	tk_error *err);
tk_status tk_signin_failures(tk_store *s, const char *username, int64_t since, int *n, tk_error *err);
tk_status tk_signin_failures_clear(tk_store *s, const char *username, tk_error *err);
/* Deletes the failures older than before (out of every lockout window; each
 * is in the audit trail too), so that the table holds only what can still
 * lock an account out. */
tk_status tk_signin_failures_prune(tk_store *s, int64_t before, tk_error *err);

/* ---- the audit trail ---- */

typedef struct tk_audit_entry {
	int64_t id;
	const char *at;          /* JST, ISO 8601 with +09:00 */
	const char *user;        /* NULL: nobody signed in (e.g. a failed sign-in names the tried name in target) */
	const char *action, *target, *detail, *remote;
	int64_t org_id;          /* 0: none */
	char prev_hash[65], hash[65];
} tk_audit_entry;

/* Appends an entry (at, prev_hash, hash and id are filled in): reads the
 * last hash and inserts in one transaction, retried when another writer
 * chained first. */
tk_status tk_audit_append(tk_store *s, const char *user, const char *action, int64_t org_id,
	const char *target, const char *detail, const char *remote, tk_error *err);

/* Newest first, ids below before (0: from the newest), at most limit. With
 * all false: only entries of organisations where viewer holds owner or
 * auditor, and the viewer's own entries. */
tk_status tk_audit_list(tk_store *s, bool all, int64_t viewer, const char *viewer_name, int64_t before,
	int limit, tk_arena *a, tk_audit_entry **out, size_t *n, tk_error *err);

/* Recomputes the chain from the first entry. *broken is 0 when every link
 * holds, else the id of the first entry whose prev_hash or hash is wrong;
 * *checked counts the entries read. */
tk_status tk_audit_verify(tk_store *s, int64_t *checked, int64_t *broken, tk_error *err);

/* The entry's hash (64 hex): SHA-256 over prev_hash and each field written
 * as "<length>:<bytes>\n" (org_id in decimal, "" when none), so that no
 * two different entries hash the same text. */
void tk_audit_hash(const tk_audit_entry *e, char out[65]);

/* The time now in JST (seed 000 第9), ISO 8601: 2026-11-22T10:53:43+09:00. */
void tk_time_jst(char out[32]);

#endif
