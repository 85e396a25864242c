/* Rounds: list, create from a plan, upload, get, document, close,
 * workbook; the plan, the ratings, the evaluation, reports and exports.
 * A round's content is its document with the ratings saved since it was
 * written (tk_store_round_load). A rating save stores that one rating and
 * the round's rows (tk_store_round_rate); a plan save, a workbook upload
 * and closing write the whole document again, canonically
 * (tk_assessment_write_yaml, tk_store_round_replace). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"
#include "taisaku/report.h"
#include "taisaku/workbook.h"

/* ---- the round's document ---- */

typedef struct loaded {
	tk_store_round round;
	tk_assessment *a;
} loaded;

static void loaded_free(loaded *l)
{
	tk_assessment_free(l->a);
	l->a = NULL;
}

static bool load_round(req *r, loaded *l)
{
	tk_error err = { 0 };
	memset(l, 0, sizeof(*l));
	if (tk_store_round_get(r->s, r->id, r->a, &l->round, &err) ||
		tk_store_round_load(r->s, r->id, serve_resolve, NULL, &l->a, &err)) {
		reply_internal(r, &err);
		return false;
	}
	return true;
}

static void reply_closed(req *r)
{
	reply_error(r, 409, "conflict", "確定済みの評価回は変更できません", "a closed round cannot change");
}

bool refuse_closed(req *r)
{
	if (!r->rk.closed)
		return false;
	reply_closed(r);
	return true;
}

json_t *open_round_body(req *r)
{
	json_t *b = body_json(r);
	if (b && refuse_closed(r)) {
		json_decref(b);
		return NULL;
	}
	return b;
}

static char *write_yaml(const tk_assessment *a, size_t *len, tk_error *err)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f) {
		tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		return NULL;
	}
	tk_status rc = tk_assessment_write_yaml(a, f, err);
	fclose(f);
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Stores yaml (a round's changed document, ECOM or compliance; freed
 * here) as round r->id's new version, with its audit entry in the same
 * transaction. *doc receives the prepared document (free with
 * tk_store_doc_free) for the answer. On failure the answer is given and
 * false returned. */
bool round_save_document(req *r, const char *document_name, char *yaml, size_t len, const char *action,
	const char *detail, tk_store_doc **doc)
{
	tk_error err = { 0 };
	tk_status rc = tk_store_doc_prepare(document_name, yaml, len, serve_resolve, NULL, doc, &err);
	free(yaml);
	if (rc) {
		reply_tk_error(r, 400, "invalid_document", &err);
		return false;
	}
	char target[64];
	snprintf(target, sizeof(target), "round %lld", (long long)r->id);
	if (tk_store_begin(r->s, &err) || tk_store_round_replace(r->s, r->id, *doc, &err) ||
		tk_audit_append(r->s, r->user.username, action, r->org_id, target, detail, r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		tk_store_doc_free(*doc);
		*doc = NULL;
		reply_internal(r, &err);
		return false;
	}
	return true;
}

/* A changed assessment as the round's new version (round_save_document). */
static bool save(req *r, const loaded *l, const tk_assessment *changed, const char *action, const char *detail,
	tk_store_doc **doc)
{
	tk_error err = { 0 };
	size_t len;
	char *yaml = write_yaml(changed, &len, &err);
	if (!yaml) {
		reply_internal(r, &err);
		return false;
	}
	return round_save_document(r, l->round.document_name, yaml, len, action, detail, doc);
}

static void answer_round(req *r, int64_t id, unsigned status)
{
	tk_error err = { 0 };
	tk_store_round x;
	tk_round_key k;
	if (tk_store_round_get(r->s, id, r->a, &x, &err) || tk_store_round_key(r->s, id, &k, &err))
		reply_internal(r, &err);
	else
		reply_json(r, status, round_json(&x, k.org_id));
}

/* ---- the evaluation, cached per round version ---- */

#define CACHE_SLOTS 256
typedef struct cache_slot {
	int64_t round, revision;
	char imported_at[32];
	shared_buf *json;
} cache_slot;
static cache_slot cache[CACHE_SLOTS];
static pthread_rwlock_t cache_lock = PTHREAD_RWLOCK_INITIALIZER;

/* The evaluation as compact JSON (the tokens of taisaku evaluate --json). */
static char *eval_json(const tk_evaluation *e, size_t *len, tk_error *err)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f) {
		tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		return NULL;
	}
	tk_status rc = tk_evaluation_write_json_compact(e, f, err);
	fclose(f);
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Puts an evaluation into the cache and returns it (a reference for the
 * caller), or NULL when memory runs out. */
static shared_buf *cache_put(int64_t round, const tk_round_key *k, const char *json, size_t len)
{
	shared_buf *b = shared_new(json, len);
	if (!b)
		return NULL;
	atomic_fetch_add(&b->refs, 1); /* one for the cache, one for the caller */
	pthread_rwlock_wrlock(&cache_lock);
	cache_slot *c = &cache[round % CACHE_SLOTS];
	shared_release(c->json);
	c->round = round;
	c->revision = k->revision;
	snprintf(c->imported_at, sizeof(c->imported_at), "%s", k->imported_at);
	c->json = b;
	pthread_rwlock_unlock(&cache_lock);
	return b;
}

static shared_buf *cache_get(int64_t round, const tk_round_key *k)
{
	shared_buf *out = NULL;
	pthread_rwlock_rdlock(&cache_lock);
	cache_slot *c = &cache[round % CACHE_SLOTS];
	if (c->json && c->round == round && c->revision == k->revision && strcmp(c->imported_at, k->imported_at) == 0) {
		out = c->json;
		atomic_fetch_add(&out->refs, 1);
	}
	pthread_rwlock_unlock(&cache_lock);
	return out;
}

void h_evaluation(req *r)
{
	size_t len;
	char *json = NULL;
	shared_buf *hit = cache_get(r->id, &r->rk);
	if (hit) {
		reply_shared(r, 200, "application/json; charset=utf-8", hit);
		shared_release(hit);
		return;
	}
	loaded l;
	if (!load_round(r, &l))
		return;
	tk_error err = { 0 };
	tk_evaluation *e = NULL;
	if (tk_evaluate(l.a, &e, &err) || !(json = eval_json(e, &len, &err)))
		reply_internal(r, &err);
	else if (!(hit = cache_put(r->id, &r->rk, json, len)))
		reply_error(r, 500, "internal", "メモリが足りません", "out of memory");
	else {
		reply_shared(r, 200, "application/json; charset=utf-8", hit);
		shared_release(hit);
	}
	free(json);
	tk_evaluation_free(e);
	loaded_free(&l);
}

/* ---- rounds ---- */

void h_rounds_get(req *r)
{
	tk_error err = { 0 };
	tk_store_system y;
	tk_store_round *v;
	size_t n;
	if (tk_store_system_get(r->s, r->system_id, r->a, &y, &err) ||
		tk_store_round_list(r->s, y.org, y.name, r->a, &v, &n, &err)) {
		reply_internal(r, &err);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, round_json(&v[i], r->org_id));
	reply_json(r, 200, json_pack("{s:o}", "rounds", list));
}

void h_round_get(req *r)
{
	answer_round(r, r->id, 200);
}

static bool is_date(const char *d)
{
	if (!d || strlen(d) != 10)
		return false;
	for (int i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
			return false;
	return true;
}

/* Stores bytes as a new round of the route's system, audited. */
static void import_new(req *r, const char *name, const char *data, size_t len, const char *action)
{
	tk_error err = { 0 };
	tk_store_system y;
	int64_t id = 0;
	tk_store_doc *d = NULL;
	if (tk_store_system_get(r->s, r->system_id, r->a, &y, &err)) {
		reply_internal(r, &err);
		return;
	}
	if (tk_store_doc_prepare(name, data, len, serve_resolve, NULL, &d, &err)) {
		reply_tk_error(r, 400, "invalid_document", &err);
		return;
	}
	tk_store_set_user(r->s, r->user.username);
	if (tk_store_begin(r->s, &err) || tk_store_round_add(r->s, y.org, y.name, d, &id, &err) ||
		tk_audit_append(r->s, r->user.username, action, r->org_id, y.name, name, r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		reply_internal(r, &err);
	} else {
		answer_round(r, id, 201);
	}
	tk_store_doc_free(d);
}

void h_rounds_post(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	tk_error err = { 0 };
	tk_store_system y;
	tk_store_round *v = NULL;
	size_t n = 0;
	tk_assessment *a = NULL;
	char *yaml = NULL;
	const char *date = json_string_value(json_object_get(b, "date"));
	const char *assessor = json_string_value(json_object_get(b, "assessor"));
	json_t *from = json_object_get(b, "from_round"), *lv = json_object_get(b, "level");
	bool copy = json_is_true(json_object_get(b, "copy_ratings"));
	const char *catalog = json_string_value(json_object_get(b, "catalog"));
	if ((date && !is_date(date)) || (from && !json_is_integer(from)) || (lv && !json_is_integer(lv))) {
		reply_error(r, 400, "bad_request", "date は YYYY-MM-DD、from_round と level は整数です",
			"date is YYYY-MM-DD; from_round and level are integers");
		goto out;
	}
	if (tk_store_system_get(r->s, r->system_id, r->a, &y, &err) ||
		tk_store_round_list(r->s, y.org, y.name, r->a, &v, &n, &err))
		goto internal;
	int64_t base = from ? json_integer_value(from) : n ? v[n - 1].id : 0;
	if (from) {
		bool mine = false;
		for (size_t i = 0; i < n; i++)
			mine |= v[i].id == base;
		if (!mine) {
			reply_error(r, 400, "bad_request", "from_round はこのシステムの評価回ではありません",
				"from_round is not a round of this system");
			goto out;
		}
	}
	size_t len;
	if (base) {
		if (tk_store_round_load(r->s, base, serve_resolve, NULL, &a, &err))
			goto internal;
		if (!copy)
			memset(a->ratings, 0, a->catalog->n_requirements * sizeof(*a->ratings));
		if (lv)
			a->level = (int)json_integer_value(lv);
	} else {
		if (!lv) {
			reply_error(r, 400, "bad_request", "評価回のないシステムには level（2〜5）が必要です",
				"a system without rounds needs level (2 to 5)");
			goto out;
		}
		json_t *doc = json_pack("{s:s,s:{s:s,s:s,s:I}}", "catalog", catalog ? catalog : "ecom-2004", "system",
			"name", y.name, "organization", y.org, "level", json_integer_value(lv));
		char *text = json_dumps(doc, JSON_COMPACT);
		json_decref(doc);
		tk_status rc = tk_assessment_load_buffer("new", text, strlen(text), serve_resolve, NULL, &a, &err);
		free(text);
		if (rc) {
			reply_tk_error(r, 400, "invalid_document", &err);
			goto out;
		}
	}
	a->date = date ? tk_arena_strdup(r->a, date) : a->date;
	a->assessor = assessor ? tk_arena_strdup(r->a, assessor) : a->assessor;
	if (!(yaml = write_yaml(a, &len, &err)))
		goto internal;
	char name[300];
	snprintf(name, sizeof(name), "%s-%s.yaml", y.name, date ? date : "new");
	import_new(r, name, yaml, len, "round_create");
	goto out;
internal:
	reply_internal(r, &err);
out:
	free(yaml);
	tk_assessment_free(a);
	json_decref(b);
}

void h_rounds_upload(req *r)
{
	const char *type = header(r, "Content-Type");
	if (!type || (strncmp(type, "application/yaml", 16) && strncmp(type, "application/json", 16) &&
		strncmp(type, "application/x-yaml", 18) && strncmp(type, "text/yaml", 9))) {
		reply_error(r, 415, "unsupported_media_type", "評価シートは application/yaml か application/json で送ってください",
			"send the assessment as application/yaml or application/json");
		return;
	}
	const char *name = query_arg(r, "name");
	import_new(r, name && *name && strlen(name) < 200 ? name : "upload.yaml", r->body ? r->body : "", r->body_len,
		"round_upload");
}

void h_round_document(req *r)
{
	tk_error err = { 0 };
	tk_store_round x;
	const char *data;
	size_t len;
	/* The content as it is now: with the ratings saved since the document
	 * was written, as canonical YAML when there are any. */
	if (tk_store_round_get(r->s, r->id, r->a, &x, &err) ||
		tk_store_round_current(r->s, r->id, serve_resolve, NULL, r->a, &data, &len, &err)) {
		reply_internal(r, &err);
		return;
	}
	char *copy = malloc(len + 1);
	if (!copy) {
		reply_error(r, 500, "internal", "メモリが足りません", "out of memory");
		return;
	}
	memcpy(copy, data, len);
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	bool json = i < len && data[i] == '{';
	/* The file name goes out percent-encoded (RFC 6266), never raw. */
	snprintf(r->disposition, sizeof(r->disposition), "attachment; filename=\"round-%lld.%s\"", (long long)r->id,
		json ? "json" : "yaml");
	char target[64];
	snprintf(target, sizeof(target), "round %lld", (long long)r->id);
	audit(r, "download", r->org_id, target, "document");
	reply_bytes(r, 200, json ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8", copy, len);
}

/* The round's saved ratings written into a new document (prepared in
 * *doc, NULL when there are none), so that a closed round's document is
 * its whole content. False with the answer given. */
static bool fold_prepare(req *r, tk_store_doc **doc)
{
	tk_error err = { 0 };
	const char *edits;
	*doc = NULL;
	if (tk_store_round_edits(r->s, r->id, r->a, &edits, &err)) {
		reply_internal(r, &err);
		return false;
	}
	if (!edits)
		return true;
	loaded l;
	if (!load_round(r, &l))
		return false;
	size_t len;
	char *yaml = write_yaml(l.a, &len, &err);
	tk_status rc = yaml ? tk_store_doc_prepare(l.round.document_name, yaml, len, serve_resolve, NULL, doc, &err)
			    : err.status;
	free(yaml);
	loaded_free(&l);
	if (rc)
		reply_internal(r, &err);
	return rc == TK_OK;
}

void h_round_close(req *r)
{
	tk_error err = { 0 };
	if (refuse_closed(r))
		return;
	tk_store_doc *doc;
	if (!fold_prepare(r, &doc))
		return;
	char target[64];
	snprintf(target, sizeof(target), "round %lld", (long long)r->id);
	tk_status rc = tk_store_begin(r->s, &err);
	if (!rc && doc)
		rc = tk_store_round_replace(r->s, r->id, doc, &err);
	tk_store_doc_free(doc);
	if (rc || tk_store_round_close(r->s, r->id, &err) ||
		tk_audit_append(r->s, r->user.username, "round_close", r->org_id, target, "", r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		reply_tk_error(r, err.status == TK_EINPUT ? 409 : 500, err.status == TK_EINPUT ? "conflict" : "internal",
			&err);
		return;
	}
	answer_round(r, r->id, 200);
}

/* ---- workbook uploads (ECOM and compliance rounds) ---- */

bool workbook_upload_kind(req *r, bool *xlsx)
{
	const char *type = header(r, "Content-Type");
	*xlsx = type && strncmp(type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 65) == 0;
	if (*xlsx || (type && strncmp(type, "text/csv", 8) == 0))
		return true;
	reply_error(r, 415, "unsupported_media_type", "xlsx か text/csv で送ってください", "send xlsx or text/csv");
	return false;
}

tk_workbook *workbook_upload_read(req *r, bool xlsx)
{
	tk_error err = { 0 };
	tk_workbook *wb = NULL;
	tk_status rc = xlsx ? tk_workbook_read_xlsx("upload.xlsx", r->body ? r->body : "", r->body_len, &wb, &err)
			    : tk_workbook_read_csv("upload.csv", r->body ? r->body : "", r->body_len, &wb, &err);
	if (rc) {
		reply_tk_error(r, 400, "invalid_document", &err);
		return NULL;
	}
	return wb;
}

void reply_import_problems(req *r, const tk_error *const *problems, size_t n, const tk_error *err)
{
	/* Every problem in one message, as taisaku import lists them. */
	char ja[2048] = "", en[2048] = "";
	for (size_t i = 0; i < n; i++) {
		char b1[700], b2[700];
		tk_error_format(problems[i], TK_LANG_JA, b1, sizeof(b1));
		tk_error_format(problems[i], TK_LANG_EN, b2, sizeof(b2));
		snprintf(ja + strlen(ja), sizeof(ja) - strlen(ja), "%s\n", b1);
		snprintf(en + strlen(en), sizeof(en) - strlen(en), "%s\n", b2);
	}
	if (!n) {
		tk_error_format(err, TK_LANG_JA, ja, sizeof(ja));
		tk_error_format(err, TK_LANG_EN, en, sizeof(en));
	}
	reply_error(r, 400, "invalid_document", ja, en);
}

void h_round_workbook(req *r)
{
	bool xlsx;
	if (!workbook_upload_kind(r, &xlsx) || refuse_closed(r))
		return;
	loaded l;
	if (!load_round(r, &l))
		return;
	tk_error err = { 0 };
	tk_workbook *wb = NULL;
	tk_import *im = NULL;
	tk_assessment *out = NULL;
	tk_store_doc *doc = NULL;
	if (!(wb = workbook_upload_read(r, xlsx)))
		goto out;
	if (tk_import_new(l.a, serve_resolve, NULL, &im, &err)) {
		reply_tk_error(r, 400, "invalid_document", &err);
		goto out;
	}
	if (tk_import_add(im, wb, &err) || tk_import_finish(im, &out)) {
		const tk_error *problems[10];
		size_t n = 0;
		while (n < 10 && n < tk_import_problem_count(im)) {
			problems[n] = tk_import_problem(im, n);
			n++;
		}
		reply_import_problems(r, problems, n, &err);
		goto out;
	}
	if (save(r, &l, out, "workbook_import", xlsx ? "xlsx" : "csv", &doc))
		answer_round(r, r->id, 200);
out:
	tk_store_doc_free(doc);
	tk_assessment_free(out);
	tk_import_free(im);
	tk_workbook_free(wb);
	loaded_free(&l);
}

/* ---- the plan ---- */

void h_plan_get(req *r)
{
	loaded l;
	if (!load_round(r, &l))
		return;
	const tk_catalog *c = l.a->catalog;
	json_t *imp = json_object(), *ov = json_object();
	for (size_t i = 0; i < c->n_requirements; i++) {
		if (l.a->importance[i] != TK_IMP_GENERAL)
			json_object_set_new(imp, c->requirements[i].id, json_string(tk_importance_name(l.a->importance[i])));
		if (l.a->override_level[i])
			json_object_set_new(ov, c->requirements[i].id, json_pack("{s:i,s:s}", "level", l.a->override_level[i],
				"reason", l.a->override_reason[i] ? l.a->override_reason[i] : ""));
	}
	reply_json(r, 200, json_pack("{s:i,s:s,s:o,s:o}", "level", l.a->level, "reason",
		l.a->level_reason ? l.a->level_reason : "", "importance", imp, "overrides", ov));
	loaded_free(&l);
}

static bool importance_parse(const char *s, tk_importance *out)
{
	for (int i = 0; i <= TK_IMP_LOW; i++)
		if (s && strcmp(s, tk_importance_name((tk_importance)i)) == 0) {
			*out = (tk_importance)i;
			return true;
		}
	return false;
}

void h_plan_put(req *r)
{
	json_t *b = open_round_body(r);
	if (!b)
		return;
	loaded l;
	if (!load_round(r, &l)) {
		json_decref(b);
		return;
	}
	tk_assessment *a = l.a;
	const tk_catalog *c = a->catalog;
	json_t *lv = json_object_get(b, "level"), *imp = json_object_get(b, "importance"),
	       *ov = json_object_get(b, "overrides"), *reason = json_object_get(b, "reason");
	tk_store_doc *doc = NULL;
	const char *key;
	json_t *val;
	char ja[300], en[300];
	if (!json_is_integer(lv) || !json_is_object(imp) || !json_is_object(ov) || (reason && !json_is_string(reason))) {
		reply_error(r, 400, "bad_request", "level（整数）, reason, importance, overrides（オブジェクト）を指定してください",
			"give level (an integer), reason, importance and overrides (objects)");
		goto out;
	}
	a->level = (int)json_integer_value(lv);
	a->level_reason = reason ? tk_arena_strdup(r->a, json_string_value(reason)) : NULL;
	for (size_t i = 0; i < c->n_requirements; i++) {
		a->importance[i] = TK_IMP_GENERAL;
		a->importance_given[i] = false;
		a->override_level[i] = 0;
		a->override_reason[i] = NULL;
	}
	json_object_foreach(imp, key, val) {
		const tk_requirement *q = tk_catalog_requirement(c, key);
		tk_importance im;
		if (!q || !importance_parse(json_string_value(val), &im)) {
			snprintf(ja, sizeof(ja), "importance の '%s' が正しくありません（要求 ID と critical/important/general/low）", key);
			snprintf(en, sizeof(en), "importance '%s' is wrong (a requirement ID and critical/important/general/low)", key);
			reply_error(r, 400, "invalid_document", ja, en);
			goto out;
		}
		size_t i = (size_t)(q - c->requirements);
		a->importance[i] = im;
		a->importance_given[i] = im != TK_IMP_GENERAL;
	}
	json_object_foreach(ov, key, val) {
		const tk_requirement *q = tk_catalog_requirement(c, key);
		json_t *ol = json_object_get(val, "level"), *orr = json_object_get(val, "reason");
		if (!q || !json_is_integer(ol) || !json_is_string(orr)) {
			snprintf(ja, sizeof(ja), "overrides の '%s' が正しくありません（要求 ID と {level, reason}）", key);
			snprintf(en, sizeof(en), "override '%s' is wrong (a requirement ID and {level, reason})", key);
			reply_error(r, 400, "invalid_document", ja, en);
			goto out;
		}
		size_t i = (size_t)(q - c->requirements);
		a->override_level[i] = (int)json_integer_value(ol);
		a->override_reason[i] = tk_arena_strdup(r->a, json_string_value(orr));
	}
	char *detail = json_dumps(b, JSON_COMPACT);
	bool ok = save(r, &l, a, "plan_set", detail ? detail : "", &doc);
	free(detail);
	if (ok) {
		loaded_free(&l);
		h_plan_get(r);
	}
out:
	tk_store_doc_free(doc);
	loaded_free(&l);
	json_decref(b);
}

/* ---- ratings ---- */

static json_t *rank_json(const tk_catalog *c, const tk_rating *rt, int p)
{
	static const char *const ANSWERS[] = { "o", "t", "x" };
	if (rt->from_answers[p] && rt->answers[p]) {
		const tk_peripheral *per = &c->scoring.peripherals[p];
		json_t *o = json_object();
		for (size_t k = 0; k < per->n_columns; k++)
			json_object_set_new(o, per->columns[k].id, json_string(ANSWERS[rt->answers[p][k] <= TK_ANSWER_X ?
				rt->answers[p][k] : TK_ANSWER_X]));
		return o;
	}
	return json_string(tk_rank_name(rt->ranks[p]));
}

static json_t *rating_json(const tk_catalog *c, const tk_rating *rt)
{
	json_t *j = json_object();
	if (rt->kind == TK_RATING_NA)
		json_object_set_new(j, "na", json_string(rt->na_reason ? rt->na_reason : ""));
	else if (rt->kind == TK_RATING_UNKNOWN)
		json_object_set_new(j, "unknown", json_true());
	else if (rt->kind == TK_RATING_RATED) {
		if (rt->n_assets) {
			json_t *as = json_array();
			for (size_t i = 0; i < rt->n_assets; i++)
				json_array_append_new(as, json_pack("{s:s,s:b,s:i}", "name", rt->assets[i].name, "important",
					rt->assets[i].important, "core", rt->assets[i].core));
			json_object_set_new(j, "assets", as);
		} else {
			json_object_set_new(j, "core", json_integer(rt->core));
		}
		for (int p = 0; p < TK_PERIPHERALS; p++)
			if (rt->rank_given[p])
				json_object_set_new(j, tk_element_name((tk_element)p), rank_json(c, rt, p));
	}
	if (rt->n_evidence) {
		json_t *ev = json_array();
		for (size_t i = 0; i < rt->n_evidence; i++) {
			json_t *e = json_pack("{s:s}", "title", rt->evidence[i].title);
			if (rt->evidence[i].date)
				json_object_set_new(e, "date", json_string(rt->evidence[i].date));
			if (rt->evidence[i].ref)
				json_object_set_new(e, "ref", json_string(rt->evidence[i].ref));
			json_array_append_new(ev, e);
		}
		json_object_set_new(j, "evidence", ev);
	}
	if (rt->note)
		json_object_set_new(j, "note", json_string(rt->note));
	return j;
}

void h_ratings_get(req *r)
{
	loaded l;
	if (!load_round(r, &l))
		return;
	const tk_catalog *c = l.a->catalog;
	json_t *all = json_object();
	for (size_t i = 0; i < c->n_requirements; i++)
		if (l.a->ratings[i].kind != TK_RATING_UNASSESSED || l.a->ratings[i].note || l.a->ratings[i].n_evidence)
			json_object_set_new(all, c->requirements[i].id, rating_json(c, &l.a->ratings[i]));
	reply_json(r, 200, json_pack("{s:o}", "ratings", all));
	loaded_free(&l);
}

/* The save of h_rating_put, on the writer's thread inside its batch
 * (save_queue.c): the round held and read as it is now (from the writer's
 * memory when unchanged, round_cache.c), the rating set exactly as the file
 * loader reads it, the round evaluated, and the rating, the rows it
 * changed and the audit entry written; the document itself is not
 * written again (tk_store_round_rate). */
static bool rating_save(req *r)
{
	tk_error err = { 0 };
	tk_round_key k;
	if (tk_store_round_lock(r->s, r->id, &err) || tk_store_round_key(r->s, r->id, &k, &err)) {
		if (err.status == TK_EINPUT)
			reply_closed(r);
		else
			reply_internal(r, &err);
		return false;
	}
	cached_round *c = round_cache_get(r->s, r->id, &k, &err);
	if (!c) {
		reply_internal(r, &err);
		return false;
	}
	const tk_catalog *cat = c->a->catalog;
	const tk_requirement *q = tk_catalog_requirement(cat, r->param);
	if (!q) {
		reply_error(r, 404, "not_found", "その要求はカタログにありません", "no such requirement in the catalog");
		return false;
	}
	size_t i = (size_t)(q - cat->requirements);
	if (tk_assessment_set_ratings(c->a, r->param, r->save_doc, strlen(r->save_doc), serve_resolve, NULL, &err)) {
		round_cache_forget(c); /* it may be half set */
		reply_tk_error(r, 400, "invalid_document", &err);
		return false;
	}
	char detail[300], target[64];
	const tk_rating *nr = &c->a->ratings[i];
	snprintf(detail, sizeof(detail), "%s: %s core=%d", r->param,
		nr->kind == TK_RATING_RATED ? "rated" : nr->kind == TK_RATING_NA ? "na" : nr->kind == TK_RATING_UNKNOWN ?
		"unknown" : "unassessed", nr->core);
	snprintf(target, sizeof(target), "round %lld", (long long)r->id);
	tk_evaluation *e = NULL;
	if (tk_evaluate(c->a, &e, &err) || tk_store_round_rate(r->s, r->id, c->e, e, r->param, r->save_rating, &err) ||
		tk_audit_append(r->s, r->user.username, "rating_set", r->org_id, target, detail, r->remote, &err)) {
		tk_evaluation_free(e);
		round_cache_forget(c);
		reply_internal(r, &err);
		return false;
	}
	round_cache_saved(c, e);
	/* The answer: this requirement, its domain, the system and the counts,
	 * the same bytes as in the evaluation a GET gives (which is made again
	 * when it is asked for: the revision changed). */
	char *answer = NULL;
	size_t alen = 0;
	FILE *af = open_memstream(&answer, &alen);
	tk_status arc = af ? tk_evaluation_write_rating_json(e, i, af, &err) : TK_ENOMEM;
	if (af)
		fclose(af);
	if (arc) {
		free(answer);
		reply_error(r, 500, "internal", "評価結果を組み立てられません", "cannot build the answer");
	} else {
		reply_bytes(r, 200, "application/json; charset=utf-8", answer, alen);
	}
	return true;
}

void h_rating_put(req *r)
{
	json_t *b = open_round_body(r);
	if (!b)
		return;
	/* The rating is read by the assessment loader itself (in a one-entry
	 * document), so that it is checked exactly as in a file. */
	json_t *one = json_pack("{s:O}", r->param, b);
	char *text = one ? json_dumps(one, JSON_COMPACT) : NULL, *rating = json_dumps(b, JSON_COMPACT);
	json_decref(one);
	json_decref(b);
	json_t *as_key = one ? NULL : json_string(r->param);
	if (!one && !as_key) {
		/* Not UTF-8: no catalog has such a requirement (the writer looks
		 * up the ones that are). */
		free(rating);
		reply_error(r, 404, "not_found", "その要求はカタログにありません", "no such requirement in the catalog");
		return;
	}
	json_decref(as_key);
	r->save_doc = text ? tk_arena_strdup(r->a, text) : NULL;
	r->save_rating = rating ? tk_arena_strdup(r->a, rating) : NULL;
	free(text);
	free(rating);
	if (!r->save_doc || !r->save_rating) {
		reply_error(r, 500, "internal", "メモリが足りません", "out of memory");
		return;
	}
	save_queue_submit(r, rating_save);
}

/* ---- reports and exports ---- */

void h_report(req *r)
{
	const char *kind_s = query_arg(r, "kind");
	tk_report_kind kind = TK_REPORT_ASSESSMENT;
	if (kind_s && !tk_report_kind_parse(kind_s, &kind)) {
		reply_error(r, 400, "bad_request", "kind は assessment, plan, improvement のいずれかです",
			"kind is assessment, plan or improvement");
		return;
	}
	const char *lang_s = query_arg(r, "lang");
	tk_lang lang = lang_s && strcmp(lang_s, "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
	loaded l;
	if (!load_round(r, &l))
		return;
	tk_error err = { 0 };
	tk_evaluation *e = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tk_status rc = !f ? TK_ENOMEM : tk_evaluate(l.a, &e, &err);
	if (!rc)
		rc = tk_report_write_html(e, kind, lang, f, &err);
	if (f)
		fclose(f);
	if (rc) {
		free(buf);
		reply_internal(r, &err);
	} else {
		char target[64];
		snprintf(target, sizeof(target), "round %lld", (long long)r->id);
		audit(r, "download", r->org_id, target, kind_s ? kind_s : "assessment");
		r->html_report = true;
		snprintf(r->disposition, sizeof(r->disposition), "inline; filename=\"round-%lld-%s.html\"", (long long)r->id,
			kind_s ? kind_s : "assessment");
		reply_bytes(r, 200, "text/html; charset=utf-8", buf, len);
	}
	tk_evaluation_free(e);
	loaded_free(&l);
}

void h_export(req *r)
{
	const char *fmt = query_arg(r, "format");
	if (fmt && strcmp(fmt, "xlsx") && strcmp(fmt, "csv")) {
		reply_error(r, 400, "bad_request", "format は xlsx か csv です", "format is xlsx or csv");
		return;
	}
	bool csv = fmt && strcmp(fmt, "csv") == 0;
	const char *lang_s = query_arg(r, "lang");
	tk_workbook_options opt = { .lang = lang_s && strcmp(lang_s, "en") == 0 ? TK_LANG_EN : TK_LANG_JA };
	loaded l;
	if (!load_round(r, &l))
		return;
	tk_error err = { 0 };
	char *data = NULL;
	size_t len = 0;
	tk_status rc;
	if (csv) {
		FILE *f = open_memstream(&data, &len);
		rc = f ? tk_workbook_write_csv(l.a, &opt, f, &err) : TK_ENOMEM;
		if (f)
			fclose(f);
	} else {
		rc = tk_workbook_write_xlsx(l.a, &opt, &data, &len, &err);
	}
	if (rc) {
		free(data);
		reply_internal(r, &err);
	} else {
		char target[64];
		snprintf(target, sizeof(target), "round %lld", (long long)r->id);
		audit(r, "export", r->org_id, target, csv ? "csv" : "xlsx");
		snprintf(r->disposition, sizeof(r->disposition), "attachment; filename=\"round-%lld.%s\"", (long long)r->id,
			csv ? "csv" : "xlsx");
		reply_bytes(r, 200, csv ? "text/csv; charset=utf-8" :
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, len);
	}
	loaded_free(&l);
}
