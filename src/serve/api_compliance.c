/* Compliance rounds in the web application (issue 7): a round whose
 * catalog is a compliance catalog (atla-ssr, nisc-2012, space-rules,
 * port-tos) has items with a status instead of ECOM ratings. Its own
 * routes are GET /rounds/{id}/items (the catalog's sections and items with
 * their text and what the round says of each) and PUT
 * /rounds/{id}/items/{item}; the round routes both kinds share
 * (evaluation, report, export, workbook) are handed to the handlers here
 * by compliance_route, and the ECOM-only ones (plan, ratings) answer 409.
 * As for ECOM rounds the document is the truth: a save loads it, changes
 * one item, writes it canonically (tk_compliance_write_yaml) and stores
 * the new version with its evaluation (tk_store_round_replace). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"
#include "taisaku/compliance.h"
#include "taisaku/compliance_workbook.h"
#include "taisaku/report.h"

/* ---- which kind a round is ---- */

/* A round's kind never changes (a new version must keep its catalog), so
 * it is remembered per round, keyed with its import time as well, so that
 * a deleted round's id used again is looked up afresh. */
#define KIND_SLOTS 1024
typedef struct kind_slot {
	int64_t round;
	char imported_at[32];
	bool compliance;
} kind_slot;
static kind_slot kinds[KIND_SLOTS];
/* read on every shared round route, ECOM ones too: readers do not wait on each other */
static pthread_rwlock_t kinds_lock = PTHREAD_RWLOCK_INITIALIZER;

/* Whether the route's round is a compliance round; false with a 500
 * answered when the store fails (*failed set). */
static bool round_is_compliance(req *r, bool *failed)
{
	*failed = false;
	bool hit = false, yes = false;
	pthread_rwlock_rdlock(&kinds_lock);
	kind_slot *k = &kinds[r->id % KIND_SLOTS];
	if (k->round == r->id && strcmp(k->imported_at, r->rk.imported_at) == 0) {
		hit = true;
		yes = k->compliance;
	}
	pthread_rwlock_unlock(&kinds_lock);
	if (hit)
		return yes;
	tk_error err = { 0 };
	tk_store_round x;
	if (tk_store_round_get(r->s, r->id, r->a, &x, &err)) {
		reply_internal(r, &err);
		*failed = true;
		return false;
	}
	pthread_rwlock_wrlock(&kinds_lock);
	k->round = r->id;
	snprintf(k->imported_at, sizeof(k->imported_at), "%s", r->rk.imported_at);
	k->compliance = x.is_compliance;
	pthread_rwlock_unlock(&kinds_lock);
	return x.is_compliance;
}

static void wrong_kind_ecom(req *r)
{
	reply_error(r, 409, "wrong_kind",
		"準拠性評価の評価回です。計画と ECOM の評価はなく、項目は /rounds/{id}/items で扱います",
		"this is a compliance round: it has no plan and no ECOM ratings; its items are at /rounds/{id}/items");
}

static void wrong_kind_compliance(req *r)
{
	reply_error(r, 409, "wrong_kind", "ECOM の評価回です。項目の状況は準拠性評価の評価回だけにあります",
		"this is an ECOM round: item statuses belong to compliance rounds only");
}

static void hc_evaluation(req *r);
static void hc_report(req *r);
static void hc_export(req *r);
static void hc_workbook(req *r);

static void hc_rounds_post(req *r);

handler compliance_route(req *r, handler fn)
{
	if (fn == h_rounds_post)
		return hc_rounds_post;
	static const struct {
		handler ecom, compliance;
	} MAP[] = {
		{ h_evaluation, hc_evaluation }, { h_report, hc_report }, { h_export, hc_export },
		{ h_round_workbook, hc_workbook }, { h_plan_get, wrong_kind_ecom }, { h_plan_put, wrong_kind_ecom },
		{ h_ratings_get, wrong_kind_ecom }, { h_rating_put, wrong_kind_ecom },
	};
	for (size_t i = 0; i < sizeof(MAP) / sizeof(*MAP); i++) {
		if (MAP[i].ecom != fn)
			continue;
		bool failed;
		bool yes = round_is_compliance(r, &failed);
		return failed ? NULL : yes ? MAP[i].compliance : fn;
	}
	return fn;
}

/* ---- the round's document ---- */

typedef struct cloaded {
	tk_store_round round;
	tk_compliance *c;
	tk_compliance_result *res;
} cloaded;

static void cloaded_free(cloaded *l)
{
	tk_compliance_result_free(l->res);
	tk_compliance_free(l->c);
	l->res = NULL;
	l->c = NULL;
}

/* Loads and evaluates the route's round; an ECOM round is answered 409. */
static bool load_compliance(req *r, cloaded *l)
{
	tk_error err = { 0 };
	const char *data;
	size_t len;
	memset(l, 0, sizeof(*l));
	if (tk_store_round_get(r->s, r->id, r->a, &l->round, &err)) {
		reply_internal(r, &err);
		return false;
	}
	if (!l->round.is_compliance) {
		wrong_kind_compliance(r);
		return false;
	}
	if (tk_store_round_document(r->s, r->id, r->a, &data, &len, &err) ||
		tk_compliance_load_buffer(l->round.document_name, data, len, serve_resolve, NULL, &l->c, &err) ||
		tk_compliance_evaluate(l->c, &l->res, &err)) {
		cloaded_free(l);
		reply_internal(r, &err);
		return false;
	}
	return true;
}

/* The evaluation as the JSON of taisaku evaluate --format json (the one
 * writer, compliance_json.c), parsed for picking parts of it. */
static json_t *result_json(const tk_compliance_result *res, tk_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tk_status rc = f ? tk_compliance_write_json(res, f, err) : TK_ENOMEM;
	if (f)
		fclose(f);
	json_t *j = rc ? NULL : json_loadb(buf, len, 0, NULL);
	free(buf);
	if (!j && !rc)
		tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	return j;
}

static char *write_yaml(const tk_compliance *c, size_t *len, tk_error *err)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f) {
		tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		return NULL;
	}
	tk_status rc = tk_compliance_write_yaml(c, f, err);
	fclose(f);
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* A changed compliance assessment as the round's new version
 * (round_save_document). */
static bool save(req *r, const cloaded *l, const tk_compliance *changed, const char *action, const char *detail,
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

/* ---- the items ---- */

static json_t *nullable(const char *s)
{
	return s ? json_string(s) : json_null();
}

static const char *modality_name(tk_modality m)
{
	switch (m) {
	case TK_MODALITY_SHALL: return "shall";
	case TK_MODALITY_SHOULD: return "should";
	case TK_MODALITY_CONSIDER: return "consider";
	default: return NULL;
	}
}

/* GET /rounds/{id}/items: the catalog's sections in order, each with its
 * items: the catalog's text (verbatim, as the seeds print it) and what
 * the round says of the item (the evaluation's item entry). */
void hc_items_get(req *r)
{
	cloaded l;
	if (!load_compliance(r, &l))
		return;
	tk_error err = { 0 };
	json_t *ev = result_json(l.res, &err);
	if (!ev) {
		cloaded_free(&l);
		reply_internal(r, &err);
		return;
	}
	const tk_catalog *cat = l.c->catalog;
	json_t *entries = json_object_get(ev, "items");
	json_t *sections = json_array();
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_domain *dom = &cat->domains[d];
		json_t *items = json_array();
		for (uint32_t i = dom->first_requirement; i < dom->first_requirement + dom->n_requirements; i++) {
			const tk_requirement *q = &cat->requirements[i];
			json_t *it = json_copy(json_array_get(entries, i));
			json_t *docs = json_array();
			for (size_t k = 0; k < q->documents_ja.n; k++)
				json_array_append_new(docs, json_string(q->documents_ja.v[k]));
			json_object_set_new(it, "title_ja", json_string(q->title_ja));
			json_object_set_new(it, "title_en", nullable(q->title_en));
			json_object_set_new(it, "text_ja", nullable(q->purpose_ja));
			json_object_set_new(it, "role_ja", nullable(q->role_ja));
			json_object_set_new(it, "modality", nullable(modality_name(q->modality)));
			json_object_set_new(it, "documents_ja", docs);
			json_array_append_new(items, it);
		}
		json_array_append_new(sections, json_pack("{s:s,s:s,s:o,s:s,s:o}", "id", dom->id, "title_ja",
			dom->title_ja, "title_en", nullable(dom->title_en), "view", cat->views[dom->view].id, "items", items));
	}
	json_t *answer = json_pack("{s:O,s:b,s:o}", "catalog", json_object_get(ev, "catalog"), "closed", r->rk.closed,
		"sections", sections);
	json_decref(ev);
	cloaded_free(&l);
	reply_json(r, 200, answer);
}

/* PUT /rounds/{id}/items/{item}: the item's new entry, in the document's
 * own form ({status, reason, note, evidence, action}). It is read by the
 * compliance loader itself, inside a one-item document, so that it is
 * checked exactly as in a file. The answer: the item, its section and
 * view, the whole and the open items, from the new version's evaluation. */
void hc_item_put(req *r)
{
	json_t *b = open_round_body(r);
	if (!b)
		return;
	cloaded l;
	if (!load_compliance(r, &l)) {
		json_decref(b);
		return;
	}
	tk_error err = { 0 };
	tk_compliance *one = NULL;
	tk_store_doc *doc = NULL;
	json_t *ev = NULL;
	char *text = NULL;
	const tk_catalog *cat = l.c->catalog;
	const tk_requirement *q = tk_catalog_requirement(cat, r->param);
	if (!q) {
		reply_error(r, 404, "not_found", "その項目はカタログにありません", "no such item in the catalog");
		goto out;
	}
	size_t i = (size_t)(q - cat->requirements);
	json_t *docj = json_pack("{s:s,s:{s:s},s:{s:O}}", "catalog", cat->id, "system", "name", "item", "items",
		r->param, b);
	text = docj ? json_dumps(docj, JSON_COMPACT) : NULL;
	json_decref(docj);
	if (!text || tk_compliance_load_buffer(r->param, text, strlen(text), serve_resolve, NULL, &one, &err)) {
		reply_tk_error(r, 400, "invalid_document", &err);
		goto out;
	}
	/* one's strings live until it is freed, after the save below */
	l.c->items[i] = one->items[i];
	char detail[300];
	snprintf(detail, sizeof(detail), "%s: %s", r->param, tk_item_status_name(one->items[i].status));
	if (!save(r, &l, l.c, "item_set", detail, &doc))
		goto out;
	if (!(ev = result_json(tk_store_doc_compliance(doc), &err))) {
		reply_internal(r, &err);
		goto out;
	}
	reply_json(r, 200, json_pack("{s:O,s:O,s:O,s:O,s:O}", "item", json_array_get(json_object_get(ev, "items"), i),
		"section", json_array_get(json_object_get(ev, "sections"), q->domain),
		"view", json_array_get(json_object_get(ev, "views"), cat->domains[q->domain].view),
		"overall", json_object_get(ev, "overall"), "open", json_object_get(ev, "open")));
out:
	json_decref(ev);
	free(text);
	tk_store_doc_free(doc);
	tk_compliance_free(one);
	cloaded_free(&l);
	json_decref(b);
}

/* ---- the shared round routes, for a compliance round ---- */

static void hc_evaluation(req *r)
{
	cloaded l;
	if (!load_compliance(r, &l))
		return;
	tk_error err = { 0 };
	json_t *ev = result_json(l.res, &err);
	cloaded_free(&l);
	if (!ev)
		reply_internal(r, &err);
	else
		reply_json(r, 200, ev);
}

static tk_lang lang_arg(req *r)
{
	const char *s = query_arg(r, "lang");
	return s && strcmp(s, "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
}

/* The compliance report (taisaku report of a compliance assessment):
 * one kind only, so kind is checked but not used. */
static void hc_report(req *r)
{
	const char *kind_s = query_arg(r, "kind");
	tk_report_kind kind;
	if (kind_s && !tk_report_kind_parse(kind_s, &kind)) {
		reply_error(r, 400, "bad_request", "kind は assessment, plan, improvement のいずれかです",
			"kind is assessment, plan or improvement");
		return;
	}
	cloaded l;
	if (!load_compliance(r, &l))
		return;
	tk_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tk_status rc = f ? tk_compliance_report_html(l.res, lang_arg(r), f, &err) : TK_ENOMEM;
	if (f)
		fclose(f);
	cloaded_free(&l);
	if (rc) {
		free(buf);
		reply_internal(r, &err);
		return;
	}
	char target[64];
	snprintf(target, sizeof(target), "round %lld", (long long)r->id);
	audit(r, "download", r->org_id, target, "compliance");
	r->html_report = true;
	snprintf(r->disposition, sizeof(r->disposition), "inline; filename=\"round-%lld-compliance.html\"",
		(long long)r->id);
	reply_bytes(r, 200, "text/html; charset=utf-8", buf, len);
}

static void hc_export(req *r)
{
	const char *fmt = query_arg(r, "format");
	if (fmt && strcmp(fmt, "xlsx") && strcmp(fmt, "csv")) {
		reply_error(r, 400, "bad_request", "format は xlsx か csv です", "format is xlsx or csv");
		return;
	}
	bool csv = fmt && strcmp(fmt, "csv") == 0;
	cloaded l;
	if (!load_compliance(r, &l))
		return;
	tk_error err = { 0 };
	char *data = NULL;
	size_t len = 0;
	tk_status rc;
	if (csv) {
		FILE *f = open_memstream(&data, &len);
		rc = f ? tk_compliance_workbook_csv(l.c, lang_arg(r), f, &err) : TK_ENOMEM;
		if (f)
			fclose(f);
	} else {
		rc = tk_compliance_workbook_xlsx(l.c, lang_arg(r), &data, &len, &err);
	}
	cloaded_free(&l);
	if (rc) {
		free(data);
		reply_internal(r, &err);
		return;
	}
	char target[64];
	snprintf(target, sizeof(target), "round %lld", (long long)r->id);
	audit(r, "export", r->org_id, target, csv ? "csv" : "xlsx");
	snprintf(r->disposition, sizeof(r->disposition), "attachment; filename=\"round-%lld.%s\"", (long long)r->id,
		csv ? "csv" : "xlsx");
	reply_bytes(r, 200, csv ? "text/csv; charset=utf-8" :
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, len);
}

/* A filled checklist back (xlsx or CSV), merged onto the round's current
 * version as taisaku import does; every problem in one message. */
static void hc_workbook(req *r)
{
	bool xlsx;
	if (!workbook_upload_kind(r, &xlsx) || refuse_closed(r))
		return;
	cloaded l;
	if (!load_compliance(r, &l))
		return;
	tk_error err = { 0 };
	tk_workbook *wb = NULL;
	tk_cimport *im = NULL;
	tk_compliance *out = NULL;
	tk_store_doc *doc = NULL;
	if (!(wb = workbook_upload_read(r, xlsx)))
		goto out;
	if (tk_cimport_new(l.c, serve_resolve, NULL, &im, &err)) {
		reply_tk_error(r, 400, "invalid_document", &err);
		goto out;
	}
	if (tk_cimport_add(im, wb, &err) || tk_cimport_finish(im, &out)) {
		const tk_error *problems[10];
		size_t n = 0;
		while (n < 10 && n < tk_cimport_problem_count(im)) {
			problems[n] = tk_cimport_problem(im, n);
			n++;
		}
		reply_import_problems(r, problems, n, &err);
		goto out;
	}
	if (save(r, &l, out, "workbook_import", xlsx ? "xlsx" : "csv", &doc)) {
		tk_store_round x;
		if (tk_store_round_get(r->s, r->id, r->a, &x, &err))
			reply_internal(r, &err);
		else
			reply_json(r, 200, round_json(&x, r->org_id));
	}
out:
	tk_store_doc_free(doc);
	tk_compliance_free(out);
	tk_cimport_free(im);
	tk_workbook_free(wb);
	cloaded_free(&l);
}

/* ---- a new round ---- */

static bool is_date(const char *d)
{
	if (!d || strlen(d) != 10)
		return false;
	for (int i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
			return false;
	return true;
}

/* POST /systems/{id}/rounds for a compliance catalog: the body names one
 * (catalog), or from_round or else the system's latest round is a
 * compliance round. The new round takes that round's document (the
 * organisation's roles and parameter values; the statuses too with
 * copy_ratings) or, without one, starts with every item unassessed.
 * Anything else is an ECOM round: h_rounds_post. */
static void hc_rounds_post(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	tk_error err = { 0 };
	tk_store_system y;
	tk_store_round *v = NULL;
	size_t n = 0;
	tk_compliance *c = NULL;
	tk_store_doc *doc = NULL;
	char *yaml = NULL;
	const char *catalog = json_string_value(json_object_get(b, "catalog"));
	const char *date = json_string_value(json_object_get(b, "date"));
	const char *assessor = json_string_value(json_object_get(b, "assessor"));
	json_t *from = json_object_get(b, "from_round");
	bool copy = json_is_true(json_object_get(b, "copy_ratings"));
	const tk_catalog *cat = NULL;
	if ((date && !is_date(date)) || (from && !json_is_integer(from)) ||
		(catalog && (serve_resolve(NULL, catalog, &cat, &err) || cat->kind != TK_CATALOG_COMPLIANCE)))
		goto ecom; /* h_rounds_post answers what is wrong, or makes an ECOM round */
	if (tk_store_system_get(r->s, r->system_id, r->a, &y, &err) ||
		tk_store_round_list(r->s, y.org, y.name, r->a, &v, &n, &err))
		goto internal;
	const tk_store_round *base = NULL;
	for (size_t i = 0; i < n; i++)
		if (from ? v[i].id == json_integer_value(from) : i == n - 1)
			base = &v[i];
	if (from && !base) {
		reply_error(r, 400, "bad_request", "from_round はこのシステムの評価回ではありません",
			"from_round is not a round of this system");
		goto out;
	}
	/* the latest round of another kind or catalog: start afresh */
	if (base && !from && (!base->is_compliance || (catalog && strcmp(base->catalog_id, catalog) != 0)))
		base = NULL;
	if (!catalog && (!base || !base->is_compliance))
		goto ecom;
	if (base && (!base->is_compliance || (catalog && strcmp(base->catalog_id, catalog) != 0))) {
		reply_error(r, 400, "bad_request", "from_round はそのカタログの準拠性評価の評価回ではありません",
			"from_round is not a compliance round of that catalog");
		goto out;
	}
	if (base) {
		const char *data;
		size_t len;
		if (tk_store_round_document(r->s, base->id, r->a, &data, &len, &err) ||
			tk_compliance_load_buffer(base->document_name, data, len, serve_resolve, NULL, &c, &err))
			goto internal;
		if (!copy)
			memset(c->items, 0, c->catalog->n_requirements * sizeof(*c->items));
	} else {
		if (tk_compliance_new(cat, y.name, &c, &err))
			goto internal;
		c->organization = tk_arena_strdup(c->arena, y.org);
	}
	if (date)
		c->date = tk_arena_strdup(c->arena, date);
	if (assessor)
		c->assessor = tk_arena_strdup(c->arena, assessor);
	size_t len;
	if (!(yaml = write_yaml(c, &len, &err)))
		goto internal;
	char name[300];
	snprintf(name, sizeof(name), "%s-%s.yaml", y.name, date ? date : "new");
	if (tk_store_doc_prepare(name, yaml, len, serve_resolve, NULL, &doc, &err)) {
		reply_tk_error(r, 400, "invalid_document", &err);
		goto out;
	}
	int64_t id = 0;
	tk_store_round x;
	tk_store_set_user(r->s, r->user.username);
	if (tk_store_begin(r->s, &err) || tk_store_round_add(r->s, y.org, y.name, doc, &id, &err) ||
		tk_audit_append(r->s, r->user.username, "round_create", r->org_id, y.name, name, r->remote, &err) ||
		tk_store_commit(r->s, &err)) {
		tk_store_rollback(r->s);
		goto internal;
	}
	if (tk_store_round_get(r->s, id, r->a, &x, &err))
		goto internal;
	reply_json(r, 201, round_json(&x, r->org_id));
	goto out;
ecom:
	json_decref(b);
	b = NULL;
	h_rounds_post(r);
	goto out;
internal:
	reply_internal(r, &err);
out:
	tk_store_doc_free(doc);
	free(yaml);
	tk_compliance_free(c);
	json_decref(b);
}
