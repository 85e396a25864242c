/* The compiled catalog cache (PATH.tkc beside PATH).
 *
 * Parsing a large catalog's YAML takes milliseconds; a command that only
 * needs the catalog should not pay that every time. After a successful load
 * the catalog is written as a compact image; the next load uses the image if,
 * and only if, it was made from exactly the same YAML bytes and its own
 * checksum is intact. Anything else, including a damaged or foreign file,
 * falls back to the YAML, which stays the source.
 *
 * "The same YAML" is first decided without reading the YAML, by its stat
 * identity (device, inode, size, and modification and change times in
 * nanoseconds), as git's index does: any write to the file changes its change
 * time, which no user call can set back. When the identity differs (a fresh
 * checkout, a copy) the YAML is read and its 64-bit content hash compared.
 * A file changed within the same clock tick as the cache was written could
 * keep its identity, so an identity younger than two seconds is not recorded
 * and such a cache is always checked by content ("racy" timestamps).
 *
 * One set of functions both writes and reads the image: each io_* function
 * is given a codec that is either writing or reading, so the two directions
 * cannot drift apart. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "taisaku/arena.h"
#include "taisaku/catalog.h"
#include "taisaku/file.h"
#include "catalog_internal.h"

#define MAGIC "TKCATv02" /* bumped whenever the image layout changes */

typedef struct codec {
	bool writing;
	bool bad;           /* reading ran past the end or found nonsense */
	char *out;          /* writing: growable buffer */
	size_t len, cap;
	const char *in;     /* reading: the image, which must outlive the catalog */
	size_t in_len, pos;
	tk_arena *a;
} codec;

static uint64_t hash64(const void *data, size_t n)
{
	const unsigned char *s = data;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	while (n--)
		h = (h ^ *s++) * 0x100000001b3ULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static void put(codec *c, const void *p, size_t n)
{
	if (c->bad)
		return;
	if (c->len + n > c->cap) {
		size_t nc = c->cap ? c->cap : 65536;
		while (nc < c->len + n)
			nc *= 2;
		char *nb = realloc(c->out, nc);
		if (!nb) {
			c->bad = true;
			return;
		}
		c->out = nb;
		c->cap = nc;
	}
	memcpy(c->out + c->len, p, n);
	c->len += n;
}

static const void *take(codec *c, size_t n)
{
	if (c->bad || c->in_len - c->pos < n) {
		c->bad = true;
		return NULL;
	}
	const void *p = c->in + c->pos;
	c->pos += n;
	return p;
}

static void io_u32(codec *c, uint32_t *x)
{
	if (c->writing) {
		put(c, x, 4);
		return;
	}
	const void *p = take(c, 4);
	*x = 0;
	if (p)
		memcpy(x, p, 4);
}

static void io_size(codec *c, size_t *x)
{
	uint32_t v = (uint32_t)*x;
	io_u32(c, &v);
	*x = v;
}

static void io_int(codec *c, int *x)
{
	uint32_t v = (uint32_t)*x;
	io_u32(c, &v);
	*x = (int)v;
}

static void io_bool(codec *c, bool *x)
{
	uint32_t v = *x;
	io_u32(c, &v);
	*x = v != 0;
}

/* Strings are stored with their NUL; reading points into the image. */
static void io_str(codec *c, const char **s)
{
	if (c->writing) {
		uint32_t n = *s ? (uint32_t)strlen(*s) + 1 : 0;
		io_u32(c, &n);
		if (n)
			put(c, *s, n);
		return;
	}
	uint32_t n;
	io_u32(c, &n);
	*s = NULL;
	if (!n)
		return;
	const char *p = take(c, n);
	if (p && p[n - 1] != '\0')
		c->bad = true;
	*s = c->bad ? NULL : p;
}

/* An array's length, and on reading its zeroed storage. */
static void *io_array(codec *c, void *arr, size_t *n, size_t elem)
{
	io_size(c, n);
	if (c->writing)
		return arr;
	/* Each element takes at least 4 bytes of image: a bound on nonsense. */
	if (c->bad || *n > c->in_len / 4) {
		c->bad = true;
		*n = 0;
		return NULL;
	}
	void *p = tk_arena_calloc(c->a, *n ? *n : 1, elem);
	if (!p)
		c->bad = true;
	return p;
}

#define IO_ARRAY(c, ptr, n) ((ptr) = io_array((c), (ptr), &(n), sizeof(*(ptr))))

static void io_strv(codec *c, tk_strv *v)
{
	IO_ARRAY(c, v->v, v->n);
	for (size_t i = 0; i < v->n && !c->bad; i++)
		io_str(c, &v->v[i]);
}

static void io_notes(codec *c, tk_notes *v)
{
	IO_ARRAY(c, v->v, v->n);
	for (size_t i = 0; i < v->n && !c->bad; i++) {
		io_str(c, &v->v[i].text_en);
		io_str(c, &v->v[i].text_ja);
		io_str(c, &v->v[i].ref);
	}
}

static void io_items(codec *c, tk_item **items, size_t *n, int depth)
{
	if (depth > 16) {
		c->bad = true;
		return;
	}
	IO_ARRAY(c, *items, *n);
	for (size_t i = 0; i < *n && !c->bad; i++) {
		io_str(c, &(*items)[i].text_ja);
		io_items(c, &(*items)[i].items, &(*items)[i].n_items, depth + 1);
	}
}

static void io_marks(codec *c, tk_marks *m)
{
	IO_ARRAY(c, m->primary, m->n_primary);
	for (size_t i = 0; i < m->n_primary && !c->bad; i++) {
		uint32_t v = m->primary[i];
		io_u32(c, &v);
		m->primary[i] = (uint16_t)v;
	}
	IO_ARRAY(c, m->secondary, m->n_secondary);
	for (size_t i = 0; i < m->n_secondary && !c->bad; i++) {
		uint32_t v = m->secondary[i];
		io_u32(c, &v);
		m->secondary[i] = (uint16_t)v;
	}
}

static void io_requirement(codec *c, tk_requirement *r)
{
	io_str(c, &r->id);
	io_str(c, &r->title_ja);
	io_str(c, &r->title_en);
	io_strv(c, &r->title_variants_ja);
	io_str(c, &r->purpose_ja);
	IO_ARRAY(c, r->points, r->n_points);
	for (size_t i = 0; i < r->n_points && !c->bad; i++) {
		tk_point *p = &r->points[i];
		io_str(c, &p->label);
		io_str(c, &p->title_ja);
		io_str(c, &p->text_ja);
		io_items(c, &p->items, &p->n_items, 0);
	}
	IO_ARRAY(c, r->isms, r->n_isms);
	for (size_t i = 0; i < r->n_isms && !c->bad; i++) {
		io_str(c, &r->isms[i].id);
		io_str(c, &r->isms[i].title_ja);
	}
	io_str(c, &r->isms_remark_ja);
	int kind = (int)r->kind, modality = (int)r->modality;
	io_int(c, &kind);
	io_int(c, &modality);
	r->kind = (tk_kind)kind;
	r->modality = (tk_modality)modality;
	io_bool(c, &r->kind_overridden);
	io_marks(c, &r->activities);
	io_marks(c, &r->departments);
	io_str(c, &r->role_ja);
	IO_ARRAY(c, r->parameters, r->n_parameters);
	for (size_t i = 0; i < r->n_parameters && !c->bad; i++) {
		io_str(c, &r->parameters[i].id);
		io_str(c, &r->parameters[i].title_ja);
		io_str(c, &r->parameters[i].value);
	}
	io_strv(c, &r->documents_ja);
	io_notes(c, &r->notes);
	io_u32(c, &r->domain);
}

static void io_labels(codec *c, tk_label **v, size_t *n)
{
	IO_ARRAY(c, *v, *n);
	for (size_t i = 0; i < *n && !c->bad; i++) {
		io_str(c, &(*v)[i].id);
		io_str(c, &(*v)[i].title_ja);
		io_str(c, &(*v)[i].title_en);
	}
}

static void io_level_texts(codec *c, tk_level_text **v, size_t *n)
{
	IO_ARRAY(c, *v, *n);
	for (size_t i = 0; i < *n && !c->bad; i++) {
		io_int(c, &(*v)[i].level);
		io_str(c, &(*v)[i].a_ja);
		io_str(c, &(*v)[i].b_ja);
	}
}

static void io_core(codec *c, tk_core_criterion **v, size_t *n)
{
	IO_ARRAY(c, *v, *n);
	for (size_t i = 0; i < *n && !c->bad; i++) {
		io_int(c, &(*v)[i].level);
		io_str(c, &(*v)[i].summary_ja);
		io_strv(c, &(*v)[i].conditions_ja);
	}
}

static void io_peripheral(codec *c, tk_peripheral *p)
{
	io_str(c, &p->id);
	io_str(c, &p->title_ja);
	io_str(c, &p->title_en);
	io_str(c, &p->table_ja);
	io_str(c, &p->legend_ja);
	IO_ARRAY(c, p->columns, p->n_columns);
	for (size_t i = 0; i < p->n_columns && !c->bad; i++) {
		io_str(c, &p->columns[i].id);
		io_str(c, &p->columns[i].title_ja);
		io_str(c, &p->columns[i].note_ja);
	}
	IO_ARRAY(c, p->rows, p->n_rows);
	for (size_t i = 0; i < p->n_rows && !c->bad; i++) {
		tk_criteria_row *row = &p->rows[i];
		int rank = (int)row->rank;
		io_int(c, &rank);
		row->rank = (tk_rank)rank;
		io_str(c, &row->remark_ja);
		size_t n = p->n_columns;
		IO_ARRAY(c, row->cells, n);
		if (n != p->n_columns)
			c->bad = true;
		for (size_t j = 0; j < n && !c->bad; j++) {
			uint32_t v = row->cells[j];
			io_u32(c, &v);
			row->cells[j] = (uint8_t)v;
		}
	}
}

static void io_scoring(codec *c, tk_scoring *s)
{
	io_str(c, &s->model);
	for (int l = 0; l < 6; l++) {
		int t = (int)s->thresholds[l];
		io_int(c, &t);
		s->thresholds[l] = (tk_rank)t;
		for (int i = 0; i < 4; i++) {
			uint32_t v = s->targets[l][i];
			io_u32(c, &v);
			s->targets[l][i] = (uint8_t)v;
		}
	}
	io_level_texts(c, &s->levels, &s->n_levels);
	io_level_texts(c, &s->system_levels, &s->n_system_levels);
	io_level_texts(c, &s->requirement_levels, &s->n_requirement_levels);
	io_core(c, &s->core_technical, &s->n_core_technical);
	io_core(c, &s->core_management, &s->n_core_management);
	IO_ARRAY(c, s->factors, s->n_factors);
	for (size_t i = 0; i < s->n_factors && !c->bad; i++) {
		io_str(c, &s->factors[i].id);
		io_str(c, &s->factors[i].title_ja);
		io_strv(c, &s->factors[i].items_ja);
	}
	for (int i = 0; i < TK_PERIPHERALS; i++)
		io_peripheral(c, &s->peripherals[i]);
	io_notes(c, &s->notes);
}

static void io_catalog(codec *c, tk_catalog *cat)
{
	io_str(c, &cat->format);
	io_str(c, &cat->id);
	io_str(c, &cat->title_ja);
	io_str(c, &cat->title_en);
	io_str(c, &cat->version);
	io_str(c, &cat->publisher_ja);
	io_str(c, &cat->source);
	io_str(c, &cat->description_en);
	int kind = (int)cat->kind;
	io_int(c, &kind);
	cat->kind = (tk_catalog_kind)kind;
	io_labels(c, &cat->activities, &cat->n_activities);
	io_labels(c, &cat->departments, &cat->n_departments);
	io_bool(c, &cat->has_scoring);
	if (cat->has_scoring)
		io_scoring(c, &cat->scoring);
	IO_ARRAY(c, cat->views, cat->n_views);
	for (size_t i = 0; i < cat->n_views && !c->bad; i++) {
		tk_view *v = &cat->views[i];
		io_str(c, &v->id);
		io_str(c, &v->title_ja);
		io_str(c, &v->title_en);
		io_str(c, &v->purpose_ja);
		io_notes(c, &v->notes);
		io_u32(c, &v->first_subview);
		io_u32(c, &v->n_subviews);
		io_u32(c, &v->first_domain);
		io_u32(c, &v->n_domains);
	}
	IO_ARRAY(c, cat->subviews, cat->n_subviews);
	for (size_t i = 0; i < cat->n_subviews && !c->bad; i++) {
		tk_subview *s = &cat->subviews[i];
		io_str(c, &s->id);
		io_str(c, &s->title_ja);
		io_str(c, &s->title_en);
		io_str(c, &s->purpose_ja);
		io_notes(c, &s->notes);
		io_u32(c, &s->view);
		io_u32(c, &s->first_domain);
		io_u32(c, &s->n_domains);
	}
	IO_ARRAY(c, cat->domains, cat->n_domains);
	for (size_t i = 0; i < cat->n_domains && !c->bad; i++) {
		tk_domain *d = &cat->domains[i];
		io_str(c, &d->id);
		io_str(c, &d->title_ja);
		io_str(c, &d->title_en);
		io_strv(c, &d->title_variants_ja);
		io_str(c, &d->purpose_ja);
		io_strv(c, &d->themes);
		io_strv(c, &d->threats_ja);
		io_notes(c, &d->notes);
		io_u32(c, &d->view);
		io_u32(c, &d->subview);
		io_u32(c, &d->first_requirement);
		io_u32(c, &d->n_requirements);
	}
	IO_ARRAY(c, cat->requirements, cat->n_requirements);
	for (size_t i = 0; i < cat->n_requirements && !c->bad; i++)
		io_requirement(c, &cat->requirements[i]);
	IO_ARRAY(c, cat->glossary, cat->n_glossary);
	for (size_t i = 0; i < cat->n_glossary && !c->bad; i++) {
		io_str(c, &cat->glossary[i].term_ja);
		io_str(c, &cat->glossary[i].text_ja);
	}
	io_notes(c, &cat->notes);
}

/* Indices in a read image must stay inside their arrays, so that a damaged
 * image that slipped past the checksum still cannot make us read wild. */
static bool ranges_ok(const tk_catalog *c)
{
	for (size_t i = 0; i < c->n_views; i++) {
		const tk_view *v = &c->views[i];
		if ((uint64_t)v->first_domain + v->n_domains > c->n_domains ||
		    (uint64_t)v->first_subview + v->n_subviews > c->n_subviews)
			return false;
	}
	for (size_t i = 0; i < c->n_subviews; i++)
		if (c->subviews[i].view >= c->n_views ||
		    (uint64_t)c->subviews[i].first_domain + c->subviews[i].n_domains > c->n_domains)
			return false;
	for (size_t i = 0; i < c->n_domains; i++) {
		const tk_domain *d = &c->domains[i];
		if (d->view >= c->n_views || (d->subview != UINT32_MAX && d->subview >= c->n_subviews) ||
		    (uint64_t)d->first_requirement + d->n_requirements > c->n_requirements)
			return false;
	}
	for (size_t i = 0; i < c->n_requirements; i++) {
		const tk_requirement *r = &c->requirements[i];
		if (r->domain >= c->n_domains || !r->id)
			return false;
		for (size_t j = 0; j < r->activities.n_primary; j++)
			if (r->activities.primary[j] >= c->n_activities) return false;
		for (size_t j = 0; j < r->activities.n_secondary; j++)
			if (r->activities.secondary[j] >= c->n_activities) return false;
		for (size_t j = 0; j < r->departments.n_primary; j++)
			if (r->departments.primary[j] >= c->n_departments) return false;
		for (size_t j = 0; j < r->departments.n_secondary; j++)
			if (r->departments.secondary[j] >= c->n_departments) return false;
	}
	if (c->has_scoring)
		for (int i = 0; i < TK_PERIPHERALS; i++)
			for (size_t r = 0; r < c->scoring.peripherals[i].n_rows; r++) {
				const tk_criteria_row *row = &c->scoring.peripherals[i].rows[r];
				if ((unsigned)row->rank > TK_RANK_D)
					return false;
				for (size_t k = 0; k < c->scoring.peripherals[i].n_columns; k++)
					if (row->cells[k] > TK_CELL_O_OR_T)
						return false;
			}
	return true;
}

/* Header: magic, then YAML size, YAML hash, body size, body hash, and the
 * YAML's device, inode, mtime and ctime (nanoseconds; zero when not trusted). */
enum { H_SIZE, H_HASH, H_BODY_SIZE, H_BODY_HASH, H_DEV, H_INO, H_MTIME, H_CTIME, H_FIELDS };
#define HEADER_SIZE (8 + 8 * H_FIELDS)

/* Decodes an image body into a catalog; NULL when it is not a sound image.
 * The body must live in the arena, since strings point into it. */
static tk_catalog *decode_in(tk_arena *a, const char *body, size_t len, const char *path)
{
	tk_catalog *cat = tk_arena_calloc(a, 1, sizeof(*cat));
	if (!cat)
		return NULL;
	codec c = { .writing = false, .in = body, .in_len = len, .a = a };
	io_catalog(&c, cat);
	if (c.bad || c.pos != c.in_len || !ranges_ok(cat))
		return NULL;
	cat->arena = a;
	cat->path = tk_arena_strdup(a, path);
	cat->from_cache = true;
	return cat;
}

tk_catalog *tk_catalog_cache_decode(const char *body, size_t len, const char *path)
{
	tk_arena *a = tk_arena_new(len + 65536);
	char *copy = a ? tk_arena_alloc(a, len ? len : 1) : NULL;
	if (!copy) {
		tk_arena_free(a);
		return NULL;
	}
	memcpy(copy, body, len);
	tk_catalog *cat = decode_in(a, copy, len, path);
	if (!cat)
		tk_arena_free(a);
	return cat;
}

static uint64_t ns(struct timespec t)
{
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* The YAML's identity, or zeros when it is too fresh to be trusted. */
static void identity(const struct stat *sb, uint64_t out[4])
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	uint64_t newest = ns(sb->st_mtim) > ns(sb->st_ctim) ? ns(sb->st_mtim) : ns(sb->st_ctim);
	if (ns(now) < newest + 2000000000u) {
		memset(out, 0, 4 * sizeof(*out));
		return;
	}
	out[0] = (uint64_t)sb->st_dev;
	out[1] = (uint64_t)sb->st_ino;
	out[2] = ns(sb->st_mtim);
	out[3] = ns(sb->st_ctim);
}

static bool read_full(int fd, char *buf, size_t len, off_t at)
{
	while (len) {
		ssize_t r = pread(fd, buf, len, at);
		if (r <= 0)
			return false;
		buf += r;
		len -= (size_t)r;
		at += r;
	}
	return true;
}

/* Reads the cache at cache_path for the YAML at path. yaml/yaml_len are the
 * YAML's bytes when already read (NULL otherwise: read only if needed). */
static tk_catalog *image_load(const char *cache_path, const char *path, const struct stat *ysb,
	char **yaml, size_t *yaml_len)
{
	int fd = open(cache_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat csb;
	char header[HEADER_SIZE];
	uint64_t h[H_FIELDS];
	tk_catalog *cat = NULL;
	if (fstat(fd, &csb) < 0 || !S_ISREG(csb.st_mode) || csb.st_size < HEADER_SIZE ||
	    !read_full(fd, header, HEADER_SIZE, 0) || memcmp(header, MAGIC, 8) != 0)
		goto out;
	memcpy(h, header + 8, sizeof(h));
	uint64_t id[4];
	identity(ysb, id);
	bool same = id[0] && h[H_DEV] == id[0] && h[H_INO] == id[1] && h[H_MTIME] == id[2] &&
		    h[H_CTIME] == id[3] && h[H_SIZE] == (uint64_t)ysb->st_size;
	if (!same) {
		tk_error ignored = { 0 };
		if (!*yaml && tk_file_read(path, yaml, yaml_len, &ignored) != TK_OK)
			goto out;
		if (h[H_SIZE] != *yaml_len || h[H_HASH] != hash64(*yaml, *yaml_len))
			goto out;
	}
	size_t body_len = (size_t)csb.st_size - HEADER_SIZE;
	if (h[H_BODY_SIZE] != body_len)
		goto out;
	tk_arena *a = tk_arena_new(body_len + 65536);
	char *body = a ? tk_arena_alloc(a, body_len ? body_len : 1) : NULL;
	if (body && read_full(fd, body, body_len, HEADER_SIZE) && h[H_BODY_HASH] == hash64(body, body_len))
		cat = decode_in(a, body, body_len, path);
	if (!cat)
		tk_arena_free(a);
out:
	close(fd);
	return cat;
}

static void image_write(tk_catalog *cat, const char *yaml, size_t yaml_len, const struct stat *ysb,
	const char *cache_path)
{
	codec c = { .writing = true };
	char header[HEADER_SIZE] = { 0 };
	put(&c, header, sizeof(header));
	io_catalog(&c, cat);
	if (!c.bad) {
		uint64_t id[4];
		identity(ysb, id);
		uint64_t h[H_FIELDS] = { yaml_len, hash64(yaml, yaml_len), c.len - HEADER_SIZE,
			hash64(c.out + HEADER_SIZE, c.len - HEADER_SIZE), id[0], id[1], id[2], id[3] };
		memcpy(c.out, MAGIC, 8);
		memcpy(c.out + 8, h, sizeof(h));
		tk_error ignored = { 0 };
		/* A cache that cannot be written (read-only directory) is no error. */
		tk_file_write_atomic(cache_path, c.out, c.len, false, &ignored);
	}
	free(c.out);
}

tk_status tk_catalog_load_cached(const char *path, tk_catalog **out, tk_error *err)
{
	*out = NULL;
	const char *off = getenv("TAISAKU_NO_CACHE");
	bool use_cache = !(off && *off && strcmp(off, "0") != 0);
	struct stat ysb;
	if (!use_cache || stat(path, &ysb) != 0)
		return tk_catalog_load_file(path, out, err);
	size_t plen = strlen(path);
	char *cache_path = malloc(plen + 5);
	if (!cache_path)
		return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL, "メモリが足りません", "out of memory");
	snprintf(cache_path, plen + 5, "%s.tkc", path);
	char *yaml = NULL;
	size_t yaml_len = 0;
	tk_status st = TK_OK;
	*out = image_load(cache_path, path, &ysb, &yaml, &yaml_len);
	if (!*out) {
		if (!yaml)
			st = tk_file_read(path, &yaml, &yaml_len, err);
		if (!st)
			st = tk_catalog_load_buffer(path, yaml, yaml_len, out, err);
		if (!st)
			image_write(*out, yaml, yaml_len, &ysb, cache_path);
	}
	free(cache_path);
	free(yaml);
	return st;
}

/* Encodes a catalog's image body (for the fuzzer's round trip). */
char *tk_catalog_cache_encode(tk_catalog *cat, size_t *len)
{
	codec c = { .writing = true };
	io_catalog(&c, cat);
	if (c.bad) {
		free(c.out);
		return NULL;
	}
	*len = c.len;
	return c.out;
}
