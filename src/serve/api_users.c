/* Users and roles (the system administrator's), and the audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

static void answer_user(req *r, int64_t id, unsigned status)
{
	tk_error err = { 0 };
	tk_user u;
	if (tk_user_get(r->s, id, r->a, &u, &err))
		reply_internal(r, &err);
	else
		reply_json(r, status, user_json(&u));
}

/* The route's user, or a 404 answered. */
static bool target_user(req *r, tk_user *u)
{
	tk_error err = { 0 };
	tk_status rc = tk_user_get(r->s, r->id, r->a, u, &err);
	if (rc == TK_ENOTFOUND)
		reply_error(r, 404, "not_found", "見つかりません", "not found");
	else if (rc)
		reply_internal(r, &err);
	return rc == TK_OK;
}

/* roles: [{org_id, role}] into an array; false with a 400 answered. */
static bool parse_roles(req *r, json_t *roles, tk_user_role **out, size_t *n)
{
	*n = json_array_size(roles);
	*out = tk_arena_calloc(r->a, *n + 1, sizeof(**out));
	if (!json_is_array(roles) || !*out)
		goto bad;
	for (size_t i = 0; i < *n; i++) {
		json_t *e = json_array_get(roles, i), *org = json_object_get(e, "org_id");
		const char *role = json_string_value(json_object_get(e, "role"));
		tk_store_org o;
		tk_error err = { 0 };
		if (!json_is_integer(org) || !tk_role_valid(role) ||
			tk_store_org_get(r->s, json_integer_value(org), r->a, &o, &err))
			goto bad;
		for (size_t k = 0; k < i; k++)
			if ((*out)[k].org_id == o.id)
				goto bad;
		(*out)[i] = (tk_user_role){ .org_id = o.id, .org = o.name, .role = tk_arena_strdup(r->a, role) };
	}
	return true;
bad:
	reply_error(r, 400, "bad_request",
		"roles は {org_id, role} の配列です（role は owner, assessor, auditor, viewer。組織ごとに一つ）",
		"roles is an array of {org_id, role} (role: owner, assessor, auditor, viewer; one per organisation)");
	return false;
}

void h_users_get(req *r)
{
	tk_error err = { 0 };
	tk_user *v;
	size_t n;
	if (tk_user_list(r->s, r->a, &v, &n, &err)) {
		reply_internal(r, &err);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, user_json(&v[i]));
	reply_json(r, 200, json_pack("{s:o}", "users", list));
}

void h_users_post(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	tk_error err = { 0 };
	const char *name = json_string_value(json_object_get(b, "username"));
	const char *pw = json_string_value(json_object_get(b, "password"));
	json_t *roles = json_object_get(b, "roles");
	bool admin = json_is_true(json_object_get(b, "admin"));
	const char *why_ja, *why_en;
	char hash[128];
	tk_user_role *rv = NULL;
	size_t n = 0;
	tk_user existing;
	int64_t id;
	if (!name || !pw || !*name || strlen(name) > 100)
		reply_error(r, 400, "bad_request", "username と password を指定してください", "give username and password");
	else if (roles && !parse_roles(r, roles, &rv, &n))
		;
	else if (!password_policy_ok(pw, &why_ja, &why_en))
		reply_error(r, 400, "weak_password", why_ja, why_en);
	else if (tk_user_find(r->s, name, r->a, &existing, &(tk_error){ 0 }) == TK_OK)
		reply_error(r, 409, "conflict", "その利用者名はすでに使われています", "that user name is taken");
	else if (!password_hash(pw, hash))
		reply_error(r, 500, "internal", "メモリが足りません", "out of memory");
	else if (tk_store_begin(r->s, &err) || tk_user_add(r->s, name, hash, admin, &id, &err) ||
		tk_user_set_roles(r->s, id, rv, n, &err) ||
		tk_audit_append(r->s, r->user.username, "user_add", 0, name, admin ? "admin" : "", r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		reply_internal(r, &err);
	} else
		answer_user(r, id, 201);
	json_decref(b);
}

void h_user_get(req *r)
{
	tk_user u;
	if (target_user(r, &u))
		reply_json(r, 200, user_json(&u));
}

static void set_disabled(req *r, bool disabled)
{
	tk_user u;
	tk_error err = { 0 };
	if (!target_user(r, &u))
		return;
	if (disabled && u.id == r->user.id) {
		reply_error(r, 409, "conflict", "自分自身は無効にできません", "you cannot disable yourself");
		return;
	}
	if (tk_store_begin(r->s, &err) || tk_user_set_disabled(r->s, u.id, disabled, &err) ||
		(disabled && tk_session_revoke_user(r->s, u.id, NULL, &err)) ||
		tk_audit_append(r->s, r->user.username, disabled ? "user_disable" : "user_enable", 0, u.username, "",
			r->remote, &err) || tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		reply_internal(r, &err);
		return;
	}
	answer_user(r, u.id, 200);
}

void h_user_disable(req *r)
{
	set_disabled(r, true);
}

void h_user_enable(req *r)
{
	set_disabled(r, false);
}

void h_user_password(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	tk_user u;
	tk_error err = { 0 };
	const char *pw = json_string_value(json_object_get(b, "password"));
	const char *why_ja, *why_en;
	char hash[128];
	if (!target_user(r, &u))
		;
	else if (!pw)
		reply_error(r, 400, "bad_request", "password を指定してください", "give password");
	else if (!password_policy_ok(pw, &why_ja, &why_en))
		reply_error(r, 400, "weak_password", why_ja, why_en);
	else if (!password_hash(pw, hash))
		reply_error(r, 500, "internal", "メモリが足りません", "out of memory");
	else if (tk_store_begin(r->s, &err) || tk_user_set_password(r->s, u.id, hash, true, &err) ||
		tk_session_revoke_user(r->s, u.id, NULL, &err) ||
		tk_audit_append(r->s, r->user.username, "password_reset", 0, u.username, "", r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		reply_internal(r, &err);
	} else
		answer_user(r, u.id, 200);
	json_decref(b);
}

void h_user_roles(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	tk_user u;
	tk_error err = { 0 };
	tk_user_role *rv;
	size_t n;
	if (!target_user(r, &u) || !parse_roles(r, json_object_get(b, "roles"), &rv, &n)) {
		json_decref(b);
		return;
	}
	char *detail = json_dumps(json_object_get(b, "roles"), JSON_COMPACT);
	if (tk_store_begin(r->s, &err) || tk_user_set_roles(r->s, u.id, rv, n, &err) ||
		tk_audit_append(r->s, r->user.username, "roles_set", 0, u.username, detail ? detail : "", r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		reply_internal(r, &err);
	} else
		answer_user(r, u.id, 200);
	free(detail);
	json_decref(b);
}

void h_user_sessions(req *r)
{
	tk_user u;
	tk_error err = { 0 };
	if (!target_user(r, &u))
		return;
	if (tk_store_begin(r->s, &err) || tk_session_revoke_user(r->s, u.id, NULL, &err) ||
		tk_audit_append(r->s, r->user.username, "sessions_revoke", 0, u.username, "", r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		reply_internal(r, &err);
		return;
	}
	reply_empty(r, 204);
}

void h_audit(req *r)
{
	const char *ls = query_arg(r, "limit"), *bs = query_arg(r, "before");
	long limit = ls ? strtol(ls, NULL, 10) : 100;
	long long before = bs ? strtoll(bs, NULL, 10) : 0;
	if (limit < 1 || limit > 1000 || before < 0) {
		reply_error(r, 400, "bad_request", "limit は 1〜1000、before は整数です", "limit is 1 to 1000; before an integer");
		return;
	}
	tk_error err = { 0 };
	tk_audit_entry *v;
	size_t n;
	int64_t checked, broken;
	if (tk_audit_list(r->s, r->user.admin, r->user.id, r->user.username, before, (int)limit, r->a, &v, &n, &err) ||
		tk_audit_verify(r->s, &checked, &broken, &err)) {
		reply_internal(r, &err);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, json_pack("{s:I,s:s,s:o,s:s,s:o,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)v[i].id,
			"at", v[i].at, "user", v[i].user ? json_string(v[i].user) : json_null(), "action", v[i].action,
			"org_id", v[i].org_id ? json_integer(v[i].org_id) : json_null(), "target", v[i].target, "detail",
			v[i].detail, "remote", v[i].remote, "prev_hash", v[i].prev_hash, "hash", v[i].hash));
	reply_json(r, 200, json_pack("{s:o,s:b}", "entries", list, "verified", broken == 0));
}

/* ---- an organisation's members, for its owners ---- */

static json_t *member_json(const tk_user *u, const char *role)
{
	return json_pack("{s:I,s:s,s:s,s:b,s:b}", "id", (json_int_t)u->id, "username", u->username, "role", role,
		"disabled", u->disabled, "totp_enabled", u->totp_secret != NULL);
}

void h_members_get(req *r)
{
	tk_error err = { 0 };
	tk_user *v;
	size_t n;
	if (tk_user_list(r->s, r->a, &v, &n, &err)) {
		reply_internal(r, &err);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		const char *role = user_role(&v[i], r->org_id);
		if (role)
			json_array_append_new(list, member_json(&v[i], role));
	}
	reply_json(r, 200, json_pack("{s:o}", "members", list));
}

/* Sets (or with role null removes) one user's role in the route's
 * organisation; the user's roles elsewhere stay as they are. */
void h_member_put(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	tk_error err = { 0 };
	tk_user u;
	char *end;
	long long id = strtoll(r->param, &end, 10);
	json_t *rj = json_object_get(b, "role");
	const char *role = json_string_value(rj);
	/* {user} is the user's id, or the user name (the owners' screen adds a
	 * member by name: owners do not see other users' ids). */
	bool by_name = *end || end == r->param;
	if (by_name ? tk_user_find(r->s, r->param, r->a, &u, &err) != TK_OK
		    : id <= 0 || tk_user_get(r->s, id, r->a, &u, &err) != TK_OK) {
		reply_error(r, 404, "not_found", "見つかりません", "not found");
		goto out;
	}
	if (!json_is_null(rj) && !tk_role_valid(role)) {
		reply_error(r, 400, "bad_request", "role は owner, assessor, auditor, viewer か null です",
			"role is owner, assessor, auditor, viewer or null");
		goto out;
	}
	tk_user_role *rv = tk_arena_calloc(r->a, u.n_roles + 1, sizeof(*rv));
	size_t n = 0;
	for (size_t i = 0; rv && i < u.n_roles; i++)
		if (u.roles[i].org_id != r->org_id)
			rv[n++] = u.roles[i];
	if (rv && role)
		rv[n++] = (tk_user_role){ .org_id = r->org_id, .role = role };
	char detail[64];
	snprintf(detail, sizeof(detail), "%s", role ? role : "(none)");
	if (!rv || tk_store_begin(r->s, &err) || tk_user_set_roles(r->s, u.id, rv, n, &err) ||
		tk_audit_append(r->s, r->user.username, "roles_set", r->org_id, u.username, detail, r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		reply_internal(r, &err);
		goto out;
	}
	reply_json(r, 200, json_pack("{s:I,s:s,s:o,s:b,s:b}", "id", (json_int_t)u.id, "username", u.username, "role",
		role ? json_string(role) : json_null(), "disabled", u.disabled, "totp_enabled", u.totp_secret != NULL));
out:
	json_decref(b);
}
