/* What several handlers share: the catalogs, and users, systems and rounds
 * as JSON. */
#include <pthread.h>
#include <string.h>

#include "serve.h"

/* Catalogs are loaded once and kept for the life of the server; every
 * thread shares them (they are read-only once loaded). */
static pthread_mutex_t catalogs_lock = PTHREAD_MUTEX_INITIALIZER;
static tk_catalog *catalogs[16];
static size_t n_catalogs;

tk_status serve_resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return tk_error_set(err, TK_EINPUT, NULL, 0, 0, "catalog",
				"カタログ ID '%s' は英小文字・数字・ハイフンで書いてください",
				"catalog ID '%s' must be lower-case letters, digits and hyphens", id);
	pthread_mutex_lock(&catalogs_lock);
	tk_status rc = TK_OK;
	*out = NULL;
	for (size_t i = 0; i < n_catalogs; i++)
		if (strcmp(catalogs[i]->id, id) == 0)
			*out = catalogs[i];
	if (!*out) {
		char path[1024];
		tk_catalog *cat = NULL;
		if (n_catalogs == sizeof(catalogs) / sizeof(*catalogs))
			rc = tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "カタログが多すぎます", "too many catalogs");
		else if (!(rc = tk_catalog_resolve(id, g_cfg.catalog_dir, path, sizeof(path), err)) &&
			!(rc = tk_catalog_load_cached(path, &cat, err)))
			*out = catalogs[n_catalogs++] = cat;
	}
	pthread_mutex_unlock(&catalogs_lock);
	return rc;
}

json_t *user_json(const tk_user *u)
{
	json_t *roles = json_array();
	for (size_t i = 0; i < u->n_roles; i++)
		json_array_append_new(roles, json_pack("{s:I,s:s,s:s}", "org_id", (json_int_t)u->roles[i].org_id, "org",
			u->roles[i].org, "role", u->roles[i].role));
	return json_pack("{s:I,s:s,s:b,s:b,s:b,s:b,s:s,s:o}", "id", (json_int_t)u->id, "username", u->username,
		"admin", u->admin, "disabled", u->disabled, "must_change_password", u->must_change_password,
		"totp_enabled", u->totp_secret != NULL, "created_at", u->created_at, "roles", roles);
}

static json_t *nullable_string(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* A compliance round's figures (MODEL.md §8); null for an ECOM round. */
static json_t *compliance_summary_json(const tk_store_round *x)
{
	if (!x->is_compliance)
		return json_null();
	return json_pack("{s:o,s:I,s:I,s:I,s:I,s:I}", "value", x->compliance_counted ? json_real(x->compliance) :
		json_null(), "applicable", (json_int_t)x->n_applicable, "implemented", (json_int_t)x->n_implemented,
		"partial", (json_int_t)x->n_partial, "not_implemented", (json_int_t)x->n_not_implemented,
		"open", (json_int_t)x->n_open);
}

json_t *round_json(const tk_store_round *x, int64_t org_id)
{
	json_t *j = json_pack("{s:I,s:I,s:I,s:s,s:s,s:s,s:s,s:o,s:o,s:s,s:s,s:b,s:o,s:i,s:o,s:o,s:b}",
		"id", (json_int_t)x->id, "system_id", (json_int_t)x->system_id, "org_id", (json_int_t)org_id,
		"system", x->system, "catalog", x->catalog_id, "catalog_version", x->catalog_version,
		"document_name", x->document_name, "date", nullable_string(x->date),
		"assessor", nullable_string(x->assessor), "imported_at", x->imported_at, "imported_by", x->imported_by,
		"closed", x->closed, "closed_at", nullable_string(x->closed_at), "target", x->target,
		"level", x->counted ? json_real(x->level) : json_null(),
		"target_mean", json_real(x->target_mean), "complete", x->complete);
	json_object_set_new(j, "counts", json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I}",
		"requirements", (json_int_t)x->n_requirements, "met", (json_int_t)x->n_met,
		"under", (json_int_t)x->n_under, "over", (json_int_t)x->n_over, "unknown", (json_int_t)x->n_unknown,
		"na", (json_int_t)x->n_na, "unassessed", (json_int_t)x->n_unassessed));
	json_object_set_new(j, "kind", json_string(x->is_compliance ? "compliance" : "ecom"));
	json_object_set_new(j, "compliance", compliance_summary_json(x));
	return j;
}

json_t *system_json(req *r, const tk_store_system *y, tk_error *err)
{
	int64_t *ids;
	size_t n;
	if (tk_system_assessors(r->s, y->id, r->a, &ids, &n, err))
		return NULL;
	json_t *as = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(as, json_integer(ids[i]));
	/* The latest round: the last of the list (by date, then import). */
	tk_store_round *rounds;
	size_t nr;
	if (tk_store_round_list(r->s, y->org, y->name, r->a, &rounds, &nr, err)) {
		json_decref(as);
		return NULL;
	}
	json_t *latest = json_null();
	if (nr) {
		const tk_store_round *x = &rounds[nr - 1];
		latest = json_pack("{s:I,s:o,s:o,s:i,s:f,s:I,s:b}", "round_id", (json_int_t)x->id,
			"date", nullable_string(x->date), "level", x->counted ? json_real(x->level) : json_null(),
			"target", x->target, "target_mean", x->target_mean, "n_under", (json_int_t)x->n_under,
			"closed", x->closed);
		json_object_set_new(latest, "kind", json_string(x->is_compliance ? "compliance" : "ecom"));
		json_object_set_new(latest, "compliance", x->is_compliance && x->compliance_counted ?
			json_real(x->compliance) : json_null());
	}
	return json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:I,s:o,s:o}", "id", (json_int_t)y->id, "org_id",
		(json_int_t)y->org_id, "org", y->org, "name", y->name, "industry", y->industry, "size", y->size,
		"n_rounds", (json_int_t)y->n_rounds, "assessors", as, "latest", latest);
}
