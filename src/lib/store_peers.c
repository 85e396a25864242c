/* The peer group of a system's latest round, read from the store and fed
 * to tk_peer_stats (issue 9). Portable SQL with ? parameters only: the
 * same statements run on SQLite and PostgreSQL. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

bool tk_store_peers_group_parse(const char *text, unsigned *flags, tk_error *err)
{
	static const char *const WORDS[] = { "industry", "size", "level" };
	*flags = 0;
	const char *p = text;
	while (p && *p) {
		size_t len = strcspn(p, ",");
		int hit = -1;
		for (int i = 0; i < 3; i++)
			if (strlen(WORDS[i]) == len && strncmp(p, WORDS[i], len) == 0)
				hit = i;
		if (hit < 0) {
			tk_error_set(err, TK_EINPUT, NULL, 0, 0, "--group",
				"比較の属性 '%.*s' はありません（industry, size, level）",
				"no peer attribute '%.*s' (industry, size, level)", (int)len, p);
			return false;
		}
		*flags |= 1u << hit;
		p += len + (p[len] == ',');
	}
	return true;
}

/* The system's latest strength round (by date, then import order). */
static const char *const SQL_SELF =
	"SELECT r.id, r.catalog_id, r.assessed_on, r.target_level, r.level, r.catalog_hash FROM rounds r "
	"WHERE r.system_id = ? AND r.kind = 'ecom' ORDER BY r.assessed_on DESC, r.id DESC LIMIT 1";

/* Every other system's latest round, when it is of the same catalog and the
 * system matches on the chosen attributes (a 0 flag switches a test off):
 * one peer_vectors row per system (store_peer_vectors.c), its levels packed,
 * instead of the round's ~150 rating and level rows.
 * CROSS JOIN keeps SQLite to this order whatever its statistics say: peer
 * vectors in key order (the ORDER BY then needs no sort), each system and
 * organisation looked up by its key; joined from the organisations' side it
 * reads the vectors in random order. PostgreSQL plans it as a plain join. */
static const char *const SQL_GROUP =
	"SELECT v.round_id, o.name, v.level, v.catalog_hash, v.levels FROM peer_vectors v "
	"CROSS JOIN systems y CROSS JOIN organizations o "
	"WHERE y.id = v.system_id AND o.id = y.organization_id AND v.system_id <> ? AND v.catalog_id = ? "
	"AND (? = 0 OR y.industry = ?) AND (? = 0 OR y.size = ?) AND (? = 0 OR v.target_level = ?) "
	"ORDER BY v.round_id";

/* Peers from other stores (taisaku benchmark import): the same tests on
 * their attributes; their organisation is a random token. Organisations are
 * counted by "L:" + local name and "X:" + token, so the two never meet. */
static const char *const SQL_EXT_GROUP =
	"SELECT p.id, p.org_token, p.level FROM external_peers p WHERE p.catalog_id = ? "
	"AND (? = 0 OR p.industry = ?) AND (? = 0 OR p.size = ?) AND (? = 0 OR p.target_level = ?) "
	"ORDER BY p.id";
static const char *const SQL_EXT_LEVELS =
	"SELECT scope, ref, level FROM external_levels WHERE peer_id = ?";

static const char *const SQL_RATINGS =
	"SELECT item, achieved FROM ratings WHERE round_id = ? ORDER BY seq";
static const char *const SQL_LEVELS =
	"SELECT scope, ref, level FROM round_levels WHERE round_id = ? ORDER BY scope, seq";

typedef struct entries {
	size_t n, cap;
	tk_store_peer_entry *v;
} entries;

typedef struct peers_q {
	tk_store *s;
	tk_arena *a;
	tk_db_stmt *self, *group, *ratings, *levels, *ext_group, *ext_levels;
} peers_q;

static tk_status prepare(peers_q *q, const char *sql, tk_db_stmt **st, tk_error *err)
{
	return q->s->ops->prepare(q->s->db, sql, st, err);
}

static void finalize(peers_q *q)
{
	tk_db_stmt *all[] = { q->self, q->group, q->ratings, q->levels, q->ext_group, q->ext_levels };
	for (size_t i = 0; i < 6; i++)
		if (all[i])
			q->s->ops->finalize(all[i]);
}

static double col_level(tk_store *s, tk_db_stmt *st, int i)
{
	return s->ops->column_null(st, i) ? NAN : s->ops->column_double(st, i);
}

/* Where id is among e's entries: at hint when the catalog order matches
 * (the usual case), else by search; -1 when absent. */
static long find_entry(const entries *e, size_t hint, const char *id)
{
	if (hint < e->n && strcmp(e->v[hint].id, id) == 0)
		return (long)hint;
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->v[i].id, id) == 0)
			return (long)i;
	return -1;
}

static tk_status add_entry(tk_arena *a, entries *e, const char *id, double level, tk_error *err)
{
	tk_store_peer_entry *x = store_grow(a, (void **)&e->v, &e->n, &e->cap, sizeof(*x));
	if (!x || !(x->id = tk_arena_strdup(a, id)))
		return store_nomem(err);
	x->stat.level = level;
	return TK_OK;
}

/* The rows of one round: requirements from ratings, domains and views from
 * round_levels. With self, adds entries; otherwise fills column p of lv
 * (lv[0] the system, then views, domains, requirements). */
static tk_status read_round(peers_q *q, int64_t round, entries *ent, bool self, double **lv, size_t p,
	tk_error *err)
{
	tk_store *s = q->s;
	/* ent[0] views, ent[1] domains, ent[2] requirements */
	size_t base[3] = { 1, 1 + ent[0].n, 1 + ent[0].n + ent[1].n };
	tk_db_stmt *st = q->levels;
	s->ops->reset(st);
	s->ops->bind_int(st, 1, round);
	tk_db_step r;
	size_t seq[2] = { 0, 0 };
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		int k = strcmp(s->ops->column_text(st, 0), "view") == 0 ? 0 : 1;
		const char *id = s->ops->column_text(st, 1);
		double level = col_level(s, st, 2);
		if (self) {
			if (add_entry(q->a, &ent[k], id, level, err))
				return TK_ENOMEM;
		} else {
			long at = find_entry(&ent[k], seq[k], id);
			if (at >= 0)
				lv[base[k] + (size_t)at][p] = level;
		}
		seq[k]++;
	}
	if (r == TK_DB_FAILED)
		return err->status;
	if (self) {
		base[1] = 1 + ent[0].n;
		base[2] = 1 + ent[0].n + ent[1].n;
	}
	st = q->ratings;
	s->ops->reset(st);
	s->ops->bind_int(st, 1, round);
	size_t i = 0;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		const char *id = s->ops->column_text(st, 0);
		double level = col_level(s, st, 1);
		if (self) {
			if (add_entry(q->a, &ent[2], id, level, err))
				return TK_ENOMEM;
		} else {
			long at = find_entry(&ent[2], i, id);
			if (at >= 0)
				lv[base[2] + (size_t)at][p] = level;
		}
		i++;
	}
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

typedef struct peer_row {
	bool external;       /* round is then an external_peers id */
	int64_t round;
	const char *org;
	double level;
	const char *layout;  /* a local peer's catalog_hash, and its packed levels */
	const unsigned char *levels;
	size_t len;
} peer_row;

static tk_status read_group(peers_q *q, const tk_store_peer_result *out, peer_row **v, size_t *n,
	tk_error *err)
{
	tk_store *s = q->s;
	tk_db_stmt *st = q->group;
	size_t cap = 0;
	*n = 0;
	*v = NULL;
	s->ops->bind_int(st, 1, out->system.id);
	s->ops->bind_text(st, 2, out->catalog_id);
	s->ops->bind_int(st, 3, (out->group & TK_PEERS_BY_INDUSTRY) != 0);
	s->ops->bind_text(st, 4, out->system.industry);
	s->ops->bind_int(st, 5, (out->group & TK_PEERS_BY_SIZE) != 0);
	s->ops->bind_text(st, 6, out->system.size);
	s->ops->bind_int(st, 7, (out->group & TK_PEERS_BY_LEVEL) != 0);
	s->ops->bind_int(st, 8, out->target);
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		peer_row *x = store_grow(q->a, (void **)v, n, &cap, sizeof(*x));
		const char *name = s->ops->column_text(st, 1);
		char *org = x ? tk_arena_alloc(q->a, strlen(name) + 3) : NULL;
		if (!org)
			return store_nomem(err);
		memcpy(org, "L:", 2);
		strcpy(org + 2, name);
		x->org = org;
		x->round = s->ops->column_int(st, 0);
		x->level = col_level(s, st, 2);
		size_t len = 0;
		const void *blob = s->ops->column_blob(st, 4, &len);
		unsigned char *copy = tk_arena_alloc(q->a, len + 1);
		if (!(x->layout = store_col_text(s, st, 3, q->a, false)) || !copy)
			return store_nomem(err);
		if (len)
			memcpy(copy, blob, len);
		x->levels = copy;
		x->len = len;
	}
	if (r == TK_DB_FAILED)
		return err->status;
	st = q->ext_group;
	s->ops->bind_text(st, 1, out->catalog_id);
	s->ops->bind_int(st, 2, (out->group & TK_PEERS_BY_INDUSTRY) != 0);
	s->ops->bind_text(st, 3, out->system.industry);
	s->ops->bind_int(st, 4, (out->group & TK_PEERS_BY_SIZE) != 0);
	s->ops->bind_text(st, 5, out->system.size);
	s->ops->bind_int(st, 6, (out->group & TK_PEERS_BY_LEVEL) != 0);
	s->ops->bind_int(st, 7, out->target);
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		peer_row *x = store_grow(q->a, (void **)v, n, &cap, sizeof(*x));
		char org[80];
		snprintf(org, sizeof(org), "X:%s", s->ops->column_text(st, 1));
		if (!x || !(x->org = tk_arena_strdup(q->a, org)))
			return store_nomem(err);
		x->external = true;
		x->round = s->ops->column_int(st, 0);
		x->level = col_level(s, st, 2);
	}
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

/* An external peer's levels: scope 'view', 'domain' or 'requirement'. */
static tk_status read_external(peers_q *q, int64_t peer, const entries *ent, double **lv, size_t p, tk_error *err)
{
	tk_store *s = q->s;
	size_t base[3] = { 1, 1 + ent[0].n, 1 + ent[0].n + ent[1].n };
	tk_db_stmt *st = q->ext_levels;
	s->ops->reset(st);
	s->ops->bind_int(st, 1, peer);
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		const char *scope = s->ops->column_text(st, 0);
		int k = strcmp(scope, "view") == 0 ? 0 : strcmp(scope, "domain") == 0 ? 1 : 2;
		long at = find_entry(&ent[k], 0, s->ops->column_text(st, 1));
		if (at >= 0)
			lv[base[k] + (size_t)at][p] = col_level(s, st, 2);
	}
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

static tk_status no_round(const tk_store_system *y, tk_error *err)
{
	return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL,
		"システム '%s'（%s）には強度評価のラウンドがありません",
		"system '%s' (%s) has no strength-assessment round", y->name, y->org);
}

/* Where each packed level of a layout (a catalog text) goes among the
 * entries: map[i] is the row of lv (1.. views, domains, requirements) or -1.
 * The system's own layout maps one to one; another version of the catalog
 * is mapped by the ids of a round of it, read once. */
typedef struct layout {
	const char *hash;
	size_t n[3];
	long *map;
} layout;

typedef struct layout_cache {
	const char *self;
	size_t n;
	layout v[8];
} layout_cache;

static tk_status map_layout(peers_q *q, const peer_row *peer, const entries *ent, layout *l, tk_error *err)
{
	size_t total = l->n[0] + l->n[1] + l->n[2];
	size_t base[3] = { 1, 1 + ent[0].n, 1 + ent[0].n + ent[1].n };
	if (!(l->map = tk_arena_calloc(q->a, total + 1, sizeof(*l->map))))
		return store_nomem(err);
	for (size_t i = 0; i < total; i++)
		l->map[i] = -1;
	tk_store *s = q->s;
	tk_db_stmt *st = q->levels;
	s->ops->reset(st);
	s->ops->bind_int(st, 1, peer->round);
	tk_db_step r;
	size_t seq[2] = { 0, 0 };
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		int k = strcmp(s->ops->column_text(st, 0), "view") == 0 ? 0 : 1;
		long at = find_entry(&ent[k], seq[k], s->ops->column_text(st, 1));
		size_t i = (k ? l->n[0] : 0) + seq[k]++;
		if (at >= 0 && seq[k] <= l->n[k])
			l->map[i] = (long)(base[k] + (size_t)at);
	}
	if (r == TK_DB_FAILED)
		return err->status;
	st = q->ratings;
	s->ops->reset(st);
	s->ops->bind_int(st, 1, peer->round);
	size_t i = 0;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		long at = find_entry(&ent[2], i, s->ops->column_text(st, 0));
		if (at >= 0 && i < l->n[2])
			l->map[l->n[0] + l->n[1] + i] = (long)(base[2] + (size_t)at);
		i++;
	}
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

static tk_status find_layout(peers_q *q, layout_cache *c, const peer_row *peer, const entries *ent,
	const size_t n[3], const layout **out, tk_error *err)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].hash, peer->layout) == 0 && memcmp(c->v[i].n, n, sizeof(c->v[i].n)) == 0) {
			*out = &c->v[i];
			return TK_OK;
		}
	layout tmp = { .hash = peer->layout, .n = { n[0], n[1], n[2] } }, *l = c->n < 8 ? &c->v[c->n++] : &tmp;
	*l = tmp;
	bool same = strcmp(peer->layout, c->self) == 0 && n[0] == ent[0].n && n[1] == ent[1].n && n[2] == ent[2].n;
	if (same) {
		size_t total = n[0] + n[1] + n[2];
		if (!(l->map = tk_arena_calloc(q->a, total + 1, sizeof(*l->map))))
			return store_nomem(err);
		for (size_t i = 0; i < total; i++)
			l->map[i] = (long)i + 1;
	} else {
		tk_status rc = map_layout(q, peer, ent, l, err);
		if (rc)
			return rc;
	}
	if (l == &tmp) { /* more layouts than the cache holds: keep the map in the arena */
		layout *kept = tk_arena_alloc(q->a, sizeof(*kept));
		if (!kept)
			return store_nomem(err);
		*kept = tmp;
		l = kept;
	}
	*out = l;
	return TK_OK;
}

/* A local peer's packed levels into column p of lv. */
static tk_status read_vector(peers_q *q, layout_cache *c, const peer_row *peer, const entries *ent, double **lv,
	size_t p, tk_error *err)
{
	size_t n[3];
	if (!store_peer_vector_header(peer->levels, peer->len, n))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL,
			"評価回 %lld の比較用ベクトル（peer_vectors）が壊れています",
			"the peer vector (peer_vectors) of round %lld is damaged", (long long)peer->round);
	const layout *l = NULL;
	tk_status rc = find_layout(q, c, peer, ent, n, &l, err);
	if (rc)
		return rc;
	const unsigned char *b = peer->levels + store_peer_vector_size(0, 0, 0);
	size_t nlv = n[0] + n[1];
	for (size_t i = 0; i < nlv; i++, b += 8)
		if (l->map[i] >= 0)
			lv[l->map[i]][p] = store_peer_vector_double(b);
	for (size_t i = 0; i < n[2]; i++)
		if (l->map[nlv + i] >= 0)
			lv[l->map[nlv + i]][p] = b[i] == 255 ? NAN : (double)b[i];
	return TK_OK;
}

static tk_status compute(peers_q *q, tk_store_peer_result *out, entries *ent, const peer_row *peers,
	size_t n_peers, tk_error *err)
{
	size_t n_entries = 1 + ent[0].n + ent[1].n + ent[2].n;
	double **lv = tk_arena_calloc(q->a, n_entries, sizeof(*lv));
	double *self = tk_arena_calloc(q->a, n_entries, sizeof(*self));
	const char **orgs = tk_arena_calloc(q->a, n_peers + 1, sizeof(*orgs));
	tk_peer_stat *stat = tk_arena_calloc(q->a, n_entries, sizeof(*stat));
	if (!lv || !self || !orgs || !stat)
		return store_nomem(err);
	for (size_t e = 0; e < n_entries; e++) {
		if (!(lv[e] = tk_arena_calloc(q->a, n_peers + 1, sizeof(double))))
			return store_nomem(err);
		for (size_t p = 0; p < n_peers; p++)
			lv[e][p] = NAN;
	}
	self[0] = out->system_entry.stat.level;
	size_t e = 1;
	for (int k = 0; k < 3; k++)
		for (size_t i = 0; i < ent[k].n; i++)
			self[e++] = ent[k].v[i].stat.level;
	tk_status rc = TK_OK;
	layout_cache layouts = { .self = out->catalog_hash };
	for (size_t p = 0; p < n_peers && !rc; p++) {
		orgs[p] = peers[p].org;
		lv[0][p] = peers[p].level;
		rc = peers[p].external ? read_external(q, peers[p].round, ent, lv, p, err)
				       : read_vector(q, &layouts, &peers[p], ent, lv, p, err);
	}
	if (rc)
		return rc;
	tk_peer_group g = { .n_peers = n_peers, .organisations = orgs, .n_entries = n_entries,
		.levels = (const double *const *)lv };
	if ((rc = tk_peer_stats(&g, self, stat, &out->summary, err)))
		return rc;
	out->system_entry.stat = stat[0];
	e = 1;
	for (int k = 0; k < 3; k++)
		for (size_t i = 0; i < ent[k].n; i++)
			ent[k].v[i].stat = stat[e++];
	return TK_OK;
}

tk_status tk_store_peers(tk_store *s, const char *org, const char *system, unsigned group,
	tk_arena *a, tk_store_peer_result *out, tk_error *err)
{
	*out = (tk_store_peer_result){ .group = group };
	tk_status rc = tk_store_system_find(s, org, system, &out->system, a, err);
	if (rc)
		return rc;
	peers_q q = { .s = s, .a = a };
	if ((rc = prepare(&q, SQL_SELF, &q.self, err)) || (rc = prepare(&q, SQL_GROUP, &q.group, err)) ||
	    (rc = prepare(&q, SQL_RATINGS, &q.ratings, err)) || (rc = prepare(&q, SQL_LEVELS, &q.levels, err)) ||
	    (rc = prepare(&q, SQL_EXT_GROUP, &q.ext_group, err)) ||
	    (rc = prepare(&q, SQL_EXT_LEVELS, &q.ext_levels, err)))
		goto done;
	s->ops->bind_int(q.self, 1, out->system.id);
	tk_db_step r = s->ops->step(q.self, err);
	if (r == TK_DB_FAILED) {
		rc = err->status;
		goto done;
	}
	if (r != TK_DB_ROW) {
		rc = no_round(&out->system, err);
		goto done;
	}
	out->round_id = s->ops->column_int(q.self, 0);
	out->catalog_id = store_col_text(s, q.self, 1, a, false);
	out->date = store_col_text(s, q.self, 2, a, false);
	out->target = (int)s->ops->column_int(q.self, 3);
	out->system_entry.stat.level = col_level(s, q.self, 4);
	out->catalog_hash = store_col_text(s, q.self, 5, a, false);
	if (!out->catalog_id || !out->date || !out->catalog_hash) {
		rc = store_nomem(err);
		goto done;
	}
	entries ent[3] = { { 0 } };
	peer_row *peers;
	size_t n_peers;
	if ((rc = read_round(&q, out->round_id, ent, true, NULL, 0, err)) ||
	    (rc = read_group(&q, out, &peers, &n_peers, err)) ||
	    (rc = compute(&q, out, ent, peers, n_peers, err)))
		goto done;
	out->n_systems = n_peers;
	out->views = ent[0].v, out->n_views = ent[0].n;
	out->domains = ent[1].v, out->n_domains = ent[1].n;
	out->requirements = ent[2].v, out->n_requirements = ent[2].n;
done:
	finalize(&q);
	return rc;
}
