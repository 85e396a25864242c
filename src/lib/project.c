/* Projection of an ECOM evaluation onto another catalog (MODEL.md §8).
 *
 * Every target item names a set of ECOM requirements (through a mapping
 * file, or through the ISO/IEC 17799 references the ECOM catalog carries);
 * its status follows from the weakest of them. An item is never guessed:
 * when a requirement it depends on is not rated, or it has no counterpart,
 * it stays undecided and says why. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/arena.h"
#include "taisaku/mapping.h"

const char *tk_proj_status_name(tk_proj_status s)
{
	static const char *const n[] = { "implemented", "partial", "not-implemented", "na", "undecided" };
	return (unsigned)s < TK_PROJ_STATUSES ? n[s] : "?";
}

const char *tk_proj_status_name_ja(tk_proj_status s)
{
	static const char *const n[] = { "実施", "一部実施", "未実施", "該当なし", "判定できない" };
	return (unsigned)s < TK_PROJ_STATUSES ? n[s] : "?";
}

const char *tk_undecided_name(tk_undecided u)
{
	static const char *const n[] = { "", "no-mapping", "unassessed", "unknown" };
	return (unsigned)u <= TK_UND_UNKNOWN ? n[u] : "?";
}

const char *tk_undecided_text(tk_undecided u, tk_lang lang)
{
	static const char *const ja[] = { "", "ECOM に対応する対策要求がない", "対応する対策要求が未評価",
		"対応する対策要求が「わからない」" };
	static const char *const en[] = { "", "no ECOM counterpart", "a mapped requirement is not assessed",
		"a mapped requirement is rated unknown" };
	if ((unsigned)u > TK_UND_UNKNOWN)
		return "?";
	return lang == TK_LANG_EN ? en[u] : ja[u];
}

/* The status of one item from its ECOM requirements. Requirements rated na
 * are left out of the minimum; when all are na, so is the item. */
static void decide(const tk_evaluation *e, tk_proj_item *it)
{
	const tk_assessment *a = e->assessment;
	it->decisive = -1;
	if (it->n_from == 0) {
		it->status = TK_PROJ_UNDECIDED;
		it->why = TK_UND_NO_MAPPING;
		return;
	}
	int min = 6;
	for (size_t i = 0; i < it->n_from; i++) {
		uint32_t r = it->from[i];
		tk_rating_kind k = a->ratings[r].kind;
		if (k == TK_RATING_UNASSESSED || k == TK_RATING_UNKNOWN) {
			it->status = TK_PROJ_UNDECIDED;
			it->why = k == TK_RATING_UNKNOWN ? TK_UND_UNKNOWN : TK_UND_UNASSESSED;
			it->decisive = (int32_t)r;
			it->level = 0;
			return;
		}
		if (k == TK_RATING_NA)
			continue;
		int lvl = e->requirements[r].achieved;
		if (lvl < min) {
			min = lvl;
			it->decisive = (int32_t)r;
		}
	}
	if (min == 6) {
		it->status = TK_PROJ_NA;
		return;
	}
	it->level = min;
	it->status = min >= 3 ? TK_PROJ_IMPLEMENTED : min == 2 ? TK_PROJ_PARTIAL : TK_PROJ_NOT_IMPLEMENTED;
}

static tk_projection *projection_new(const tk_evaluation *e, size_t n, tk_error *err)
{
	tk_arena *arena = tk_arena_new(16384 + n * 256);
	tk_projection *p = arena ? tk_arena_calloc(arena, 1, sizeof(*p)) : NULL;
	if (p) {
		p->arena = arena;
		p->evaluation = e;
		p->items = tk_arena_calloc(arena, n ? n : 1, sizeof(*p->items));
		p->n_items = n;
	}
	if (!p || !p->items) {
		tk_arena_free(arena);
		tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		return NULL;
	}
	return p;
}

static void tally(tk_projection *p)
{
	for (size_t i = 0; i < p->n_items; i++) {
		p->counts[p->items[i].status]++;
		p->undecided[p->items[i].why]++;
	}
}

tk_status tk_project(const tk_evaluation *e, const tk_mapping *m, tk_projection **out, tk_error *err)
{
	*out = NULL;
	if (e->assessment->catalog != m->to && strcmp(e->assessment->catalog->id, m->to->id) != 0)
		return tk_error_set(err, TK_EINPUT, e->assessment->path, 0, 0, "catalog",
			"評価シートのカタログ '%s' と対応表の '%s' が違います",
			"the assessment's catalog '%s' is not the mapping's '%s'",
			e->assessment->catalog->id, m->to->id);
	const tk_catalog *cat = m->from;
	tk_projection *p = projection_new(e, cat->n_requirements, err);
	if (!p)
		return TK_ENOMEM;
	p->target_id = cat->id;
	p->target_title_ja = cat->title_ja;
	for (size_t i = 0; i < cat->n_requirements; i++) {
		const tk_requirement *r = &cat->requirements[i];
		const tk_domain *d = &cat->domains[r->domain];
		const tk_map_entry *me = &m->entries[i];
		tk_proj_item *it = &p->items[i];
		*it = (tk_proj_item){ .id = r->id, .title_ja = r->title_ja, .section_id = d->id,
			.section_title_ja = d->title_ja, .n_from = me->n_to, .from = me->to };
		if (me->relation == TK_REL_NONE)
			it->none_reason_ja = me->rationale_ja;
		decide(e, it);
	}
	tally(p);
	*out = p;
	return TK_OK;
}

/* Orders control numbers as numbers: 4.1.10 after 4.1.9. */
static int cmp_control(const char *a, const char *b)
{
	while (*a && *b) {
		char *ea, *eb;
		long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
		if (ea == a || eb == b) /* not a number: plain order */
			return strcmp(a, b);
		if (x != y)
			return x < y ? -1 : 1;
		a = *ea == '.' ? ea + 1 : ea;
		b = *eb == '.' ? eb + 1 : eb;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int cmp_item(const void *x, const void *y)
{
	return cmp_control(((const tk_proj_item *)x)->id, ((const tk_proj_item *)y)->id);
}

tk_status tk_project_iso17799(const tk_evaluation *e, tk_projection **out, tk_error *err)
{
	*out = NULL;
	const tk_catalog *cat = e->assessment->catalog;
	size_t total = 0;
	for (size_t i = 0; i < cat->n_requirements; i++)
		total += cat->requirements[i].n_isms;
	tk_projection *p = projection_new(e, total, err);
	if (!p)
		return TK_ENOMEM;
	p->target_id = "iso17799";
	p->target_title_ja = "ISO/IEC 17799";
	/* One item per control number; the requirements referencing it are
	 * gathered in catalog order. */
	size_t n = 0;
	uint32_t *pool = tk_arena_calloc(p->arena, total ? total : 1, sizeof(*pool));
	size_t *counts = calloc(total ? total : 1, sizeof(*counts));
	if (!pool || !counts) {
		free(counts);
		tk_projection_free(p);
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	for (size_t i = 0; i < cat->n_requirements; i++)
		for (size_t k = 0; k < cat->requirements[i].n_isms; k++) {
			const tk_isms_ref *ref = &cat->requirements[i].isms[k];
			size_t j = 0;
			while (j < n && strcmp(p->items[j].id, ref->id) != 0)
				j++;
			if (j == n)
				p->items[n++] = (tk_proj_item){ .id = ref->id, .title_ja = ref->title_ja };
			if (!p->items[j].title_ja)
				p->items[j].title_ja = ref->title_ja;
			counts[j]++;
		}
	p->n_items = n;
	size_t off = 0;
	for (size_t j = 0; j < n; j++) {
		p->items[j].from = pool + off;
		off += counts[j];
	}
	free(counts);
	for (size_t i = 0; i < cat->n_requirements; i++)
		for (size_t k = 0; k < cat->requirements[i].n_isms; k++) {
			size_t j = 0;
			while (strcmp(p->items[j].id, cat->requirements[i].isms[k].id) != 0)
				j++;
			uint32_t *from = (uint32_t *)p->items[j].from;
			if (p->items[j].n_from == 0 || from[p->items[j].n_from - 1] != i)
				from[p->items[j].n_from++] = (uint32_t)i;
		}
	qsort(p->items, n, sizeof(*p->items), cmp_item);
	for (size_t j = 0; j < n; j++) {
		tk_proj_item *it = &p->items[j];
		/* The section is the clause: the number before the first dot. */
		const char *dot = strchr(it->id, '.');
		it->section_id = dot ? tk_arena_strndup(p->arena, it->id, (size_t)(dot - it->id)) : it->id;
		decide(e, it);
	}
	tally(p);
	*out = p;
	return TK_OK;
}

void tk_projection_free(tk_projection *p)
{
	if (p)
		tk_arena_free(p->arena);
}
