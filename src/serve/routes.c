/* The route table: every API path, its method, the permission it needs and
 * the object its {id} names. Authorisation happens here and only here
 * (seed 000 第5): a handler runs only after its row's check has passed. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "serve.h"

typedef struct route_def {
	const char *method, *pattern; /* {id}: a whole number; {s}: any segment */
	perm need;
	obj_kind obj;
	handler fn;
} route_def;

static const route_def ROUTES[] = {
	{ "POST", "/session", PERM_NONE, OBJ_NONE, h_session_post },
	{ "GET", "/session", PERM_SESSION, OBJ_NONE, h_session_get },
	{ "DELETE", "/session", PERM_SESSION, OBJ_NONE, h_session_delete },
	{ "PUT", "/session/password", PERM_SESSION, OBJ_NONE, h_password_put },
	{ "POST", "/session/totp", PERM_ENROL, OBJ_NONE, h_totp_post },
	{ "PUT", "/session/totp", PERM_ENROL, OBJ_NONE, h_totp_put },
	{ "GET", "/catalogs", PERM_USER, OBJ_NONE, h_catalogs },
	{ "GET", "/catalogs/{s}", PERM_USER, OBJ_NONE, h_catalog },
	{ "GET", "/organizations", PERM_USER, OBJ_NONE, h_orgs_get },
	{ "POST", "/organizations", PERM_ADMIN, OBJ_NONE, h_orgs_post },
	{ "GET", "/organizations/{id}/systems", PERM_READ, OBJ_ORG, h_systems_get },
	{ "GET", "/organizations/{id}/members", PERM_MANAGE, OBJ_ORG, h_members_get },
	{ "PUT", "/organizations/{id}/members/{s}", PERM_MANAGE, OBJ_ORG, h_member_put },
	{ "POST", "/organizations/{id}/systems", PERM_MANAGE, OBJ_ORG, h_systems_post },
	{ "GET", "/systems/{id}", PERM_READ, OBJ_SYSTEM, h_system_get },
	{ "PATCH", "/systems/{id}", PERM_MANAGE, OBJ_SYSTEM, h_system_patch },
	{ "PUT", "/systems/{id}/assessors", PERM_MANAGE, OBJ_SYSTEM, h_assessors_put },
	{ "GET", "/systems/{id}/rounds", PERM_READ, OBJ_SYSTEM, h_rounds_get },
	{ "GET", "/systems/{id}/peers", PERM_READ, OBJ_SYSTEM, h_peers },
	{ "POST", "/systems/{id}/rounds", PERM_MANAGE, OBJ_SYSTEM, h_rounds_post },
	{ "POST", "/systems/{id}/rounds/upload", PERM_MANAGE, OBJ_SYSTEM, h_rounds_upload },
	{ "GET", "/rounds/{id}", PERM_READ, OBJ_ROUND, h_round_get },
	{ "GET", "/rounds/{id}/document", PERM_READ, OBJ_ROUND, h_round_document },
	{ "POST", "/rounds/{id}/close", PERM_MANAGE, OBJ_ROUND, h_round_close },
	{ "POST", "/rounds/{id}/workbook", PERM_RATE, OBJ_ROUND, h_round_workbook },
	{ "GET", "/rounds/{id}/plan", PERM_READ, OBJ_ROUND, h_plan_get },
	{ "PUT", "/rounds/{id}/plan", PERM_MANAGE, OBJ_ROUND, h_plan_put },
	{ "GET", "/rounds/{id}/ratings", PERM_READ, OBJ_ROUND, h_ratings_get },
	{ "PUT", "/rounds/{id}/ratings/{s}", PERM_RATE, OBJ_ROUND, h_rating_put },
	{ "GET", "/rounds/{id}/evaluation", PERM_READ, OBJ_ROUND, h_evaluation },
	{ "GET", "/rounds/{id}/report", PERM_READ, OBJ_ROUND, h_report },
	{ "GET", "/rounds/{id}/export", PERM_READ, OBJ_ROUND, h_export },
	{ "GET", "/rounds/{id}/items", PERM_READ, OBJ_ROUND, hc_items_get },
	{ "PUT", "/rounds/{id}/items/{s}", PERM_RATE, OBJ_ROUND, hc_item_put },
	{ "GET", "/rounds/{id}/charts", PERM_READ, OBJ_ROUND, h_charts },
	{ "GET", "/users", PERM_ADMIN, OBJ_NONE, h_users_get },
	{ "POST", "/users", PERM_ADMIN, OBJ_NONE, h_users_post },
	{ "GET", "/users/{id}", PERM_ADMIN, OBJ_USER, h_user_get },
	{ "POST", "/users/{id}/disable", PERM_ADMIN, OBJ_USER, h_user_disable },
	{ "POST", "/users/{id}/enable", PERM_ADMIN, OBJ_USER, h_user_enable },
	{ "POST", "/users/{id}/password", PERM_ADMIN, OBJ_USER, h_user_password },
	{ "PUT", "/users/{id}/roles", PERM_ADMIN, OBJ_USER, h_user_roles },
	{ "DELETE", "/users/{id}/sessions", PERM_ADMIN, OBJ_USER, h_user_sessions },
	{ "GET", "/audit", PERM_AUDIT, OBJ_NONE, h_audit },
};

/* Matches path against pattern, filling the {id} and {s} of r. */
static bool match(const char *pattern, const char *path, req *r)
{
	const char *p = pattern, *u = path;
	while (*p && *u) {
		if (strncmp(p, "{id}", 4) == 0) {
			char *end;
			if (*u < '0' || *u > '9')
				return false;
			long long v = strtoll(u, &end, 10);
			if (end - u > 15)
				return false;
			r->id = v;
			u = end;
			p += 4;
		} else if (strncmp(p, "{s}", 3) == 0) {
			const char *end = strchr(u, '/');
			size_t n = end ? (size_t)(end - u) : strlen(u);
			if (!n)
				return false;
			char *v = tk_arena_alloc(r->a, n + 1);
			if (!v)
				return false;
			memcpy(v, u, n);
			v[n] = '\0';
			r->param = v;
			u += n;
			p += 3;
		} else if (*p == *u) {
			p++;
			u++;
		} else {
			return false;
		}
	}
	return !*p && (!*u || (*u == '/' && !u[1]));
}

static bool is_change(const char *method)
{
	return strcmp(method, "GET") && strcmp(method, "HEAD");
}

static void not_found(req *r)
{
	reply_error(r, 404, "not_found", "見つかりません", "not found");
}

static void forbidden(req *r)
{
	reply_error(r, 403, "forbidden", "この操作の権限がありません", "you are not allowed to do this");
}

/* The object's organisation (and system); false with a 404 or 500 answered. */
static bool resolve_object(req *r, obj_kind obj)
{
	tk_error err = { 0 };
	tk_status rc = TK_OK;
	switch (obj) {
	case OBJ_NONE:
	case OBJ_USER:
		return true;
	case OBJ_ORG: {
		tk_store_org o;
		rc = tk_store_org_get(r->s, r->id, r->a, &o, &err);
		r->org_id = r->id;
		break;
	}
	case OBJ_SYSTEM: {
		tk_store_system y;
		rc = tk_store_system_get(r->s, r->id, r->a, &y, &err);
		r->org_id = y.org_id;
		r->system_id = y.id;
		break;
	}
	case OBJ_ROUND:
		/* Reads may use the key read a moment ago (session_cache.c). */
		if (!is_change(r->method) && cache_round_get(r->id, &r->rk)) {
			rc = TK_OK;
		} else {
			unsigned long generation = cache_round_generation();
			rc = tk_store_round_key(r->s, r->id, &r->rk, &err);
			if (!rc && !is_change(r->method))
				cache_round_put(generation, r->id, &r->rk);
		}
		r->org_id = r->rk.org_id;
		r->system_id = r->rk.system_id;
		break;
	}
	if (rc == TK_ENOTFOUND) {
		not_found(r);
		return false;
	}
	if (rc) {
		reply_internal(r, &err);
		return false;
	}
	return true;
}

/* The one check: session, CSRF, forced steps, organisation, role. */
static bool authorise(req *r, const route_def *d)
{
	tk_error err = { 0 };
	if (d->need == PERM_NONE)
		return true;
	if (session_load(r, &err)) {
		reply_internal(r, &err);
		return false;
	}
	if (!r->signed_in) {
		reply_error(r, 401, "unauthenticated", "サインインしてください", "please sign in");
		return false;
	}
	if (is_change(r->method)) {
		const char *t = header(r, "X-CSRF-Token");
		size_t want = strlen(r->sess.csrf_token);
		if (!t || strlen(t) != want || sodium_memcmp(t, r->sess.csrf_token, want) != 0) {
			reply_error(r, 403, "csrf_failed", "CSRF トークンがないか違います", "missing or wrong CSRF token");
			return false;
		}
	}
	if (d->need == PERM_SESSION)
		return true;
	if (r->user.must_change_password) {
		reply_error(r, 403, "password_change_required", "まず一時パスワードを変更してください",
			"change the one-time password first");
		return false;
	}
	if (d->need == PERM_ENROL)
		return true;
	if (user_needs_totp(&r->user) && !r->user.totp_secret) {
		reply_error(r, 403, "totp_enrolment_required", "管理者と組織の所有者は、まず二要素認証（TOTP）を登録してください",
			"administrators and owners must enrol a second factor (TOTP) first");
		return false;
	}
	if (!resolve_object(r, d->obj))
		return false;
	if (d->obj == OBJ_ORG || d->obj == OBJ_SYSTEM || d->obj == OBJ_ROUND) {
		r->role = user_role(&r->user, r->org_id);
		/* Another organisation's objects do not exist for this user. */
		if (!r->role && !r->user.admin) {
			not_found(r);
			return false;
		}
	}
	bool admin = r->user.admin;
	const char *role = r->role ? r->role : "";
	switch (d->need) {
	case PERM_USER:
	case PERM_READ:
		return true;
	case PERM_MANAGE:
		if (admin || strcmp(role, "owner") == 0)
			return true;
		break;
	case PERM_RATE:
		if (admin || strcmp(role, "owner") == 0)
			return true;
		if (strcmp(role, "assessor") == 0) {
			bool yes = false;
			if (tk_system_is_assessor(r->s, r->system_id, r->user.id, &yes, &err)) {
				reply_internal(r, &err);
				return false;
			}
			if (yes)
				return true;
		}
		break;
	case PERM_AUDIT:
		if (admin)
			return true;
		for (size_t i = 0; i < r->user.n_roles; i++)
			if (!strcmp(r->user.roles[i].role, "owner") || !strcmp(r->user.roles[i].role, "auditor"))
				return true;
		break;
	case PERM_ADMIN:
		if (admin)
			return true;
		break;
	default:
		break;
	}
	forbidden(r);
	return false;
}

/* On SQLite one writer at a time holds the database; writers of this
 * process queue here instead of in SQLite's busy retries (which sleep), so
 * that a burst of saves is answered in order at the speed of one. Sign-in
 * stays outside: its argon2 work would hold everyone else up. */
static pthread_mutex_t sqlite_writer = PTHREAD_MUTEX_INITIALIZER;

bool writer_lock(tk_store *s)
{
	if (strcmp(tk_store_backend(s), "sqlite") != 0)
		return false;
	pthread_mutex_lock(&sqlite_writer);
	return true;
}

void writer_unlock(void)
{
	pthread_mutex_unlock(&sqlite_writer);
}

static bool writes(const route_def *d)
{
	/* A rating save is queued for the writer (save_queue.c), which takes
	 * the turn itself: its request thread only reads. */
	if (d->fn == h_session_post || d->fn == h_rating_put)
		return false;
	/* downloads and exports write their audit entry */
	return is_change(d->method) || d->fn == h_round_document || d->fn == h_report || d->fn == h_export;
}

/* Changes known to leave users, roles and sessions alone; any other change
 * (and any route added later) makes the remembered sessions void. */
static bool keeps_identities(const route_def *d)
{
	return d->fn == h_rating_put || d->fn == h_plan_put || d->fn == h_round_workbook || d->fn == h_rounds_post ||
		d->fn == h_rounds_upload || d->fn == h_round_close || d->fn == h_systems_post || d->fn == h_system_patch ||
		d->fn == h_assessors_put || d->fn == hc_item_put;
}

static void run(req *r, const route_def *d)
{
	bool serial = writes(d) && writer_lock(r->s);
	if (authorise(r, d)) {
		/* a compliance round's own handlers for the shared round routes */
		handler fn = d->obj == OBJ_ROUND || d->obj == OBJ_SYSTEM ? compliance_route(r, d->fn) : d->fn;
		if (fn)
			fn(r);
	}
	/* After the change is committed, before it is answered. */
	if (is_change(r->method)) {
		cache_forget_rounds();
		if (!keeps_identities(d))
			cache_forget_identities();
	}
	if (serial)
		writer_unlock();
}

void route(req *r)
{
	tk_error err = { 0 };
	if (!(r->s = serve_store(&err))) {
		reply_internal(r, &err);
		return;
	}
	const char *path = r->path;
	if (strncmp(path, "/api/v1/", 8) != 0 && strcmp(path, "/api/v1") != 0) {
		not_found(r);
		return;
	}
	path += 7;
	bool path_known = false;
	for (size_t i = 0; i < sizeof(ROUTES) / sizeof(*ROUTES); i++) {
		if (!match(ROUTES[i].pattern, path, r))
			continue;
		path_known = true;
		if (strcmp(ROUTES[i].method, r->method) != 0)
			continue;
		run(r, &ROUTES[i]);
		return;
	}
	/* Without a session, unknown paths and methods say 401 like the rest. */
	if (session_load(r, &err)) {
		reply_internal(r, &err);
		return;
	}
	if (!r->signed_in)
		reply_error(r, 401, "unauthenticated", "サインインしてください", "please sign in");
	else if (path_known)
		reply_error(r, 405, "method_not_allowed", "このメソッドは使えません", "method not allowed");
	else
		not_found(r);
}
