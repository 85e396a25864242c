/* Catalogs, organisations and systems. */
#include <string.h>

#include "serve.h"
#include "taisaku/export.h"

void h_catalogs(req *r)
{
	tk_catalog_entry *v;
	size_t n;
	tk_error err = { 0 };
	if (tk_catalog_dir_list(g_cfg.catalog_dir, &v, &n, &err)) {
		reply_internal(r, &err);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		const tk_catalog *c;
		tk_error e2 = { 0 };
		if (serve_resolve(NULL, v[i].id, &c, &e2))
			continue; /* a catalog that does not load is not offered */
		json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:s}", "id", c->id, "kind",
			c->kind == TK_CATALOG_COMPLIANCE ? "compliance" : "strength", "title", c->title_ja ? c->title_ja : "",
			"version", c->version ? c->version : ""));
	}
	free(v);
	reply_json(r, 200, json_pack("{s:o}", "catalogs", list));
}

/* One catalog as `taisaku catalog export ID --format json`: the web UI's
 * requirement tree, 対策のポイント and ○/△/× questions. */
void h_catalog(req *r)
{
	const tk_catalog *c;
	tk_error err = { 0 };
	if (serve_resolve(NULL, r->param, &c, &err)) {
		reply_error(r, 404, "not_found", "見つかりません", "not found");
		return;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tk_status rc = !f ? TK_ENOMEM : tk_catalog_export_json(c, f, &err);
	if (f)
		fclose(f);
	if (rc) {
		free(buf);
		reply_internal(r, &err);
		return;
	}
	reply_bytes(r, 200, "application/json; charset=utf-8", buf, len);
}

void h_orgs_get(req *r)
{
	tk_store_org *v;
	size_t n;
	tk_error err = { 0 };
	if (tk_store_org_list(r->s, r->a, &v, &n, &err)) {
		reply_internal(r, &err);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		const char *role = user_role(&r->user, v[i].id);
		if (!role && !r->user.admin)
			continue;
		json_array_append_new(list, json_pack("{s:I,s:s,s:o,s:I}", "id", (json_int_t)v[i].id, "name", v[i].name,
			"role", role ? json_string(role) : json_null(), "n_systems", (json_int_t)v[i].n_systems));
	}
	reply_json(r, 200, json_pack("{s:o}", "organizations", list));
}

void h_orgs_post(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	const char *name = json_string_value(json_object_get(b, "name"));
	tk_error err = { 0 };
	int64_t id;
	tk_store_org o;
	if (!name || !*name)
		reply_error(r, 400, "bad_request", "name を指定してください", "give name");
	else if (tk_store_org_add(r->s, name, &id, &err))
		reply_tk_error(r, err.status == TK_EINPUT ? 409 : 500, err.status == TK_EINPUT ? "conflict" : "internal", &err);
	else if (tk_store_org_get(r->s, id, r->a, &o, &err))
		reply_internal(r, &err);
	else {
		audit(r, "org_add", id, name, "");
		reply_json(r, 201, json_pack("{s:I,s:s,s:n,s:I}", "id", (json_int_t)id, "name", o.name, "role",
			"n_systems", (json_int_t)0));
	}
	json_decref(b);
}

void h_systems_get(req *r)
{
	tk_store_org o;
	tk_store_system *v;
	size_t n;
	tk_error err = { 0 };
	if (tk_store_org_get(r->s, r->org_id, r->a, &o, &err) || tk_store_system_list(r->s, o.name, r->a, &v, &n, &err)) {
		reply_internal(r, &err);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *j = system_json(r, &v[i], &err);
		if (!j) {
			json_decref(list);
			reply_internal(r, &err);
			return;
		}
		json_array_append_new(list, j);
	}
	reply_json(r, 200, json_pack("{s:o}", "systems", list));
}

static void answer_system(req *r, int64_t id, unsigned status)
{
	tk_error err = { 0 };
	tk_store_system y;
	json_t *j = NULL;
	if (tk_store_system_get(r->s, id, r->a, &y, &err) || !(j = system_json(r, &y, &err)))
		reply_internal(r, &err);
	else
		reply_json(r, status, j);
}

static const char *opt_string(json_t *b, const char *k, bool *bad)
{
	json_t *v = json_object_get(b, k);
	if (v && !json_is_string(v))
		*bad = true;
	return json_string_value(v);
}

void h_systems_post(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	bool bad = false;
	const char *name = opt_string(b, "name", &bad), *industry = opt_string(b, "industry", &bad),
		   *size = opt_string(b, "size", &bad);
	tk_error err = { 0 };
	tk_store_org o;
	int64_t id;
	if (bad || !name || !*name)
		reply_error(r, 400, "bad_request", "name（文字列）を指定してください", "give name (a string)");
	else if (tk_store_org_get(r->s, r->org_id, r->a, &o, &err))
		reply_internal(r, &err);
	else if (tk_store_system_add(r->s, o.name, name, industry, size, &id, &err))
		reply_tk_error(r, err.status == TK_EINPUT ? 409 : 500, err.status == TK_EINPUT ? "conflict" : "internal", &err);
	else {
		audit(r, "system_add", r->org_id, name, "");
		answer_system(r, id, 201);
	}
	json_decref(b);
}

void h_system_get(req *r)
{
	answer_system(r, r->system_id, 200);
}

void h_system_patch(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	bool bad = false;
	const char *industry = opt_string(b, "industry", &bad), *size = opt_string(b, "size", &bad);
	tk_error err = { 0 };
	tk_store_system y;
	if (bad)
		reply_error(r, 400, "bad_request", "industry と size は文字列です", "industry and size are strings");
	else if (tk_store_system_get(r->s, r->system_id, r->a, &y, &err) ||
		tk_store_system_set(r->s, y.org, y.name, industry, size, &err))
		reply_internal(r, &err);
	else {
		char detail[600];
		snprintf(detail, sizeof(detail), "industry=%s size=%s", industry ? industry : "-", size ? size : "-");
		audit(r, "system_set", r->org_id, y.name, detail);
		answer_system(r, r->system_id, 200);
	}
	json_decref(b);
}

void h_assessors_put(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	json_t *ids = json_object_get(b, "user_ids");
	tk_error err = { 0 };
	size_t n = json_array_size(ids);
	int64_t *v = tk_arena_calloc(r->a, n + 1, sizeof(*v));
	if (!json_is_array(ids) || !v) {
		reply_error(r, 400, "bad_request", "user_ids（整数の配列）を指定してください", "give user_ids (an array of integers)");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(ids, i);
		tk_user u;
		tk_error e2 = { 0 };
		const char *role;
		if (!json_is_integer(e) || tk_user_get(r->s, json_integer_value(e), r->a, &u, &e2) ||
			!(role = user_role(&u, r->org_id)) || strcmp(role, "assessor") != 0) {
			reply_error(r, 400, "bad_request", "指定できるのは、この組織で assessor の役割を持つ利用者だけです",
				"only users with the assessor role in this organisation can be assigned");
			goto out;
		}
		v[i] = u.id;
	}
	if (tk_system_assessors_set(r->s, r->system_id, v, n, &err)) {
		reply_internal(r, &err);
		goto out;
	}
	char *detail = json_dumps(ids, JSON_COMPACT);
	char target[32];
	snprintf(target, sizeof(target), "system %lld", (long long)r->system_id);
	audit(r, "assessors_set", r->org_id, target, detail ? detail : "");
	free(detail);
	answer_system(r, r->system_id, 200);
out:
	json_decref(b);
}
