/* An assessment document becomes a round: parsed, evaluated, and stored with
 * its bytes, its catalog's text, one rating row per requirement and the
 * domain and view levels, in one transaction. */
#include <stdlib.h>
#include <string.h>

#include "document_tree.h"
#include "sha256.h"
#include "store_internal.h"
#include "taisaku/compliance.h"
#include "taisaku/file.h"
#include "taisaku/users.h"

/* The catalogs row holding the catalog's text, added when it is new. The
 * text is read from the file the catalog was loaded from; a batch of rounds
 * of one catalog reads and hashes it once (s->last_catalog). */
static tk_status catalog_ref(tk_store *s, const tk_catalog *cat, int64_t *ref, const char **hash,
	tk_error *err)
{
	if (s->last_catalog == cat) {
		*ref = s->last_catalog_ref;
		*hash = s->last_catalog_hash;
		return TK_OK;
	}
	char *text;
	size_t len;
	tk_status rc = tk_file_read(cat->path, &text, &len, err);
	if (rc)
		return rc;
	tk_sha256_hex(text, len, s->last_catalog_hash);
	s->last_catalog = NULL;
	tk_db_stmt *st;
	if ((rc = store_stmt(s, Q_CAT_FIND, &st, err)))
		goto out;
	s->ops->bind_text(st, 1, cat->id);
	s->ops->bind_text(st, 2, s->last_catalog_hash);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW)
		*ref = s->ops->column_int(st, 0);
	s->ops->reset(st);
	if (r == TK_DB_FAILED) {
		rc = err->status;
		goto out;
	}
	if (r != TK_DB_ROW) {
		if ((rc = store_stmt(s, Q_CAT_ADD, &st, err)))
			goto out;
		char now[32];
		store_now(now);
		s->ops->bind_text(st, 1, cat->id);
		s->ops->bind_text(st, 2, cat->version ? cat->version : "");
		s->ops->bind_text(st, 3, cat->kind == TK_CATALOG_COMPLIANCE ? "compliance" : "strength");
		s->ops->bind_text(st, 4, s->last_catalog_hash);
		s->ops->bind_blob(st, 5, text, len);
		s->ops->bind_text(st, 6, now);
		r = s->ops->step(st, err);
		if (r == TK_DB_ROW)
			*ref = s->ops->column_int(st, 0);
		s->ops->reset(st);
		if (r != TK_DB_ROW) {
			rc = r == TK_DB_FAILED ? err->status : TK_EIO;
			goto out;
		}
	}
	/* Remembered until a rollback (which may take the new row with it). */
	*hash = s->last_catalog_hash;
	s->last_catalog = cat;
	s->last_catalog_ref = *ref;
out:
	free(text);
	return rc;
}

static const char *rating_name(tk_rating_kind k)
{
	static const char *const NAMES[] = { "unassessed", "rated", "na", "unknown" };
	return (unsigned)k < 4 ? NAMES[k] : "unassessed";
}

/* A rating row's values from status on (status, rating, importance, core,
 * ranks, achieved, target), bound from parameter k: shared by the row's
 * INSERT and the UPDATE of a saved rating (store_round_rows_since). ranks
 * must live until the statement is reset. */
static void bind_rating_values(tk_store *s, tk_db_stmt *st, int k, const tk_evaluation *e, size_t i,
	char ranks[TK_PERIPHERALS + 1])
{
	const tk_assessment *a = e->assessment;
	const tk_req_result *q = &e->requirements[i];
	const tk_rating *rt = &a->ratings[i];
	/* Every text bound here (the catalog's, the names, ranks) lives
	 * until store_done has reset the statement: bound without copies. */
	store_bind_kept(s, st, k++, tk_req_status_name(q->status));
	store_bind_kept(s, st, k++, rating_name(rt->kind));
	store_bind_kept(s, st, k++, tk_importance_name(a->importance[i]));
	if (q->core)
		s->ops->bind_int(st, k++, q->core);
	else
		s->ops->bind_null(st, k++);
	if (rt->kind == TK_RATING_RATED) {
		for (int p = 0; p < TK_PERIPHERALS; p++)
			ranks[p] = (char)('A' + rt->ranks[p]);
		ranks[TK_PERIPHERALS] = '\0';
		store_bind_kept(s, st, k++, ranks);
	} else {
		s->ops->bind_null(st, k++);
	}
	if (q->counted)
		s->ops->bind_int(st, k++, q->achieved);
	else
		s->ops->bind_null(st, k++);
	s->ops->bind_int(st, k, q->target);
}

static tk_status insert_ratings(tk_store *s, int64_t round, const tk_evaluation *e, tk_error *err)
{
	const tk_catalog *c = e->assessment->catalog;
	tk_db_stmt *st;
	tk_status rc = store_stmt(s, Q_RATING_ADD, &st, err);
	for (size_t i = 0; !rc && i < c->n_requirements; i++) {
		char ranks[TK_PERIPHERALS + 1];
		s->ops->bind_int(st, 1, round);
		s->ops->bind_int(st, 2, (int64_t)i);
		store_bind_kept(s, st, 3, c->requirements[i].id);
		store_bind_kept(s, st, 4, c->domains[c->requirements[i].domain].id);
		bind_rating_values(s, st, 5, e, i, ranks);
		rc = store_done(s, st, err);
	}
	return rc;
}

static tk_status insert_levels(tk_store *s, int64_t round, const char *scope, size_t n,
	const tk_aggregate *g, const char *(*id_of)(const tk_catalog *, size_t), const tk_catalog *c,
	tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = store_stmt(s, Q_LEVEL_ADD, &st, err);
	for (size_t i = 0; !rc && i < n; i++) {
		s->ops->bind_int(st, 1, round);
		store_bind_kept(s, st, 2, scope);
		s->ops->bind_int(st, 3, (int64_t)i);
		store_bind_kept(s, st, 4, id_of(c, i));
		if (g[i].counted)
			s->ops->bind_double(st, 5, g[i].level);
		else
			s->ops->bind_null(st, 5);
		s->ops->bind_double(st, 6, g[i].target);
		rc = store_done(s, st, err);
	}
	return rc;
}

static const char *domain_id(const tk_catalog *c, size_t i)
{
	return c->domains[i].id;
}

static const char *view_id(const tk_catalog *c, size_t i)
{
	return c->views[i].id;
}

/* What a rounds row says besides the document: from an ECOM evaluation or
 * from a compliance result (the level fields zero and NULL). */
typedef struct round_summary {
	const tk_catalog *catalog;
	const char *date, *assessor;
	int target;
	bool counted;
	double level, target_mean;
	bool complete;
	size_t counts[7]; /* items, met, under, over, unknown, na, unassessed */
} round_summary;

static tk_status insert_round_row(tk_store *s, int64_t system_id, const char *doc_name, const char *data,
	size_t len, const round_summary *m, int64_t *round, tk_error *err)
{
	const tk_catalog *c = m->catalog;
	int64_t cref = 0;
	const char *chash = "";
	tk_status rc = catalog_ref(s, c, &cref, &chash, err);
	tk_db_stmt *st;
	if (rc || (rc = store_stmt(s, Q_ROUND_ADD, &st, err)))
		return rc;
	char now[32];
	store_now(now);
	/* Who, looked up at the first import only: the login name needs the
	 * user database (NSS), which read-only commands should not pay for. */
	if (!s->user[0])
		tk_store_set_user(s, getenv("TAISAKU_USER"));
	int k = 1;
	s->ops->bind_int(st, k++, system_id);
	s->ops->bind_int(st, k++, cref);
	s->ops->bind_text(st, k++, c->id);
	s->ops->bind_text(st, k++, c->version ? c->version : "");
	s->ops->bind_text(st, k++, chash);
	s->ops->bind_text(st, k++, c->kind == TK_CATALOG_COMPLIANCE ? "compliance" : "ecom");
	s->ops->bind_text(st, k++, doc_name);
	s->ops->bind_text(st, k++, m->date ? m->date : "");
	s->ops->bind_text(st, k++, m->assessor ? m->assessor : "");
	s->ops->bind_text(st, k++, now);
	s->ops->bind_text(st, k++, s->user);
	s->ops->bind_int(st, k++, m->target);
	if (m->counted)
		s->ops->bind_double(st, k++, m->level);
	else
		s->ops->bind_null(st, k++);
	/* A compliance round has no target level. */
	if (c->kind == TK_CATALOG_COMPLIANCE)
		s->ops->bind_null(st, k++);
	else
		s->ops->bind_double(st, k++, m->target_mean);
	s->ops->bind_int(st, k++, m->complete);
	for (size_t i = 0; i < 7; i++)
		s->ops->bind_int(st, k++, (int64_t)m->counts[i]);
	s->ops->bind_blob(st, k++, data, len);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW)
		*round = s->ops->column_int(st, 0);
	s->ops->reset(st);
	if (r != TK_DB_ROW)
		return r == TK_DB_FAILED ? err->status : TK_EIO;
	return TK_OK;
}

static tk_status insert_round(tk_store *s, int64_t system_id, const char *doc_name, const char *data,
	size_t len, const tk_evaluation *e, int64_t *round, tk_error *err)
{
	const tk_assessment *a = e->assessment;
	const tk_catalog *c = a->catalog;
	round_summary m = { .catalog = c, .date = a->date, .assessor = a->assessor, .target = a->level,
		.counted = e->system.counted, .level = e->system.level, .target_mean = e->system.target,
		.complete = e->complete,
		.counts = { c->n_requirements, e->n_met, e->n_under, e->n_over, e->n_unknown, e->n_na,
			e->n_unassessed } };
	tk_status rc = insert_round_row(s, system_id, doc_name, data, len, &m, round, err);
	if (!rc)
		rc = insert_ratings(s, *round, e, err);
	if (!rc)
		rc = insert_levels(s, *round, "domain", c->n_domains, e->domains, domain_id, c, err);
	if (!rc)
		rc = insert_levels(s, *round, "view", c->n_views, e->views, view_id, c, err);
	if (!rc)
		rc = store_peer_vector_import(s, *round, e, err);
	return rc;
}

/* A compliance round: the rounds row (no levels; complete when no item is
 * unassessed), then its items, sections and summary (store_compliance.c). */
static tk_status insert_compliance_round(tk_store *s, int64_t system_id, const char *doc_name,
	const char *data, size_t len, const tk_compliance_result *r, int64_t *round, tk_error *err)
{
	const tk_compliance *c = r->assessment;
	const tk_compliance_tally *t = &r->overall;
	round_summary m = { .catalog = c->catalog, .date = c->date, .assessor = c->assessor,
		.complete = t->n[TK_CS_UNASSESSED] == 0,
		.counts = { t->total, 0, 0, 0, t->n[TK_CS_UNKNOWN], t->n[TK_CS_NA], t->n[TK_CS_UNASSESSED] } };
	tk_status rc = insert_round_row(s, system_id, doc_name, data, len, &m, round, err);
	return rc ? rc : store_insert_compliance(s, *round, r, err);
}

struct tk_store_doc {
	char *name, *data;
	size_t len;
	tk_assessment *a;            /* an ECOM assessment, or */
	tk_evaluation *e;
	tk_compliance *c;            /* a compliance assessment (the others NULL) */
	tk_compliance_result *cr;
};

/* Takes ownership of name and data (malloc'd). */
static tk_status doc_prepare(char *name, char *data, size_t len, tk_catalog_resolver resolve, void *ctx,
	tk_store_doc **out, tk_error *err)
{
	*out = NULL;
	tk_store_doc *d = calloc(1, sizeof(*d));
	if (!d) {
		free(name);
		free(data);
		return store_nomem(err);
	}
	d->name = name;
	d->data = data;
	d->len = len;
	/* Parsed once: the catalog's kind says which loader reads the tree, as
	 * in taisaku evaluate, and that loader takes the tree over. */
	tk_arena *arena = tk_arena_new(len * 3 + 8192);
	if (!arena) {
		tk_store_doc_free(d);
		return store_nomem(err);
	}
	tk_ynode *root;
	tk_status rc = tk_yaml_parse(arena, name, data, len, &root, err);
	if (rc) {
		tk_arena_free(arena);
		goto done;
	}
	if (tk_tree_is_compliance(root, resolve, ctx)) {
		rc = tk_compliance_from_tree(arena, name, root, resolve, ctx, &d->c, err);
		if (!rc)
			rc = tk_compliance_evaluate(d->c, &d->cr, err);
		goto done;
	}
	rc = tk_assessment_from_tree(arena, name, root, resolve, ctx, &d->a, err);
	if (!rc && d->a->catalog->kind != TK_CATALOG_STRENGTH)
		rc = tk_error_set(err, TK_EINPUT, name, 0, 0, "catalog",
			"カタログ '%s' は強度モデルのカタログではありません（ここで取り込めるのは ECOM の評価です）",
			"catalog '%s' is not a strength catalog (only ECOM assessments can be imported here)",
			d->a->catalog->id);
	if (!rc)
		rc = tk_evaluate(d->a, &d->e, err);
done:
	if (rc) {
		tk_store_doc_free(d);
		return rc;
	}
	*out = d;
	return TK_OK;
}

tk_status tk_store_doc_prepare(const char *doc_name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_store_doc **out, tk_error *err)
{
	*out = NULL;
	char *name = strdup(doc_name ? doc_name : ""), *copy = malloc(len + 1);
	if (!name || !copy) {
		free(name);
		free(copy);
		return store_nomem(err);
	}
	memcpy(copy, data, len);
	copy[len] = '\0';
	return doc_prepare(name, copy, len, resolve, ctx, out, err);
}

tk_status tk_store_doc_read(const char *path, tk_catalog_resolver resolve, void *ctx,
	tk_store_doc **out, tk_error *err)
{
	*out = NULL;
	char *data;
	size_t len;
	tk_status rc = tk_file_read(path, &data, &len, err);
	if (rc)
		return rc;
	/* Errors name the path as given, so the officer finds the file; the
	 * round records it too. */
	char *name = strdup(path);
	if (!name) {
		free(data);
		return store_nomem(err);
	}
	return doc_prepare(name, data, len, resolve, ctx, out, err);
}

void tk_store_doc_free(tk_store_doc *d)
{
	if (!d)
		return;
	tk_evaluation_free(d->e);
	tk_assessment_free(d->a);
	tk_compliance_result_free(d->cr);
	tk_compliance_free(d->c);
	free(d->data);
	free(d->name);
	free(d);
}

tk_status tk_store_round_add(tk_store *s, const char *org, const char *system, const tk_store_doc *d,
	int64_t *round_id, tk_error *err)
{
	tk_arena *arena = tk_arena_new(1024);
	if (!arena)
		return store_nomem(err);
	int64_t round = 0;
	tk_status rc = store_tx_begin(s, err);
	if (!rc) {
		tk_store_system y;
		const char *named = d->c ? d->c->system_name : d->a->system_name;
		rc = tk_store_system_find(s, org, system ? system : named, &y, arena, err);
		if (!rc && d->c)
			rc = insert_compliance_round(s, y.id, d->name, d->data, d->len, d->cr, &round, err);
		else if (!rc)
			rc = insert_round(s, y.id, d->name, d->data, d->len, d->e, &round, err);
		if (rc)
			store_tx_rollback(s);
		else
			rc = store_tx_commit(s, err);
	}
	tk_arena_free(arena);
	if (!rc && round_id)
		*round_id = round;
	return rc;
}

tk_status tk_store_round_import(tk_store *s, const char *org, const char *system,
	const char *doc_name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, int64_t *round_id, tk_error *err)
{
	tk_store_doc *d;
	tk_status rc = tk_store_doc_prepare(doc_name, data, len, resolve, ctx, &d, err);
	if (rc)
		return rc;
	rc = tk_store_round_add(s, org, system, d, round_id, err);
	tk_store_doc_free(d);
	return rc;
}

tk_status tk_store_round_import_file(tk_store *s, const char *org, const char *system,
	const char *path, tk_catalog_resolver resolve, void *ctx, int64_t *round_id, tk_error *err)
{
	tk_store_doc *d;
	tk_status rc = tk_store_doc_read(path, resolve, ctx, &d, err);
	if (rc)
		return rc;
	rc = tk_store_round_add(s, org, system, d, round_id, err);
	tk_store_doc_free(d);
	return rc;
}

/* The same for a compliance round (the server's saves of item statuses):
 * the summary as insert_compliance_round writes it, then the item,
 * section and compliance rows again. */
static tk_status replace_compliance(tk_store *s, int64_t round, const tk_store_doc *d, tk_error *err)
{
	const tk_compliance *c = d->c;
	const tk_compliance_tally *t = &d->cr->overall;
	tk_db_stmt *st;
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	if ((rc = store_stmt(s, Q_ROUND_REPLACE, &st, err)))
		goto fail;
	int k = 1;
	s->ops->bind_text(st, k++, c->date ? c->date : "");
	s->ops->bind_text(st, k++, c->assessor ? c->assessor : "");
	s->ops->bind_int(st, k++, 0);    /* no target level */
	s->ops->bind_null(st, k++);      /* no level */
	s->ops->bind_null(st, k++);      /* no target mean */
	s->ops->bind_int(st, k++, t->n[TK_CS_UNASSESSED] == 0);
	const size_t counts[] = { t->total, 0, 0, 0, t->n[TK_CS_UNKNOWN], t->n[TK_CS_NA], t->n[TK_CS_UNASSESSED] };
	for (size_t i = 0; i < sizeof(counts) / sizeof(*counts); i++)
		s->ops->bind_int(st, k++, (int64_t)counts[i]);
	s->ops->bind_blob(st, k++, d->data, d->len);
	s->ops->bind_int(st, k++, round);
	s->ops->bind_text(st, k++, c->catalog->id);
	tk_db_step r = s->ops->step(st, err);
	s->ops->reset(st);
	if (r == TK_DB_FAILED) {
		rc = err->status;
		goto fail;
	}
	if (r != TK_DB_ROW) {
		rc = tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
			"評価回 %lld は確定済みか、ないか、カタログが違います", "round %lld is closed, absent, or of another catalog",
			(long long)round);
		goto fail;
	}
	const store_sql dels[] = { Q_ROUND_DEL_RATINGS, Q_ROUND_DEL_LEVELS, Q_ROUND_DEL_COMPLIANCE, Q_ROUND_REVISE };
	rc = store_run_for_round(s, dels, sizeof(dels) / sizeof(*dels), round, err);
	if (!rc)
		rc = store_insert_compliance(s, round, d->cr, err);
	if (rc)
		goto fail;
	return store_tx_commit(s, err);
fail:
	store_tx_rollback(s);
	return rc;
}

/* The rounds row's summary without its document (a saved rating whose
 * document is written later, store_edits.c). */
static const char ROUND_SUMMARY_SQL[] = "UPDATE rounds SET assessed_on = ?, assessor = ?, target_level = ?, "
	"level = ?, target_mean = ?, complete = ?, n_items = ?, n_met = ?, n_under = ?, n_over = ?, n_unknown = ?, "
	"n_na = ?, n_unassessed = ? WHERE id = ? AND closed = 0 AND catalog_id = ? RETURNING id";

/* The rounds row's summary from e, and its document when data is not NULL;
 * TK_EINPUT when the round is closed, absent or of another catalog. */
static tk_status write_summary(tk_store *s, int64_t round, const tk_evaluation *e, const char *data, size_t len,
	tk_error *err)
{
	const tk_assessment *a = e->assessment;
	const tk_catalog *c = a->catalog;
	tk_db_stmt *st;
	tk_status rc = data ? store_stmt(s, Q_ROUND_REPLACE, &st, err)
			    : store_stmt_sql(s, SLOT_ROUND_SUMMARY, ROUND_SUMMARY_SQL, &st, err);
	if (rc)
		return rc;
	int k = 1;
	s->ops->bind_text(st, k++, a->date ? a->date : "");
	s->ops->bind_text(st, k++, a->assessor ? a->assessor : "");
	s->ops->bind_int(st, k++, a->level);
	if (e->system.counted)
		s->ops->bind_double(st, k++, e->system.level);
	else
		s->ops->bind_null(st, k++);
	s->ops->bind_double(st, k++, e->system.target);
	s->ops->bind_int(st, k++, e->complete);
	const size_t counts[] = { c->n_requirements, e->n_met, e->n_under, e->n_over, e->n_unknown, e->n_na,
		e->n_unassessed };
	for (size_t i = 0; i < sizeof(counts) / sizeof(*counts); i++)
		s->ops->bind_int(st, k++, (int64_t)counts[i]);
	if (data)
		s->ops->bind_blob(st, k++, data, len);
	s->ops->bind_int(st, k++, round);
	s->ops->bind_text(st, k++, c->id);
	tk_db_step r = s->ops->step(st, err);
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	if (r != TK_DB_ROW)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
			"評価回 %lld は確定済みか、ないか、カタログが違います", "round %lld is closed, absent, or of another catalog",
			(long long)round);
	return TK_OK;
}

/* The round's peer vector again (the new date may make this round the
 * system's latest or not), after its rows changed. */
static tk_status refresh_peer_vector(tk_store *s, int64_t round, tk_error *err)
{
	int64_t system_id = 0;
	tk_status rc = store_peer_vector_system_of(s, round, &system_id, err);
	return rc ? rc : store_peer_vector_refresh(s, system_id, err);
}

/* An open round's rows written again from the evaluation of its new
 * content: the summary, the rating rows, the levels and the revision, and
 * the document when data is not NULL. The catalog must stay the same (the
 * stored catalog reference is kept). Inside the caller's transaction. */
tk_status store_round_rewrite(tk_store *s, int64_t round, const tk_evaluation *e, const char *data, size_t len,
	tk_error *err)
{
	const tk_catalog *c = e->assessment->catalog;
	static const store_sql dels[] = { Q_ROUND_DEL_RATINGS, Q_ROUND_DEL_LEVELS, Q_ROUND_REVISE };
	tk_status rc = write_summary(s, round, e, data, len, err);
	if (!rc)
		rc = store_run_for_round(s, dels, sizeof(dels) / sizeof(*dels), round, err);
	if (!rc)
		rc = insert_ratings(s, round, e, err);
	if (!rc)
		rc = insert_levels(s, round, "domain", c->n_domains, e->domains, domain_id, c, err);
	if (!rc)
		rc = insert_levels(s, round, "view", c->n_views, e->views, view_id, c, err);
	return rc ? rc : refresh_peer_vector(s, round, err);
}

static bool same_requirement(const tk_req_result *x, const tk_req_result *y)
{
	return x->status == y->status && x->core == y->core && x->counted == y->counted && x->achieved == y->achieved &&
		x->target == y->target;
}

static bool same_level(const tk_aggregate *x, const tk_aggregate *y)
{
	return x->counted == y->counted && (!x->counted || x->level == y->level) && x->target == y->target;
}

static tk_status update_levels(tk_store *s, int64_t round, const char *scope, size_t n, const tk_aggregate *was,
	const tk_aggregate *now, tk_error *err)
{
	tk_status rc = TK_OK;
	for (size_t i = 0; !rc && i < n; i++) {
		if (same_level(&was[i], &now[i]))
			continue;
		tk_db_stmt *st;
		if ((rc = store_stmt_sql(s, SLOT_ROWS_LEVEL, "UPDATE round_levels SET level = ?, target = ? "
			"WHERE round_id = ? AND scope = ? AND seq = ?", &st, err)))
			break;
		if (now[i].counted)
			s->ops->bind_double(st, 1, now[i].level);
		else
			s->ops->bind_null(st, 1);
		s->ops->bind_double(st, 2, now[i].target);
		s->ops->bind_int(st, 3, round);
		store_bind_kept(s, st, 4, scope);
		s->ops->bind_int(st, 5, (int64_t)i);
		rc = store_done(s, st, err);
	}
	return rc;
}

/* The rows of an open round whose stored rows are those of `before`, after
 * one rating (of requirement `item`) changed its content to that of e:
 * the summary, the changed rating and level rows, the revision and the
 * peer vector; the same rows as store_round_rewrite writes, for a fraction
 * of the writes. Inside the caller's transaction. */
tk_status store_round_rows_since(tk_store *s, int64_t round, const tk_evaluation *before, const tk_evaluation *e,
	size_t item, tk_error *err)
{
	const tk_catalog *c = e->assessment->catalog;
	tk_status rc = write_summary(s, round, e, NULL, 0, err);
	for (size_t i = 0; !rc && i < c->n_requirements; i++) {
		if (i != item && same_requirement(&before->requirements[i], &e->requirements[i]))
			continue;
		tk_db_stmt *st;
		char ranks[TK_PERIPHERALS + 1];
		if ((rc = store_stmt_sql(s, SLOT_ROWS_RATING, "UPDATE ratings SET status = ?, rating = ?, importance = ?, "
			"core = ?, ranks = ?, achieved = ?, target = ? WHERE round_id = ? AND seq = ?", &st, err)))
			break;
		bind_rating_values(s, st, 1, e, i, ranks);
		s->ops->bind_int(st, 8, round);
		s->ops->bind_int(st, 9, (int64_t)i);
		rc = store_done(s, st, err);
	}
	if (!rc)
		rc = update_levels(s, round, "domain", c->n_domains, before->domains, e->domains, err);
	if (!rc)
		rc = update_levels(s, round, "view", c->n_views, before->views, e->views, err);
	static const store_sql revise[] = { Q_ROUND_REVISE };
	if (!rc)
		rc = store_run_for_round(s, revise, 1, round, err);
	return rc ? rc : refresh_peer_vector(s, round, err);
}

/* A new version of an open round's document: its rows from its evaluation,
 * and the ratings saved since the last document are in it now. A
 * compliance document replaces a compliance round (replace_compliance). */
tk_status tk_store_round_replace(tk_store *s, int64_t round, const tk_store_doc *d, tk_error *err)
{
	if (d->c)
		return replace_compliance(s, round, d, err);
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	if ((rc = store_round_rewrite(s, round, d->e, d->data, d->len, err)) ||
		(rc = store_edits_clear(s, round, err))) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

const tk_evaluation *tk_store_doc_evaluation(const tk_store_doc *d)
{
	return d->e;
}

const tk_compliance_result *tk_store_doc_compliance(const tk_store_doc *d)
{
	return d->cr;
}
