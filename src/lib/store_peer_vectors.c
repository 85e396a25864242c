/* peer_vectors (migration 0005_peer_vectors.sql): each system's latest
 * strength round packed into one row, so that peer statistics (store_peers.c)
 * read one row per system. Written here only: at import from the round's
 * evaluation, after a replace or delete from the round's stored rows, and
 * for every system after the migration and after a restore. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "taisaku/assessment.h"

/* Statement slots (store_internal.h). */
enum {
	V_PUT = SLOT_V_PUT, V_DEL = SLOT_V_DEL, V_LATEST = SLOT_V_LATEST, V_RATINGS = SLOT_V_RATINGS,
	V_LEVELS = SLOT_V_LEVELS, V_SYSTEM_OF = SLOT_V_SYSTEM_OF,
};

/* The round's row, taken over unless the system's row is of a later round
 * (the store's order: assessed_on, then id). An import of an older round
 * thus leaves the latest one in place without reading it first. */
static const char SQL_PUT[] =
	"INSERT INTO peer_vectors (round_id, system_id, assessed_on, catalog_id, catalog_hash, target_level, "
	"level, levels) SELECT r.id, r.system_id, r.assessed_on, r.catalog_id, r.catalog_hash, r.target_level, "
	"r.level, ? FROM rounds r WHERE r.id = ? AND r.kind = 'ecom' "
	"ON CONFLICT (system_id) DO UPDATE SET round_id = excluded.round_id, assessed_on = excluded.assessed_on, "
	"catalog_id = excluded.catalog_id, catalog_hash = excluded.catalog_hash, "
	"target_level = excluded.target_level, level = excluded.level, levels = excluded.levels "
	"WHERE excluded.assessed_on > peer_vectors.assessed_on OR (excluded.assessed_on = peer_vectors.assessed_on "
	"AND excluded.round_id >= peer_vectors.round_id)";
static const char SQL_DEL[] = "DELETE FROM peer_vectors WHERE system_id = ?";
static const char SQL_LATEST[] =
	"SELECT id FROM rounds WHERE system_id = ? AND kind = 'ecom' ORDER BY assessed_on DESC, id DESC LIMIT 1";
static const char SQL_RATINGS[] = "SELECT achieved FROM ratings WHERE round_id = ? ORDER BY seq";
static const char SQL_LEVELS[] = "SELECT scope, level FROM round_levels WHERE round_id = ? ORDER BY scope, seq";
static const char SQL_SYSTEM_OF[] = "SELECT system_id FROM rounds WHERE id = ?";

enum { HEADER = 6, NONE = 255 };

size_t store_peer_vector_size(size_t nv, size_t nd, size_t nr)
{
	return HEADER + (nv + nd) * 8 + nr;
}

static void put16(unsigned char *p, size_t v)
{
	p[0] = (unsigned char)(v & 0xff);
	p[1] = (unsigned char)(v >> 8);
}

static void put_double(unsigned char *p, double x)
{
	uint64_t u;
	memcpy(&u, &x, 8);
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(u >> (8 * i));
}

double store_peer_vector_double(const unsigned char *p)
{
	uint64_t u = 0;
	for (int i = 7; i >= 0; i--)
		u = u << 8 | p[i];
	double x;
	memcpy(&x, &u, 8);
	return x;
}

bool store_peer_vector_header(const void *blob, size_t len, size_t n[3])
{
	const unsigned char *b = blob;
	if (!b || len < HEADER)
		return false;
	for (int k = 0; k < 3; k++)
		n[k] = (size_t)b[2 * k] | (size_t)b[2 * k + 1] << 8;
	return len == store_peer_vector_size(n[0], n[1], n[2]);
}

/* The vector from levels (NaN: none) and achieved levels (negative: none). */
static unsigned char *pack(const double *views, size_t nv, const double *domains, size_t nd, const int *req,
	size_t nr, size_t *len)
{
	if (nv > 0xffff || nd > 0xffff || nr > 0xffff)
		return NULL;
	*len = store_peer_vector_size(nv, nd, nr);
	unsigned char *b = malloc(*len), *p = b + HEADER;
	if (!b)
		return NULL;
	put16(b, nv);
	put16(b + 2, nd);
	put16(b + 4, nr);
	for (size_t i = 0; i < nv; i++, p += 8)
		put_double(p, views[i]);
	for (size_t i = 0; i < nd; i++, p += 8)
		put_double(p, domains[i]);
	for (size_t i = 0; i < nr; i++)
		*p++ = req[i] < 0 || req[i] >= NONE ? NONE : (unsigned char)req[i];
	return b;
}

static tk_status put(tk_store *s, int64_t round, const unsigned char *blob, size_t len, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = store_stmt_sql(s, V_PUT, SQL_PUT, &st, err);
	if (rc)
		return rc;
	s->ops->bind_blob(st, 1, blob, len);
	s->ops->bind_int(st, 2, round);
	return store_done(s, st, err);
}

tk_status store_peer_vector_import(tk_store *s, int64_t round, const tk_evaluation *e, tk_error *err)
{
	const tk_catalog *c = e->assessment->catalog;
	double *v = malloc((c->n_views + c->n_domains + 1) * sizeof(*v));
	int *req = malloc((c->n_requirements + 1) * sizeof(*req));
	unsigned char *blob = NULL;
	size_t len = 0;
	if (v && req) {
		for (size_t i = 0; i < c->n_views; i++)
			v[i] = e->views[i].counted ? e->views[i].level : NAN;
		for (size_t i = 0; i < c->n_domains; i++)
			v[c->n_views + i] = e->domains[i].counted ? e->domains[i].level : NAN;
		for (size_t i = 0; i < c->n_requirements; i++)
			req[i] = e->requirements[i].counted ? e->requirements[i].achieved : -1;
		blob = pack(v, c->n_views, v + c->n_views, c->n_domains, req, c->n_requirements, &len);
	}
	free(v);
	free(req);
	if (!blob)
		return store_nomem(err);
	tk_status rc = put(s, round, blob, len, err);
	free(blob);
	return rc;
}

/* A growing array of doubles or ints (malloc'd). */
typedef struct vec {
	size_t n, cap, size;
	void *v;
} vec;

static void *vec_push(vec *x)
{
	if (x->n == x->cap) {
		size_t want = x->cap ? x->cap * 2 : 64;
		void *bigger = realloc(x->v, want * x->size);
		if (!bigger)
			return NULL;
		x->v = bigger;
		x->cap = want;
	}
	return (char *)x->v + x->n++ * x->size;
}

/* The vector of a stored round, from its ratings and round_levels rows. */
static tk_status from_rows(tk_store *s, int64_t round, tk_error *err)
{
	vec lv[2] = { { .size = sizeof(double) }, { .size = sizeof(double) } }; /* domains, views */
	vec req = { .size = sizeof(int) };
	tk_db_stmt *st;
	tk_db_step r = TK_DB_DONE;
	tk_status rc = store_stmt_sql(s, V_LEVELS, SQL_LEVELS, &st, err);
	if (!rc) {
		s->ops->bind_int(st, 1, round);
		while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
			double *x = vec_push(&lv[strcmp(s->ops->column_text(st, 0), "view") == 0]);
			if (!x) {
				rc = store_nomem(err);
				break;
			}
			*x = s->ops->column_null(st, 1) ? NAN : s->ops->column_double(st, 1);
		}
		s->ops->reset(st);
		if (!rc && r == TK_DB_FAILED)
			rc = err->status;
	}
	if (!rc && !(rc = store_stmt_sql(s, V_RATINGS, SQL_RATINGS, &st, err))) {
		s->ops->bind_int(st, 1, round);
		while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
			int *x = vec_push(&req);
			if (!x) {
				rc = store_nomem(err);
				break;
			}
			*x = s->ops->column_null(st, 0) ? -1 : (int)s->ops->column_int(st, 0);
		}
		s->ops->reset(st);
		if (!rc && r == TK_DB_FAILED)
			rc = err->status;
	}
	if (!rc) {
		size_t len;
		unsigned char *blob = pack(lv[1].v, lv[1].n, lv[0].v, lv[0].n, req.v, req.n, &len);
		rc = blob ? put(s, round, blob, len, err) : store_nomem(err);
		free(blob);
	}
	free(lv[0].v);
	free(lv[1].v);
	free(req.v);
	return rc;
}

tk_status store_peer_vector_refresh(tk_store *s, int64_t system_id, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = store_stmt_sql(s, V_DEL, SQL_DEL, &st, err);
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, system_id);
	if ((rc = store_done(s, st, err)) || (rc = store_stmt_sql(s, V_LATEST, SQL_LATEST, &st, err)))
		return rc;
	s->ops->bind_int(st, 1, system_id);
	tk_db_step r = s->ops->step(st, err);
	int64_t round = r == TK_DB_ROW ? s->ops->column_int(st, 0) : 0;
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	return r == TK_DB_ROW ? from_rows(s, round, err) : TK_OK;
}

tk_status store_peer_vector_system_of(tk_store *s, int64_t round, int64_t *system_id, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = store_stmt_sql(s, V_SYSTEM_OF, SQL_SYSTEM_OF, &st, err);
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, round);
	tk_db_step r = s->ops->step(st, err);
	*system_id = r == TK_DB_ROW ? s->ops->column_int(st, 0) : 0;
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status store_peer_vectors_rebuild(tk_store *s, tk_error *err)
{
	tk_status rc = s->ops->exec(s->db, "DELETE FROM peer_vectors", err);
	if (rc)
		return rc;
	/* The ids first, then one refresh each: a statement stepping over
	 * systems while others write is not portable between the back ends. */
	tk_db_stmt *st;
	if ((rc = s->ops->prepare(s->db, "SELECT DISTINCT system_id FROM rounds WHERE kind = 'ecom' ORDER BY system_id",
		     &st, err)))
		return rc;
	vec ids = { .size = sizeof(int64_t) };
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		int64_t *x = vec_push(&ids);
		if (!x) {
			rc = store_nomem(err);
			break;
		}
		*x = s->ops->column_int(st, 0);
	}
	s->ops->finalize(st);
	if (!rc && r == TK_DB_FAILED)
		rc = err->status;
	for (size_t i = 0; !rc && i < ids.n; i++)
		rc = store_peer_vector_refresh(s, ((int64_t *)ids.v)[i], err);
	free(ids.v);
	return rc;
}
