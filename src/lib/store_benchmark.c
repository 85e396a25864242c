/* Benchmark exchange between stores that share no server (issue 9):
 * anonymised latest levels out (taisaku-benchmark/1 JSON), external peers
 * in. What may leave is decided here and nowhere else: catalog, industry,
 * size, year, target level, levels; each organisation a random token. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "store_internal.h"

#define FORMAT "taisaku-benchmark/1"
#define TOKEN_BYTES 16

/* The latest strength round of each system, of one organisation or all. */
static const char *const SQL_LATEST =
	"SELECT r.id, o.id, y.industry, y.size, r.catalog_id, r.assessed_on, r.target_level, r.level "
	"FROM systems y JOIN organizations o ON o.id = y.organization_id "
	"JOIN rounds r ON r.id = (SELECT r2.id FROM rounds r2 WHERE r2.system_id = y.id "
	"AND r2.kind = 'ecom' ORDER BY r2.assessed_on DESC, r2.id DESC LIMIT 1) "
	"WHERE (? = 0 OR o.name = ?)";
static const char *const SQL_RATINGS = "SELECT item, achieved FROM ratings WHERE round_id = ? ORDER BY seq";
static const char *const SQL_LEVELS =
	"SELECT scope, ref, level FROM round_levels WHERE round_id = ? ORDER BY scope, seq";

static const char *const SQL_IMPORT_FIND = "SELECT id FROM external_imports WHERE export_token = ?";
static const char *const SQL_IMPORT_ADD =
	"INSERT INTO external_imports (export_token, imported_at) VALUES (?, ?) RETURNING id";
static const char *const SQL_PEER_ADD =
	"INSERT INTO external_peers (import_id, org_token, catalog_id, industry, size, year, target_level, level) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
static const char *const SQL_LEVEL_ADD =
	"INSERT INTO external_levels (peer_id, scope, ref, level) VALUES (?, ?, ?, ?)";

static tk_status random_token(char out[2 * TOKEN_BYTES + 1], tk_error *err)
{
	unsigned char b[TOKEN_BYTES];
	FILE *f = fopen("/dev/urandom", "rb");
	size_t got = f ? fread(b, 1, sizeof(b), f) : 0;
	if (f)
		fclose(f);
	if (got != sizeof(b))
		return tk_error_set(err, TK_EIO, "/dev/urandom", 0, 0, NULL, "乱数を読めません", "cannot read random bytes");
	for (size_t i = 0; i < sizeof(b); i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	return TK_OK;
}

static json_t *level_json(tk_store *s, tk_db_stmt *st, int i)
{
	return s->ops->column_null(st, i) ? json_null() : json_real(s->ops->column_double(st, i));
}

typedef struct org_token {
	int64_t id;
	char token[2 * TOKEN_BYTES + 1];
} org_token;

typedef struct keyed {
	char key[2 * TOKEN_BYTES + 1]; /* random: the order of systems says nothing */
	json_t *system;
} keyed;

static int by_key(const void *a, const void *b)
{
	return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

/* One system's levels: views, domains (round_levels), requirements (ratings). */
static tk_status system_levels(tk_store *s, tk_db_stmt *lv, tk_db_stmt *rt, int64_t round, json_t *sys,
	tk_error *err)
{
	json_t *views = json_object(), *domains = json_object(), *reqs = json_object();
	json_object_set_new(sys, "views", views);
	json_object_set_new(sys, "domains", domains);
	json_object_set_new(sys, "requirements", reqs);
	s->ops->reset(lv);
	s->ops->bind_int(lv, 1, round);
	tk_db_step r;
	while ((r = s->ops->step(lv, err)) == TK_DB_ROW)
		json_object_set_new(strcmp(s->ops->column_text(lv, 0), "view") == 0 ? views : domains,
			s->ops->column_text(lv, 1), level_json(s, lv, 2));
	if (r == TK_DB_FAILED)
		return err->status;
	s->ops->reset(rt);
	s->ops->bind_int(rt, 1, round);
	while ((r = s->ops->step(rt, err)) == TK_DB_ROW)
		json_object_set_new(reqs, s->ops->column_text(rt, 0), level_json(s, rt, 1));
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_store_benchmark_export(tk_store *s, const char *org, FILE *out, size_t *n_out, tk_error *err)
{
	tk_db_stmt *latest = NULL, *lv = NULL, *rt = NULL;
	org_token *orgs = NULL;
	keyed *sys = NULL;
	size_t n_orgs = 0, n = 0, cap = 0;
	json_t *doc = NULL;
	tk_status rc;
	if (org) {
		int64_t id;
		if ((rc = store_org_id(s, org, &id, err)))
			return rc;
	}
	if ((rc = s->ops->prepare(s->db, SQL_LATEST, &latest, err)) ||
	    (rc = s->ops->prepare(s->db, SQL_LEVELS, &lv, err)) ||
	    (rc = s->ops->prepare(s->db, SQL_RATINGS, &rt, err)))
		goto done;
	s->ops->bind_int(latest, 1, org != NULL);
	s->ops->bind_text(latest, 2, org ? org : "");
	tk_db_step r;
	while ((r = s->ops->step(latest, err)) == TK_DB_ROW) {
		int64_t round = s->ops->column_int(latest, 0), org_id = s->ops->column_int(latest, 1);
		const char *token = NULL;
		for (size_t i = 0; i < n_orgs && !token; i++)
			if (orgs[i].id == org_id)
				token = orgs[i].token;
		if (!token) {
			org_token *bigger = realloc(orgs, (n_orgs + 1) * sizeof(*orgs));
			if (!bigger) {
				rc = store_nomem(err);
				goto done;
			}
			orgs = bigger;
			orgs[n_orgs].id = org_id;
			if ((rc = random_token(orgs[n_orgs].token, err)))
				goto done;
			token = orgs[n_orgs++].token;
		}
		if (n == cap) {
			keyed *bigger = realloc(sys, (cap = cap ? 2 * cap : 16) * sizeof(*sys));
			if (!bigger) {
				rc = store_nomem(err);
				goto done;
			}
			sys = bigger;
		}
		keyed *k = &sys[n++];
		k->system = NULL;
		if ((rc = random_token(k->key, err)))
			goto done;
		const char *date = s->ops->column_text(latest, 5);
		json_t *year = date && strlen(date) >= 4 && atoi(date) > 0 ? json_integer(atoi(date)) : json_null();
		k->system = json_pack("{s:s, s:s, s:s, s:s, s:o, s:I, s:o}", "organisation", token,
			"catalog", s->ops->column_text(latest, 4), "industry", s->ops->column_text(latest, 2),
			"size", s->ops->column_text(latest, 3), "year", year,
			"target", (json_int_t)s->ops->column_int(latest, 6), "level", level_json(s, latest, 7));
		if (!k->system || (rc = system_levels(s, lv, rt, round, k->system, err)))
			goto done;
	}
	if (r == TK_DB_FAILED) {
		rc = err->status;
		goto done;
	}
	qsort(sys, n, sizeof(*sys), by_key);
	char export_token[2 * TOKEN_BYTES + 1];
	if ((rc = random_token(export_token, err)))
		goto done;
	json_t *systems = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(systems, sys[i].system);
		sys[i].system = NULL;
	}
	doc = json_pack("{s:s, s:s, s:o}", "format", FORMAT, "export", export_token, "systems", systems);
	rc = tk_json_write(doc, out, err);
	doc = NULL;
	if (n_out)
		*n_out = n;
done:
	for (size_t i = 0; sys && i < n; i++)
		json_decref(sys[i].system);
	free(sys);
	free(orgs);
	if (latest)
		s->ops->finalize(latest);
	if (lv)
		s->ops->finalize(lv);
	if (rt)
		s->ops->finalize(rt);
	return rc;
}

/* ---- import ---- */

static tk_status bad(const char *path, const char *key, const char *ja, const char *en, tk_error *err)
{
	return tk_error_set_texts(err, TK_EINPUT, path, 0, 0, key, ja, en);
}

static bool is_token(const char *t)
{
	if (!t || strlen(t) != 2 * TOKEN_BYTES)
		return false;
	for (const char *p = t; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

static bool is_level(json_t *v)
{
	if (json_is_null(v))
		return true;
	if (!json_is_number(v))
		return false;
	double x = json_number_value(v);
	return isfinite(x) && x >= 1 && x <= 5;
}

static const char *const SYSTEM_KEYS[] = { "organisation", "catalog", "industry", "size", "year", "target",
	"level", "views", "domains", "requirements" };

/* One system of the file, checked strictly (unknown keys are errors). */
static tk_status check_system(const char *path, size_t i, json_t *sys, tk_error *err)
{
	char key[96];
	snprintf(key, sizeof(key), "systems[%zu]", i);
	if (!json_is_object(sys))
		return bad(path, key, "オブジェクトではありません", "not an object", err);
	const char *k;
	json_t *v;
	json_object_foreach(sys, k, v) {
		bool known = false;
		for (size_t j = 0; j < sizeof(SYSTEM_KEYS) / sizeof(*SYSTEM_KEYS); j++)
			known |= strcmp(k, SYSTEM_KEYS[j]) == 0;
		if (!known) {
			snprintf(key, sizeof(key), "systems[%zu].%s", i, k);
			return bad(path, key, "知らないキーです", "unknown key", err);
		}
	}
	for (size_t j = 0; j < sizeof(SYSTEM_KEYS) / sizeof(*SYSTEM_KEYS); j++) {
		v = json_object_get(sys, SYSTEM_KEYS[j]);
		snprintf(key, sizeof(key), "systems[%zu].%s", i, SYSTEM_KEYS[j]);
		bool ok;
		switch (j) {
		case 0: ok = is_token(json_string_value(v)); break;
		case 1: ok = json_is_string(v) && *json_string_value(v); break;
		case 2: case 3: ok = json_is_string(v); break;
		case 4: ok = json_is_null(v) || (json_is_integer(v) && json_integer_value(v) > 0); break;
		case 5: ok = json_is_integer(v) && json_integer_value(v) >= 1 && json_integer_value(v) <= 5; break;
		case 6: ok = is_level(v); break;
		default: {
			ok = json_is_object(v);
			json_t *x;
			json_object_foreach(ok ? v : NULL, k, x)
				if (!is_level(x)) {
					snprintf(key, sizeof(key), "systems[%zu].%s.%s", i, SYSTEM_KEYS[j], k);
					return bad(path, key, "レベルは 1〜5 の数か null です",
						"a level is a number from 1 to 5 or null", err);
				}
		}
		}
		if (!ok)
			return bad(path, key, "値がないか、正しくありません", "missing or invalid", err);
	}
	return TK_OK;
}

static void bind_level(tk_store *s, tk_db_stmt *st, int i, json_t *v)
{
	if (json_is_number(v))
		s->ops->bind_double(st, i, json_number_value(v));
	else
		s->ops->bind_null(st, i);
}

static tk_status run(tk_store *s, tk_db_stmt *st, int64_t *id, tk_error *err)
{
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW && id)
		*id = s->ops->column_int(st, 0);
	if (r == TK_DB_ROW)
		r = s->ops->step(st, err);
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

static tk_status store_file(tk_store *s, json_t *doc, tk_error *err)
{
	tk_db_stmt *find = NULL, *imp = NULL, *peer = NULL, *lvl = NULL;
	tk_status rc;
	if ((rc = s->ops->prepare(s->db, SQL_IMPORT_FIND, &find, err)) ||
	    (rc = s->ops->prepare(s->db, SQL_IMPORT_ADD, &imp, err)) ||
	    (rc = s->ops->prepare(s->db, SQL_PEER_ADD, &peer, err)) ||
	    (rc = s->ops->prepare(s->db, SQL_LEVEL_ADD, &lvl, err)))
		goto done;
	const char *token = json_string_value(json_object_get(doc, "export"));
	s->ops->bind_text(find, 1, token);
	tk_db_step r = s->ops->step(find, err);
	if (r == TK_DB_FAILED) {
		rc = err->status;
		goto done;
	}
	if (r == TK_DB_ROW) {
		rc = tk_error_set(err, TK_EINPUT, NULL, 0, 0, "export",
			"このファイル（export %s）はすでに取り込んであります", "this file (export %s) was imported before",
			token);
		goto done;
	}
	char now[32];
	store_now(now);
	int64_t import_id = 0;
	s->ops->bind_text(imp, 1, token);
	s->ops->bind_text(imp, 2, now);
	if ((rc = run(s, imp, &import_id, err)))
		goto done;
	size_t i;
	json_t *sys;
	static const char *const SCOPES[][2] = { { "views", "view" }, { "domains", "domain" },
		{ "requirements", "requirement" } };
	json_array_foreach(json_object_get(doc, "systems"), i, sys) {
		int64_t id = 0;
		json_t *year = json_object_get(sys, "year");
		s->ops->bind_int(peer, 1, import_id);
		s->ops->bind_text(peer, 2, json_string_value(json_object_get(sys, "organisation")));
		s->ops->bind_text(peer, 3, json_string_value(json_object_get(sys, "catalog")));
		s->ops->bind_text(peer, 4, json_string_value(json_object_get(sys, "industry")));
		s->ops->bind_text(peer, 5, json_string_value(json_object_get(sys, "size")));
		if (json_is_integer(year))
			s->ops->bind_int(peer, 6, json_integer_value(year));
		else
			s->ops->bind_null(peer, 6);
		s->ops->bind_int(peer, 7, json_integer_value(json_object_get(sys, "target")));
		bind_level(s, peer, 8, json_object_get(sys, "level"));
		if ((rc = run(s, peer, &id, err)))
			goto done;
		for (int k = 0; k < 3; k++) {
			const char *ref;
			json_t *v;
			json_object_foreach(json_object_get(sys, SCOPES[k][0]), ref, v) {
				s->ops->bind_int(lvl, 1, id);
				s->ops->bind_text(lvl, 2, SCOPES[k][1]);
				s->ops->bind_text(lvl, 3, ref);
				bind_level(s, lvl, 4, v);
				if ((rc = run(s, lvl, NULL, err)))
					goto done;
			}
		}
	}
done:
	if (find)
		s->ops->finalize(find);
	if (imp)
		s->ops->finalize(imp);
	if (peer)
		s->ops->finalize(peer);
	if (lvl)
		s->ops->finalize(lvl);
	return rc;
}

tk_status tk_store_benchmark_import(tk_store *s, const char *path, size_t *n, tk_error *err)
{
	json_error_t je;
	json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	if (!doc)
		return tk_error_set(err, TK_EINPUT, path, je.line, je.column, NULL, "JSON として読めません: %s",
			"not valid JSON: %s", je.text);
	tk_status rc = TK_OK;
	const char *k;
	json_t *v;
	json_object_foreach(doc, k, v)
		if (strcmp(k, "format") && strcmp(k, "export") && strcmp(k, "systems")) {
			rc = bad(path, k, "知らないキーです", "unknown key", err);
			goto done;
		}
	const char *format = json_string_value(json_object_get(doc, "format"));
	if (!format || strcmp(format, FORMAT)) {
		rc = bad(path, "format", "taisaku-benchmark/1 ではありません", "not taisaku-benchmark/1", err);
		goto done;
	}
	if (!is_token(json_string_value(json_object_get(doc, "export")))) {
		rc = bad(path, "export", "値がないか、正しくありません", "missing or invalid", err);
		goto done;
	}
	json_t *systems = json_object_get(doc, "systems");
	if (!json_is_array(systems)) {
		rc = bad(path, "systems", "配列ではありません", "not an array", err);
		goto done;
	}
	for (size_t i = 0; i < json_array_size(systems) && !rc; i++)
		rc = check_system(path, i, json_array_get(systems, i), err);
	if (rc || (rc = store_tx_begin(s, err)))
		goto done;
	if ((rc = store_file(s, doc, err))) {
		store_tx_rollback(s);
		goto done;
	}
	if (!(rc = store_tx_commit(s, err)) && n)
		*n = json_array_size(systems);
done:
	json_decref(doc);
	return rc;
}
