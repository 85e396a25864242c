/* Loading a catalog: YAML tree -> validated tk_catalog.
 *
 * The tree is walked twice: once to count views, subviews, domains and
 * requirements so that the flat arrays can be allocated at their final size,
 * and once to fill and check them. The scoring model is read by
 * catalog_scoring.c. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/catalog.h"
#include "taisaku/file.h"
#include "catalog_internal.h"
#include "schema.h"

#define FORMAT_ID "taisaku-catalog/1"

static const char *const TOP_KEYS[] = {
	"format", "catalog", "activities", "departments", "scoring", "views", "glossary", "notes", NULL };
static const char *const CATALOG_KEYS[] = {
	"id", "title_ja", "title_en", "version", "publisher_ja", "source", "kind",
	"description_en", NULL };
static const char *const LABEL_KEYS[] = { "id", "title_ja", "title_en", NULL };
static const char *const VIEW_KEYS[] = {
	"id", "title_ja", "title_en", "purpose_ja", "kind", "subviews", "domains", "notes", NULL };
static const char *const SUBVIEW_KEYS[] = {
	"id", "title_ja", "title_en", "purpose_ja", "kind", "domains", "notes", NULL };
static const char *const DOMAIN_KEYS[] = {
	"id", "title_ja", "title_en", "title_variants_ja", "purpose_ja", "themes", "threats_ja",
	"requirements", "notes", NULL };
static const char *const REQ_KEYS[] = {
	"id", "title_ja", "title_en", "title_variants_ja", "purpose_ja", "points", "isms",
	"isms_remark_ja", "kind", "activities", "departments", "role_ja", "modality",
	"parameters", "documents_ja", "notes", NULL };
static const char *const POINT_KEYS[] = { "label", "title_ja", "text_ja", "items", NULL };
static const char *const ITEM_KEYS[] = { "text_ja", "items", NULL };
static const char *const ISMS_KEYS[] = { "id", "title_ja", NULL };
static const char *const PARAM_KEYS[] = { "id", "title_ja", "value", NULL };
static const char *const MARK_KEYS[] = { "primary", "secondary", NULL };
static const char *const NOTE_KEYS[] = { "text_en", "text_ja", "ref", NULL };
static const char *const TERM_KEYS[] = { "term_ja", "text_ja", NULL };

static const char *const CATALOG_KINDS[] = { "strength", "compliance", NULL };
static const char *const REQ_KINDS[] = { "technical", "management", NULL };
static const char *const MODALITIES[] = { "shall", "should", "consider", NULL };
static const char *const THEMES[] = {
	"confidentiality", "accuracy", "availability", "unauthorized_use", "rule_violation",
	"complicity", "damage_spread", "effectiveness", NULL };

/* Where each ID was defined, to report duplicates at the second one. */
typedef struct id_seen {
	const char *id;
	const tk_ynode *node;
} id_seen;

typedef struct loader {
	tk_walk w;
	tk_catalog *c;
	uint32_t view, subview, domain, requirement; /* next free slot of each array */
	id_seen *ids;
	size_t n_ids;
} loader;

static tk_status oom(loader *L)
{
	return tk_walk_fail(&L->w, NULL, NULL, "メモリが足りません", "out of memory");
}

/* Optional list of notes. */
tk_status tk_load_notes(tk_walk *w, const tk_ynode *map, tk_notes *out)
{
	out->n = 0;
	out->v = NULL;
	const tk_ynode *seq = tk_ymap_get(map, "notes");
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(w, seq, "notes", false);
	if (st)
		return st;
	out->v = tk_arena_calloc(w->a, seq->n ? seq->n : 1, sizeof(*out->v));
	if (!out->v)
		return tk_walk_fail(w, seq, "notes", "メモリが足りません", "out of memory");
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_note *note = &out->v[i];
		if ((st = tk_walk_map(w, n, "notes", NOTE_KEYS)) ||
		    (st = tk_walk_str(w, n, "text_en", true, &note->text_en)) ||
		    (st = tk_walk_str(w, n, "text_ja", false, &note->text_ja)) ||
		    (st = tk_walk_str(w, n, "ref", false, &note->ref)))
			return st;
	}
	out->n = seq->n;
	return TK_OK;
}

/* IDs: non-empty, at most 63 bytes, no white space or control characters. */
static tk_status read_id(loader *L, const tk_ynode *map, const char **out)
{
	tk_status st = tk_walk_str(&L->w, map, "id", true, out);
	if (st)
		return st;
	const tk_ynode *n = tk_ymap_get(map, "id");
	const unsigned char *s = (const unsigned char *)*out;
	bool bad = strlen(*out) > 63;
	for (; *s && !bad; s++)
		bad = *s <= ' ' || *s == 0x7f;
	if (bad)
		return tk_walk_fail(&L->w, n, "id",
			"ID '%s' は使えません（空白や制御文字を含まない 63 バイトまでの文字列）",
			"ID '%s' is not allowed (at most 63 bytes, no white space or control characters)",
			*out);
	L->ids[L->n_ids].id = *out;
	L->ids[L->n_ids].node = n;
	L->n_ids++;
	return TK_OK;
}

static int cmp_seen(const void *a, const void *b)
{
	const id_seen *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x->node->line != y->node->line ? x->node->line - y->node->line
					      : x->node->column - y->node->column;
}

static tk_status check_unique_ids(loader *L)
{
	qsort(L->ids, L->n_ids, sizeof(*L->ids), cmp_seen);
	for (size_t i = 1; i < L->n_ids; i++) {
		if (strcmp(L->ids[i].id, L->ids[i - 1].id) == 0) {
			L->w.where = NULL;
			return tk_walk_fail(&L->w, L->ids[i].node, "id",
				"ID '%s' が重複しています（最初の定義は %d 行目）",
				"duplicate ID '%s' (first defined on line %d)", L->ids[i].id,
				L->ids[i - 1].node->line);
		}
	}
	return TK_OK;
}

/* Starts reading a tree node: it must be a mapping; its ID is read first so
 * that every later error, including an unknown key, can say where it is. */
static tk_status begin_node(loader *L, const tk_ynode *n, const char *key,
	const char *const *allowed, const char **id)
{
	tk_status st;
	if (n->kind != TK_YMAP)
		return tk_walk_map(&L->w, n, key, allowed);
	if ((st = read_id(L, n, id)))
		return st;
	L->w.where = *id;
	return tk_walk_map(&L->w, n, key, allowed);
}

static tk_status read_labels(loader *L, const tk_ynode *root, const char *key,
	tk_label **out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	const tk_ynode *seq = tk_ymap_get(root, key);
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(&L->w, seq, key, false);
	if (st)
		return st;
	if (seq->n > UINT16_MAX)
		return tk_walk_fail(&L->w, seq, key, "項目が多すぎます", "too many entries");
	*out = tk_arena_calloc(L->w.a, seq->n ? seq->n : 1, sizeof(**out));
	if (!*out)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_label *lb = &(*out)[i];
		if ((st = tk_walk_map(&L->w, n, key, LABEL_KEYS)) ||
		    (st = read_id(L, n, &lb->id)) ||
		    (st = tk_walk_str(&L->w, n, "title_ja", true, &lb->title_ja)) ||
		    (st = tk_walk_str(&L->w, n, "title_en", true, &lb->title_en)))
			return st;
	}
	*n_out = seq->n;
	return TK_OK;
}

/* One list of ● or ▲ marks: names resolved to indices into labels. */
static tk_status read_mark_list(loader *L, const tk_ynode *marks, const char *key,
	const tk_label *labels, size_t n_labels, const char *what, uint16_t **out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	const tk_ynode *seq = tk_ymap_get(marks, key);
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(&L->w, seq, key, false);
	if (st)
		return st;
	*out = tk_arena_calloc(L->w.a, seq->n ? seq->n : 1, sizeof(**out));
	if (!*out)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		if (n->kind != TK_YSCALAR)
			return tk_walk_fail(&L->w, n, key, "ID を書いてください", "expected an ID");
		size_t j = 0;
		while (j < n_labels && strcmp(labels[j].id, n->str) != 0)
			j++;
		if (j == n_labels)
			return strcmp(what, "activities") == 0
				? tk_walk_fail(&L->w, n, key, "活動区分 '%s' はカタログに定義されていません",
					"activity '%s' is not defined in the catalog", n->str)
				: tk_walk_fail(&L->w, n, key, "部門 '%s' はカタログに定義されていません",
					"department '%s' is not defined in the catalog", n->str);
		(*out)[i] = (uint16_t)j;
	}
	*n_out = seq->n;
	return TK_OK;
}

static tk_status read_marks(loader *L, const tk_ynode *req, const char *key,
	const tk_label *labels, size_t n_labels, tk_marks *out)
{
	memset(out, 0, sizeof(*out));
	const tk_ynode *m = tk_ymap_get(req, key);
	if (!m)
		return TK_OK;
	tk_status st = tk_walk_map(&L->w, m, key, MARK_KEYS);
	if (st)
		return st;
	if ((st = read_mark_list(L, m, "primary", labels, n_labels, key, &out->primary, &out->n_primary)))
		return st;
	return read_mark_list(L, m, "secondary", labels, n_labels, key, &out->secondary, &out->n_secondary);
}

static tk_status read_items(loader *L, const tk_ynode *owner, tk_item **out, size_t *n_out, int depth);

static tk_status read_item(loader *L, const tk_ynode *n, tk_item *it, int depth)
{
	tk_status st;
	if ((st = tk_walk_map(&L->w, n, "items", ITEM_KEYS)) ||
	    (st = tk_walk_str(&L->w, n, "text_ja", true, &it->text_ja)))
		return st;
	return read_items(L, n, &it->items, &it->n_items, depth + 1);
}

static tk_status read_items(loader *L, const tk_ynode *owner, tk_item **out, size_t *n_out, int depth)
{
	*out = NULL;
	*n_out = 0;
	const tk_ynode *seq = tk_ymap_get(owner, "items");
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(&L->w, seq, "items", true);
	if (st)
		return st;
	if (depth > 8)
		return tk_walk_fail(&L->w, seq, "items", "小項目の入れ子が深すぎます（8 段まで）",
			"sub-points nest too deeply (at most 8 levels)");
	*out = tk_arena_calloc(L->w.a, seq->n, sizeof(**out));
	if (!*out)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++)
		if ((st = read_item(L, seq->items[i], &(*out)[i], depth)))
			return st;
	*n_out = seq->n;
	return TK_OK;
}

static tk_status read_points(loader *L, const tk_ynode *req, tk_requirement *r)
{
	const tk_ynode *seq = tk_ymap_get(req, "points");
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(&L->w, seq, "points", false);
	if (st)
		return st;
	r->points = tk_arena_calloc(L->w.a, seq->n ? seq->n : 1, sizeof(*r->points));
	if (!r->points)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_point *p = &r->points[i];
		if ((st = tk_walk_map(&L->w, n, "points", POINT_KEYS)) ||
		    (st = tk_walk_str(&L->w, n, "label", false, &p->label)) ||
		    (st = tk_walk_str(&L->w, n, "title_ja", true, &p->title_ja)) ||
		    (st = tk_walk_str(&L->w, n, "text_ja", false, &p->text_ja)) ||
		    (st = read_items(L, n, &p->items, &p->n_items, 1)))
			return st;
	}
	r->n_points = seq->n;
	return TK_OK;
}

static bool isms_id_ok(const char *s)
{
	/* ISO/IEC 17799 control numbers: digits separated by single dots. */
	bool digit = false;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if (*s == '.' && digit)
			digit = false;
		else
			return false;
	}
	return digit;
}

static tk_status read_isms(loader *L, const tk_ynode *req, tk_requirement *r)
{
	const tk_ynode *seq = tk_ymap_get(req, "isms");
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(&L->w, seq, "isms", false);
	if (st)
		return st;
	r->isms = tk_arena_calloc(L->w.a, seq->n ? seq->n : 1, sizeof(*r->isms));
	if (!r->isms)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_isms_ref *ref = &r->isms[i];
		if ((st = tk_walk_map(&L->w, n, "isms", ISMS_KEYS)) ||
		    (st = tk_walk_str(&L->w, n, "id", true, &ref->id)) ||
		    (st = tk_walk_str(&L->w, n, "title_ja", false, &ref->title_ja)))
			return st;
		if (!isms_id_ok(ref->id))
			return tk_walk_fail(&L->w, tk_ymap_get(n, "id"), "id",
				"管理策番号 '%s' は数字と点で書いてください（例: 3.1.1）",
				"control number '%s' must be digits and dots (e.g. 3.1.1)", ref->id);
	}
	r->n_isms = seq->n;
	return TK_OK;
}

static tk_status read_parameters(loader *L, const tk_ynode *req, tk_requirement *r)
{
	const tk_ynode *seq = tk_ymap_get(req, "parameters");
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(&L->w, seq, "parameters", false);
	if (st)
		return st;
	r->parameters = tk_arena_calloc(L->w.a, seq->n ? seq->n : 1, sizeof(*r->parameters));
	if (!r->parameters)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_parameter *p = &r->parameters[i];
		if ((st = tk_walk_map(&L->w, n, "parameters", PARAM_KEYS)) ||
		    (st = tk_walk_str(&L->w, n, "id", true, &p->id)) ||
		    (st = tk_walk_str(&L->w, n, "title_ja", true, &p->title_ja)) ||
		    (st = tk_walk_str(&L->w, n, "value", false, &p->value)))
			return st;
	}
	r->n_parameters = seq->n;
	return TK_OK;
}

static tk_status read_requirement(loader *L, const tk_ynode *n, tk_kind default_kind, uint32_t domain)
{
	tk_requirement *r = &L->c->requirements[L->requirement++];
	r->domain = domain;
	tk_status st;
	L->w.where = NULL;
	if ((st = begin_node(L, n, "requirements", REQ_KEYS, &r->id)))
		return st;
	int kind = -1, modality = -1;
	if ((st = tk_walk_str(&L->w, n, "title_ja", true, &r->title_ja)) ||
	    (st = tk_walk_str(&L->w, n, "title_en", true, &r->title_en)) ||
	    (st = tk_walk_strv(&L->w, n, "title_variants_ja", false, &r->title_variants_ja)) ||
	    (st = tk_walk_str(&L->w, n, "purpose_ja", false, &r->purpose_ja)) ||
	    (st = read_points(L, n, r)) ||
	    (st = read_isms(L, n, r)) ||
	    (st = tk_walk_str(&L->w, n, "isms_remark_ja", false, &r->isms_remark_ja)) ||
	    (st = tk_walk_enum(&L->w, n, "kind", false, REQ_KINDS, &kind)) ||
	    (st = read_marks(L, n, "activities", L->c->activities, L->c->n_activities, &r->activities)) ||
	    (st = read_marks(L, n, "departments", L->c->departments, L->c->n_departments, &r->departments)) ||
	    (st = tk_walk_str(&L->w, n, "role_ja", false, &r->role_ja)) ||
	    (st = tk_walk_enum(&L->w, n, "modality", false, MODALITIES, &modality)) ||
	    (st = read_parameters(L, n, r)) ||
	    (st = tk_walk_strv(&L->w, n, "documents_ja", false, &r->documents_ja)) ||
	    (st = tk_load_notes(&L->w, n, &r->notes)))
		return st;
	r->kind_overridden = kind >= 0;
	r->kind = kind >= 0 ? (tk_kind)(kind + 1) : default_kind;
	r->modality = modality >= 0 ? (tk_modality)(modality + 1) : TK_MODALITY_NONE;
	return TK_OK;
}

static tk_status read_domain(loader *L, const tk_ynode *n, tk_kind default_kind,
	uint32_t view, uint32_t subview)
{
	uint32_t index = L->domain++;
	tk_domain *d = &L->c->domains[index];
	d->view = view;
	d->subview = subview;
	tk_status st;
	L->w.where = NULL;
	if ((st = begin_node(L, n, "domains", DOMAIN_KEYS, &d->id)))
		return st;
	if ((st = tk_walk_str(&L->w, n, "title_ja", true, &d->title_ja)) ||
	    (st = tk_walk_str(&L->w, n, "title_en", true, &d->title_en)) ||
	    (st = tk_walk_strv(&L->w, n, "title_variants_ja", false, &d->title_variants_ja)) ||
	    (st = tk_walk_str(&L->w, n, "purpose_ja", false, &d->purpose_ja)) ||
	    (st = tk_walk_strv(&L->w, n, "themes", false, &d->themes)) ||
	    (st = tk_walk_strv(&L->w, n, "threats_ja", false, &d->threats_ja)) ||
	    (st = tk_load_notes(&L->w, n, &d->notes)))
		return st;
	const tk_ynode *themes = tk_ymap_get(n, "themes");
	for (size_t i = 0; i < d->themes.n; i++) {
		int t;
		if ((st = tk_walk_enum_node(&L->w, themes->items[i], "themes", THEMES, &t)))
			return st;
	}
	const tk_ynode *reqs = tk_ymap_get(n, "requirements");
	if (!reqs)
		return tk_walk_fail(&L->w, n, "requirements", "必須のキーがありません",
			"required key is missing");
	if ((st = tk_walk_seq(&L->w, reqs, "requirements", true)))
		return st;
	d->first_requirement = L->requirement;
	d->n_requirements = (uint32_t)reqs->n;
	for (size_t i = 0; i < reqs->n; i++)
		if ((st = read_requirement(L, reqs->items[i], default_kind, index)))
			return st;
	return TK_OK;
}

static tk_status read_domains(loader *L, const tk_ynode *owner, tk_kind kind,
	uint32_t view, uint32_t subview, uint32_t *first, uint32_t *count)
{
	const tk_ynode *seq = tk_ymap_get(owner, "domains");
	tk_status st = tk_walk_seq(&L->w, seq, "domains", true);
	if (st)
		return st;
	*first = L->domain;
	*count = (uint32_t)seq->n;
	for (size_t i = 0; i < seq->n; i++)
		if ((st = read_domain(L, seq->items[i], kind, view, subview)))
			return st;
	return TK_OK;
}

/* The kind a view or subview gives its requirements; management unless said. */
static tk_status read_default_kind(loader *L, const tk_ynode *n, tk_kind inherited, tk_kind *out)
{
	int k = -1;
	tk_status st = tk_walk_enum(&L->w, n, "kind", false, REQ_KINDS, &k);
	*out = k >= 0 ? (tk_kind)(k + 1) : inherited;
	return st;
}

static tk_status read_view(loader *L, const tk_ynode *n)
{
	uint32_t index = L->view++;
	tk_view *v = &L->c->views[index];
	tk_status st;
	L->w.where = NULL;
	if ((st = begin_node(L, n, "views", VIEW_KEYS, &v->id)))
		return st;
	tk_kind kind;
	if ((st = tk_walk_str(&L->w, n, "title_ja", true, &v->title_ja)) ||
	    (st = tk_walk_str(&L->w, n, "title_en", true, &v->title_en)) ||
	    (st = tk_walk_str(&L->w, n, "purpose_ja", false, &v->purpose_ja)) ||
	    (st = read_default_kind(L, n, TK_KIND_MANAGEMENT, &kind)) ||
	    (st = tk_load_notes(&L->w, n, &v->notes)))
		return st;
	const tk_ynode *subs = tk_ymap_get(n, "subviews");
	const tk_ynode *doms = tk_ymap_get(n, "domains");
	if ((subs != NULL) == (doms != NULL))
		return tk_walk_fail(&L->w, n, subs ? "subviews" : "domains",
			"ビューには subviews か domains のどちらか一方を書いてください",
			"a view has either subviews or domains, not both and not neither");
	v->first_subview = L->subview;
	v->first_domain = L->domain;
	if (doms)
		return read_domains(L, n, kind, index, UINT32_MAX, &v->first_domain, &v->n_domains);
	if ((st = tk_walk_seq(&L->w, subs, "subviews", true)))
		return st;
	v->n_subviews = (uint32_t)subs->n;
	for (size_t i = 0; i < subs->n; i++) {
		const tk_ynode *sn = subs->items[i];
		uint32_t si = L->subview++;
		tk_subview *s = &L->c->subviews[si];
		s->view = index;
		L->w.where = v->id;
		if ((st = begin_node(L, sn, "subviews", SUBVIEW_KEYS, &s->id)))
			return st;
		tk_kind skind;
		if ((st = tk_walk_str(&L->w, sn, "title_ja", true, &s->title_ja)) ||
		    (st = tk_walk_str(&L->w, sn, "title_en", true, &s->title_en)) ||
		    (st = tk_walk_str(&L->w, sn, "purpose_ja", false, &s->purpose_ja)) ||
		    (st = read_default_kind(L, sn, kind, &skind)) ||
		    (st = tk_load_notes(&L->w, sn, &s->notes)))
			return st;
		if (!tk_ymap_get(sn, "domains"))
			return tk_walk_fail(&L->w, sn, "domains", "必須のキーがありません",
				"required key is missing");
		if ((st = read_domains(L, sn, skind, index, si, &s->first_domain, &s->n_domains)))
			return st;
	}
	v->n_domains = L->domain - v->first_domain;
	return TK_OK;
}

/* First pass: how many of each node there are (shape errors wait for pass 2). */
static void count_domains(const tk_ynode *owner, size_t *domains, size_t *reqs)
{
	const tk_ynode *seq = tk_ymap_get(owner, "domains");
	if (!seq || seq->kind != TK_YSEQ)
		return;
	*domains += seq->n;
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *r = tk_ymap_get(seq->items[i], "requirements");
		if (r && r->kind == TK_YSEQ)
			*reqs += r->n;
	}
}

static void count_tree(const tk_ynode *views, size_t *nv, size_t *ns, size_t *nd, size_t *nr)
{
	*nv = views->n;
	for (size_t i = 0; i < views->n; i++) {
		const tk_ynode *v = views->items[i];
		count_domains(v, nd, nr);
		const tk_ynode *subs = tk_ymap_get(v, "subviews");
		if (!subs || subs->kind != TK_YSEQ)
			continue;
		*ns += subs->n;
		for (size_t j = 0; j < subs->n; j++)
			count_domains(subs->items[j], nd, nr);
	}
}

/* The source's own glossary: terms and their definitions, verbatim. */
static tk_status read_glossary(loader *L, const tk_ynode *root)
{
	tk_catalog *c = L->c;
	const tk_ynode *seq = tk_ymap_get(root, "glossary");
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(&L->w, seq, "glossary", false);
	if (st)
		return st;
	c->glossary = tk_arena_calloc(L->w.a, seq->n ? seq->n : 1, sizeof(*c->glossary));
	if (!c->glossary)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		if ((st = tk_walk_map(&L->w, n, "glossary", TERM_KEYS)) ||
		    (st = tk_walk_str(&L->w, n, "term_ja", true, &c->glossary[i].term_ja)) ||
		    (st = tk_walk_str(&L->w, n, "text_ja", true, &c->glossary[i].text_ja)))
			return st;
	}
	c->n_glossary = seq->n;
	return TK_OK;
}

static tk_status read_header(loader *L, const tk_ynode *root)
{
	tk_catalog *c = L->c;
	tk_status st;
	if ((st = tk_walk_map(&L->w, root, NULL, TOP_KEYS)) ||
	    (st = tk_walk_str(&L->w, root, "format", true, &c->format)))
		return st;
	if (strcmp(c->format, FORMAT_ID) != 0)
		return tk_walk_fail(&L->w, tk_ymap_get(root, "format"), "format",
			"形式 '%s' は読めません（'%s' のみ）", "format '%s' is not supported (only '%s')",
			c->format, FORMAT_ID);
	const tk_ynode *meta = tk_ymap_get(root, "catalog");
	if (!meta)
		return tk_walk_fail(&L->w, root, "catalog", "必須のキーがありません", "required key is missing");
	int kind = 0;
	if ((st = tk_walk_map(&L->w, meta, "catalog", CATALOG_KEYS)) ||
	    (st = tk_walk_str(&L->w, meta, "id", true, &c->id)) ||
	    (st = tk_walk_str(&L->w, meta, "title_ja", true, &c->title_ja)) ||
	    (st = tk_walk_str(&L->w, meta, "title_en", true, &c->title_en)) ||
	    (st = tk_walk_str(&L->w, meta, "version", true, &c->version)) ||
	    (st = tk_walk_str(&L->w, meta, "publisher_ja", false, &c->publisher_ja)) ||
	    (st = tk_walk_str(&L->w, meta, "source", true, &c->source)) ||
	    (st = tk_walk_enum(&L->w, meta, "kind", true, CATALOG_KINDS, &kind)) ||
	    (st = tk_walk_str(&L->w, meta, "description_en", false, &c->description_en)))
		return st;
	c->kind = (tk_catalog_kind)(kind + 1);
	for (const char *p = c->id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return tk_walk_fail(&L->w, tk_ymap_get(meta, "id"), "id",
				"カタログ ID '%s' は英小文字・数字・ハイフンで書いてください",
				"catalog ID '%s' must be lower-case letters, digits and hyphens", c->id);
	return TK_OK;
}

static tk_status load_tree(loader *L, const tk_ynode *root)
{
	tk_catalog *c = L->c;
	tk_status st;
	if ((st = read_header(L, root)))
		return st;
	const tk_ynode *views = tk_ymap_get(root, "views");
	if (!views)
		return tk_walk_fail(&L->w, root, "views", "必須のキーがありません", "required key is missing");
	if ((st = tk_walk_seq(&L->w, views, "views", true)))
		return st;

	size_t nv = 0, ns = 0, nd = 0, nr = 0;
	count_tree(views, &nv, &ns, &nd, &nr);
	size_t n_labels = 0;
	const tk_ynode *acts = tk_ymap_get(root, "activities"), *deps = tk_ymap_get(root, "departments");
	n_labels += acts && acts->kind == TK_YSEQ ? acts->n : 0;
	n_labels += deps && deps->kind == TK_YSEQ ? deps->n : 0;
	if (nv + ns + nd + nr > UINT32_MAX / 2)
		return tk_walk_fail(&L->w, views, "views", "カタログが大きすぎます", "the catalog is too large");
	c->views = tk_arena_calloc(L->w.a, nv ? nv : 1, sizeof(*c->views));
	c->subviews = tk_arena_calloc(L->w.a, ns ? ns : 1, sizeof(*c->subviews));
	c->domains = tk_arena_calloc(L->w.a, nd ? nd : 1, sizeof(*c->domains));
	c->requirements = tk_arena_calloc(L->w.a, nr ? nr : 1, sizeof(*c->requirements));
	L->ids = malloc((nv + ns + nd + nr + n_labels + 1) * sizeof(*L->ids));
	if (!c->views || !c->subviews || !c->domains || !c->requirements || !L->ids)
		return oom(L);

	if ((st = read_labels(L, root, "activities", &c->activities, &c->n_activities)) ||
	    (st = read_labels(L, root, "departments", &c->departments, &c->n_departments)) ||
	    (st = read_glossary(L, root)) ||
	    (st = tk_load_notes(&L->w, root, &c->notes)))
		return st;
	for (size_t i = 0; i < views->n; i++)
		if ((st = read_view(L, views->items[i])))
			return st;
	c->n_views = L->view;
	c->n_subviews = L->subview;
	c->n_domains = L->domain;
	c->n_requirements = L->requirement;
	if ((st = check_unique_ids(L)))
		return st;

	L->w.where = NULL;
	const tk_ynode *scoring = tk_ymap_get(root, "scoring");
	if (c->kind == TK_CATALOG_STRENGTH && !scoring)
		return tk_walk_fail(&L->w, root, "scoring",
			"強度レベルで評価するカタログには scoring が必要です",
			"a catalog of kind strength needs a scoring model");
	if (c->kind == TK_CATALOG_COMPLIANCE && scoring)
		return tk_walk_fail(&L->w, scoring, "scoring",
			"適合性カタログには scoring を書きません", "a compliance catalog has no scoring model");
	if (scoring) {
		c->has_scoring = true;
		if ((st = tk_load_scoring(&L->w, scoring, &c->scoring)))
			return st;
	}
	return TK_OK;
}

tk_status tk_catalog_load_buffer(const char *name, const char *data, size_t len,
	tk_catalog **out, tk_error *err)
{
	*out = NULL;
	tk_arena *a = tk_arena_new(len * 2 + 4096);
	tk_catalog *c = a ? tk_arena_calloc(a, 1, sizeof(*c)) : NULL;
	if (!c) {
		tk_arena_free(a);
		return tk_error_set(err, TK_ENOMEM, name, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	c->arena = a;
	c->path = tk_arena_strdup(a, name);
	tk_ynode *root;
	tk_status st = tk_yaml_parse(a, name, data, len, &root, err);
	if (!st) {
		loader L = { .w = { .a = a, .file = name, .err = err }, .c = c };
		st = load_tree(&L, root);
		free(L.ids);
	}
	if (st) {
		tk_arena_free(a);
		return st;
	}
	*out = c;
	return TK_OK;
}

tk_status tk_catalog_load_file(const char *path, tk_catalog **out, tk_error *err)
{
	char *data;
	size_t len;
	*out = NULL;
	tk_status st = tk_file_read(path, &data, &len, err);
	if (st)
		return st;
	st = tk_catalog_load_buffer(path, data, len, out, err);
	free(data);
	return st;
}

void tk_catalog_free(tk_catalog *cat)
{
	if (cat)
		tk_arena_free(cat->arena);
}
