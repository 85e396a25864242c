/* The organisation's rules built from a compliance assessment
 * (include/taisaku/rules.h): every text of the catalog with the
 * organisation's choices filled in, and the list of the choices still open.
 * report_rules.c prints it. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/arena.h"
#include "rules_internal.h"

static tk_status oom(tk_error *err)
{
	return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
}

/* The replacements that apply to one item: its chosen parameters, then the
 * organisation's titles for the roles. Parameters the assessment does not
 * give are left out (they are open choices). */
typedef struct subs {
	tk_subst *v;
	size_t n, cap;
} subs;

static bool subs_add(subs *s, const char *from, const char *to)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 32;
		tk_subst *v = realloc(s->v, cap * sizeof(*v));
		if (!v)
			return false;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n].from = from;
	s->v[s->n].to = to;
	s->n++;
	return true;
}

static bool subs_item_parameters(subs *s, const tk_compliance *c, const tk_requirement *q)
{
	for (size_t p = 0; p < q->n_parameters; p++) {
		const char *v = tk_compliance_parameter(c, q->parameters[p].id);
		if (v && !subs_add(s, q->parameters[p].title_ja, v))
			return false;
	}
	return true;
}

static bool subs_roles(subs *s, const tk_compliance *c)
{
	for (size_t k = 0; k < c->n_roles; k++)
		if (!subs_add(s, c->roles[k].name, c->roles[k].value))
			return false;
	return true;
}

typedef struct builder {
	tk_rules *r;
	bool failed;
} builder;

/* text with the replacements made, in the document's arena; NULL for NULL. */
static const char *apply(builder *b, const char *text, const subs *s)
{
	if (!text || b->failed)
		return NULL;
	char *t = tk_subst_apply(text, s->v, s->n);
	const char *out = t ? tk_arena_strdup(b->r->arena, t) : NULL;
	free(t);
	if (!out)
		b->failed = true;
	return out;
}

static void add_open(builder *b, tk_rules_open_kind kind, const char *where, const char *parameter,
	const char *text)
{
	tk_rules *r = b->r;
	if (b->failed)
		return;
	if (r->n_open == r->cap_open) {
		size_t cap = r->cap_open ? r->cap_open * 2 : 16;
		tk_rules_open *v = realloc(r->open, cap * sizeof(*v));
		if (!v) {
			b->failed = true;
			return;
		}
		r->open = v;
		r->cap_open = cap;
	}
	r->open[r->n_open++] = (tk_rules_open){ kind, where, parameter, text };
}

/* A placeholder left in text is an open choice (reported once per place). */
static bool check_left(builder *b, const char *where, const char *text)
{
	if (text && tk_placeholder_find(text)) {
		add_open(b, TK_RULES_PLACEHOLDER, where, NULL, text);
		return false;
	}
	return true;
}

static tk_item *apply_items(builder *b, const tk_item *items, size_t n, const subs *s)
{
	if (!n)
		return NULL;
	tk_item *v = tk_arena_calloc(b->r->arena, n, sizeof(*v));
	if (!v) {
		b->failed = true;
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		v[i].text_ja = apply(b, items[i].text_ja, s);
		v[i].n_items = items[i].n_items;
		v[i].items = apply_items(b, items[i].items, items[i].n_items, s);
	}
	return v;
}

static bool items_clean(builder *b, const char *where, const tk_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!check_left(b, where, items[i].text_ja) || !items_clean(b, where, items[i].items, items[i].n_items))
			return false;
	return true;
}

/* A point that is a parameter's fragment as a whole (a table row) becomes
 * the chosen text; any other point has its parts filled in. */
static void apply_point(builder *b, const tk_compliance *c, const tk_requirement *q, const tk_point *p,
	tk_point *out, const subs *s)
{
	out->label = p->label;
	for (size_t k = 0; k < q->n_parameters; k++) {
		const char *v = tk_compliance_parameter(c, q->parameters[k].id);
		if (v && tk_point_is_fragment(p, q->parameters[k].title_ja)) {
			out->title_ja = v;
			return;
		}
	}
	out->title_ja = apply(b, p->title_ja, s);
	out->text_ja = apply(b, p->text_ja, s);
	out->n_items = p->n_items;
	out->items = apply_items(b, p->items, p->n_items, s);
}

/* Whether the item's title is a heading of its own: not the section's
 * title again, and not the first words of its text (the catalog titles
 * many items by their opening clause). */
static bool own_heading(const tk_catalog *cat, const tk_requirement *q)
{
	if (!q->title_ja || !*q->title_ja)
		return false;
	if (strcmp(q->title_ja, cat->domains[q->domain].title_ja) == 0)
		return false;
	return !q->purpose_ja || !strstr(q->purpose_ja, q->title_ja);
}

static bool any_included(const tk_compliance *c, uint32_t first, uint32_t n)
{
	for (uint32_t i = first; i < first + n; i++)
		if (c->items[i].status != TK_CS_NA)
			return true;
	return false;
}

/* Whether any item in [first, first+n) leaves a parameter open. */
static bool any_unchosen(const tk_compliance *c, uint32_t first, uint32_t n)
{
	for (uint32_t i = first; i < first + n; i++) {
		const tk_requirement *q = &c->catalog->requirements[i];
		if (c->items[i].status == TK_CS_NA)
			continue;
		for (size_t p = 0; p < q->n_parameters; p++)
			if (!tk_compliance_parameter(c, q->parameters[p].id))
				return true;
	}
	return false;
}

static bool subs_range(subs *s, const tk_compliance *c, uint32_t first, uint32_t n)
{
	for (uint32_t i = first; i < first + n; i++)
		if (!subs_item_parameters(s, c, &c->catalog->requirements[i]))
			return false;
	return subs_roles(s, c);
}

/* A heading of the document (a chapter's or a section's title): filled in
 * with the choices of the items under it. */
static const char *heading(builder *b, const char *where, const char *title, uint32_t first, uint32_t n)
{
	const tk_compliance *c = b->r->c;
	subs s = { 0 };
	if (!subs_range(&s, c, first, n)) {
		free(s.v);
		b->failed = true;
		return NULL;
	}
	const char *t = apply(b, title, &s);
	free(s.v);
	if (any_included(c, first, n) && !any_unchosen(c, first, n))
		check_left(b, where, t); /* (a heading printed nowhere needs no choice) */
	return t;
}

static void build_item(builder *b, size_t i)
{
	tk_rules *r = b->r;
	const tk_compliance *c = r->c;
	const tk_catalog *cat = c->catalog;
	const tk_requirement *q = &cat->requirements[i];
	r_item *it = &r->items[i];
	subs s = { 0 };
	if (!subs_item_parameters(&s, c, q) || !subs_roles(&s, c)) {
		free(s.v);
		b->failed = true;
		return;
	}
	if (c->items[i].status == TK_CS_NA) {
		/* Left out: only its title is printed, in the appendix, and only
		 * when no placeholder is left in it. */
		const char *t = apply(b, q->title_ja, &s);
		it->na_title = t && !tk_placeholder_find(t) ? t : NULL;
		free(s.v);
		return;
	}
	it->included = true;
	bool open = false;
	for (size_t p = 0; p < q->n_parameters; p++)
		if (!tk_compliance_parameter(c, q->parameters[p].id)) {
			add_open(b, TK_RULES_UNCHOSEN, q->id, q->parameters[p].id, q->parameters[p].title_ja);
			open = true;
		}
	it->heading = own_heading(cat, q) ? apply(b, q->title_ja, &s) : NULL;
	it->text = apply(b, q->purpose_ja, &s);
	it->n_points = q->n_points;
	if (q->n_points) {
		it->points = tk_arena_calloc(r->arena, q->n_points, sizeof(*it->points));
		if (!it->points)
			b->failed = true;
		for (size_t p = 0; it->points && p < q->n_points; p++)
			apply_point(b, c, q, &q->points[p], &it->points[p], &s);
	}
	free(s.v);
	if (open || b->failed)
		return; /* the unchosen parameters say where the placeholders are */
	if (!check_left(b, q->id, it->heading) || !check_left(b, q->id, it->text))
		return;
	for (size_t p = 0; p < it->n_points; p++) {
		const tk_point *pt = &it->points[p];
		if (!check_left(b, q->id, pt->title_ja) || !check_left(b, q->id, pt->text_ja) ||
		    !items_clean(b, q->id, pt->items, pt->n_items))
			return;
	}
}

tk_status tk_rules_build(const tk_compliance *c, tk_rules **out, tk_error *err)
{
	*out = NULL;
	const tk_catalog *cat = c->catalog;
	tk_rules *r = calloc(1, sizeof(*r));
	if (!r)
		return oom(err);
	r->c = c;
	r->arena = tk_arena_new(64 * 1024);
	builder b = { .r = r, .failed = !r->arena };
	if (!b.failed) {
		r->items = tk_arena_calloc(r->arena, cat->n_requirements ? cat->n_requirements : 1, sizeof(*r->items));
		r->views = tk_arena_calloc(r->arena, cat->n_views ? cat->n_views : 1, sizeof(*r->views));
		r->domains = tk_arena_calloc(r->arena, cat->n_domains ? cat->n_domains : 1, sizeof(*r->domains));
		r->glossary = tk_arena_calloc(r->arena, cat->n_glossary ? cat->n_glossary : 1, sizeof(*r->glossary));
		b.failed = !r->items || !r->views || !r->domains || !r->glossary;
	}
	check_left(&b, "system", c->organization);
	check_left(&b, "system", c->system_name);
	for (size_t v = 0; v < cat->n_views && !b.failed; v++) {
		const tk_view *vw = &cat->views[v];
		const tk_domain *d0 = &cat->domains[vw->first_domain];
		const tk_domain *dn = &cat->domains[vw->first_domain + vw->n_domains - 1];
		uint32_t first = vw->n_domains ? d0->first_requirement : 0;
		uint32_t n = vw->n_domains ? dn->first_requirement + dn->n_requirements - first : 0;
		r->views[v] = heading(&b, vw->id, vw->title_ja, first, n);
		for (uint32_t d = vw->first_domain; d < vw->first_domain + vw->n_domains && !b.failed; d++) {
			const tk_domain *dm = &cat->domains[d];
			r->domains[d] = heading(&b, dm->id, dm->title_ja, dm->first_requirement, dm->n_requirements);
			for (uint32_t i = dm->first_requirement; i < dm->first_requirement + dm->n_requirements; i++)
				build_item(&b, i);
		}
	}
	subs roles = { 0 };
	if (!b.failed && !subs_roles(&roles, c))
		b.failed = true;
	for (size_t g = 0; g < cat->n_glossary && !b.failed; g++) {
		r->glossary[g] = apply(&b, cat->glossary[g].text_ja, &roles);
		check_left(&b, cat->glossary[g].term_ja, r->glossary[g]);
	}
	free(roles.v);
	if (b.failed) {
		tk_rules_free(r);
		return oom(err);
	}
	*out = r;
	return TK_OK;
}

void tk_rules_free(tk_rules *r)
{
	if (!r)
		return;
	tk_arena_free(r->arena);
	free(r->open);
	free(r);
}

const tk_rules_open *tk_rules_open_choices(const tk_rules *r, size_t *n)
{
	*n = r->n_open;
	return r->open;
}

const char *tk_rules_item_text(const tk_rules *r, size_t requirement)
{
	return r->items[requirement].included ? r->items[requirement].text : NULL;
}

const tk_point *tk_rules_item_points(const tk_rules *r, size_t requirement, size_t *n)
{
	*n = r->items[requirement].included ? r->items[requirement].n_points : 0;
	return *n ? r->items[requirement].points : NULL;
}
