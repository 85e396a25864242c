/* Loading a compliance assessment (YAML, or JSON, which the YAML parser
 * reads too), as strictly as an ECOM assessment: every key known, every
 * item, role and parameter one the catalog has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/compliance.h"
#include "taisaku/file.h"
#include "docload.h"
#include "document_tree.h"

static const char *const TOP_KEYS[] = { "catalog", "system", "items", "roles", "parameters", NULL };
static const char *const SYSTEM_KEYS[] = { "name", "organization", "date", "assessor", NULL };
static const char *const ITEM_KEYS[] = { "status", "note", "reason", "evidence", "action", NULL };
static const char *const ACTION_KEYS[] = { "content", "due", "owner", NULL };
/* Indexed by tk_item_status. */
static const char *const STATUS_NAMES[] = {
	"unassessed", "implemented", "partial", "not-implemented", "na", "unknown", NULL };

typedef struct loader {
	tk_walk w;
	tk_compliance *c;
	const tk_catalog *cat;
	const char **ids;      /* item IDs, NULL-terminated, for suggestions */
	size_t cursor;         /* where the last ID was found */
} loader;

const char *tk_item_status_name(tk_item_status st)
{
	return (unsigned)st < TK_CS_COUNT ? STATUS_NAMES[st] : "unassessed";
}

bool tk_item_status_parse(const char *name, tk_item_status *out)
{
	for (int i = 0; i < TK_CS_COUNT; i++) {
		if (strcmp(STATUS_NAMES[i], name) == 0) {
			*out = (tk_item_status)i;
			return true;
		}
	}
	return false;
}

static tk_status oom(loader *L)
{
	return tk_walk_fail(&L->w, NULL, NULL, "メモリが足りません", "out of memory");
}

/* Files list items in catalog order, so the search starts where the last
 * one was found. */
static long find_item(loader *L, const char *id)
{
	return tk_doc_find(L->cat, id, &L->cursor);
}

/* "not found" with the nearest name when there is one. */
static tk_status not_in_catalog(loader *L, const tk_ynode *k, const char *const *names,
	const char *what_ja, const char *what_en)
{
	const char *hint = tk_suggest(k->str, names);
	char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	int nj = snprintf(ja, sizeof(ja), "カタログ %s に%s '%s' はありません", L->cat->id, what_ja, k->str);
	int ne = snprintf(en, sizeof(en), "catalog %s has no %s '%s'", L->cat->id, what_en, k->str);
	if (hint && nj > 0 && (size_t)nj < sizeof(ja) && ne > 0 && (size_t)ne < sizeof(en)) {
		snprintf(ja + nj, sizeof(ja) - (size_t)nj, "（'%s' のことですか？）", hint);
		snprintf(en + ne, sizeof(en) - (size_t)ne, "; did you mean '%s'?", hint);
	}
	return tk_walk_fail_texts(&L->w, k, k->str, ja, en);
}

static tk_status read_system(loader *L, const tk_ynode *root)
{
	tk_compliance *c = L->c;
	const tk_ynode *s = tk_ymap_get(root, "system");
	if (!s)
		return tk_walk_fail(&L->w, root, "system", "必須のキーがありません", "required key is missing");
	tk_status st;
	if ((st = tk_walk_map(&L->w, s, "system", SYSTEM_KEYS)) ||
	    (st = tk_walk_str(&L->w, s, "name", true, &c->system_name)) ||
	    (st = tk_walk_str(&L->w, s, "organization", false, &c->organization)) ||
	    (st = tk_walk_date(&L->w, s, "date", &c->date)) ||
	    (st = tk_walk_str(&L->w, s, "assessor", false, &c->assessor)))
		return st;
	return TK_OK;
}

/* A status name; `na` alone is refused, since na needs its reason. */
static tk_status read_status(loader *L, const tk_ynode *v, const char *key, tk_item_status *out)
{
	int s;
	tk_status st = tk_walk_enum_node(&L->w, v, key, STATUS_NAMES, &s);
	if (!st)
		*out = (tk_item_status)s;
	return st;
}

static tk_status read_action(loader *L, const tk_ynode *item, tk_compliance_item *it)
{
	const tk_ynode *v = tk_ymap_get(item, "action");
	if (!v)
		return TK_OK;
	tk_status st;
	if ((st = tk_walk_map(&L->w, v, "action", ACTION_KEYS)) ||
	    (st = tk_walk_str(&L->w, v, "content", true, &it->action.content)) ||
	    (st = tk_walk_date(&L->w, v, "due", &it->action.due)) ||
	    (st = tk_walk_str(&L->w, v, "owner", false, &it->action.owner)))
		return st;
	it->has_action = true;
	return TK_OK;
}

static tk_status read_item(loader *L, const tk_ynode *k, const tk_ynode *v, tk_compliance_item *it)
{
	tk_status st;
	if (tk_yscalar_is_null(v))
		return TK_OK; /* `"ID":` with nothing after it, as the skeleton writes it */
	if (v->kind == TK_YSCALAR) {
		if ((st = read_status(L, v, k->str, &it->status)))
			return st;
		if (it->status == TK_CS_NA)
			return tk_walk_fail(&L->w, v, k->str,
				"対象外（na）には理由が必要です（{ status: na, reason: ... } と書いてください）",
				"na needs a reason (write { status: na, reason: ... })");
		return TK_OK;
	}
	if ((st = tk_walk_map(&L->w, v, k->str, ITEM_KEYS)))
		return st;
	const tk_ynode *sv = tk_ymap_get(v, "status");
	if (!sv)
		return tk_walk_fail(&L->w, v, "status", "必須のキーがありません", "required key is missing");
	if ((st = read_status(L, sv, "status", &it->status)) ||
	    (st = tk_walk_str(&L->w, v, "note", false, &it->note)) ||
	    (st = tk_walk_str(&L->w, v, "reason", false, &it->reason)) ||
	    (st = tk_walk_evidence(&L->w, v, &it->evidence, &it->n_evidence)) ||
	    (st = read_action(L, v, it)))
		return st;
	if (it->status == TK_CS_NA && !it->reason)
		return tk_walk_fail(&L->w, v, "reason", "対象外（na）には理由（reason）が必要です",
			"na needs a reason");
	if (it->status != TK_CS_NA && it->reason)
		return tk_walk_fail(&L->w, tk_ymap_get(v, "reason"), "reason",
			"reason は対象外（na）の理由です（ほかの状態には note を使ってください）",
			"reason is the reason for na (use note with other statuses)");
	return TK_OK;
}

static tk_status read_items(loader *L, const tk_ynode *root)
{
	const tk_ynode *m = tk_ymap_get(root, "items");
	if (!m)
		return tk_walk_fail(&L->w, root, "items", "必須のキーがありません", "required key is missing");
	if (tk_yscalar_is_null(m))
		return TK_OK;
	static const char *const any[] = { NULL };
	if (m->kind != TK_YMAP)
		return tk_walk_map(&L->w, m, "items", any);
	for (size_t i = 0; i < m->n; i++) {
		const tk_ynode *k = m->items[2 * i];
		long r = find_item(L, k->str);
		if (r < 0)
			return not_in_catalog(L, k, L->ids, "項目", "item");
		L->w.where = k->str;
		tk_status st = read_item(L, k, m->items[2 * i + 1], &L->c->items[r]);
		L->w.where = NULL;
		if (st)
			return st;
	}
	return TK_OK;
}

const char **tk_compliance_role_names(const tk_catalog *cat, size_t *n)
{
	const char **v = malloc((cat->n_requirements + cat->n_glossary + 1) * sizeof(*v));
	*n = 0;
	if (!v)
		return NULL;
	/* Few distinct roles (a dozen) among hundreds of items: a linear check
	 * against those already listed is enough. */
	for (size_t i = 0; i < cat->n_requirements + cat->n_glossary; i++) {
		const char *name = i < cat->n_requirements ? cat->requirements[i].role_ja
			: cat->glossary[i - cat->n_requirements].term_ja;
		if (!name)
			continue;
		size_t j = 0;
		while (j < *n && strcmp(v[j], name) != 0)
			j++;
		if (j == *n)
			v[(*n)++] = name;
	}
	v[*n] = NULL;
	return v;
}

static int by_order(const void *a, const void *b)
{
	const tk_compliance_choice *x = a, *y = b;
	if (x->requirement != y->requirement)
		return x->requirement < y->requirement ? -1 : 1;
	return x->parameter < y->parameter ? -1 : x->parameter > y->parameter;
}

/* A mapping of names to chosen texts; it gives an array in file order
 * that the callers check and sort into catalog order. */
static tk_status read_choices(loader *L, const tk_ynode *m, const char *key,
	tk_compliance_choice **out, size_t *n)
{
	static const char *const any[] = { NULL };
	*out = NULL;
	*n = 0;
	if (!m || tk_yscalar_is_null(m))
		return TK_OK;
	if (m->kind != TK_YMAP)
		return tk_walk_map(&L->w, m, key, any);
	*out = tk_arena_calloc(L->w.a, m->n ? m->n : 1, sizeof(**out));
	if (!*out)
		return oom(L);
	for (size_t i = 0; i < m->n; i++) {
		const tk_ynode *k = m->items[2 * i], *v = m->items[2 * i + 1];
		if (v->kind != TK_YSCALAR)
			return tk_walk_fail(&L->w, v, k->str, "文字列を書いてください", "expected a string");
		if (!v->len || tk_yscalar_is_null(v))
			return tk_walk_fail(&L->w, v, k->str, "空にはできません", "must not be empty");
		(*out)[i].name = k->str;
		(*out)[i].value = v->str;
	}
	*n = m->n;
	return TK_OK;
}

/* The first item whose text names a role as printed, or SIZE_MAX. */
static size_t named_in_text(const tk_catalog *cat, const char *name)
{
	for (size_t r = 0; r < cat->n_requirements; r++)
		if (cat->requirements[r].purpose_ja && strstr(cat->requirements[r].purpose_ja, name))
			return r;
	return SIZE_MAX;
}

static tk_status read_roles(loader *L, const tk_ynode *root)
{
	const tk_ynode *m = tk_ymap_get(root, "roles");
	tk_compliance *c = L->c;
	tk_status st = read_choices(L, m, "roles", &c->roles, &c->n_roles);
	if (st || !c->n_roles)
		return st;
	size_t nn;
	const char **names = tk_compliance_role_names(L->cat, &nn);
	if (!names)
		return oom(L);
	for (size_t i = 0; i < c->n_roles && !st; i++) {
		size_t j = 0;
		while (j < nn && strcmp(names[j], c->roles[i].name) != 0)
			j++;
		if (j == nn) {
			/* A role the text names without making it an item's role:
			 * atla-ssr's approvers 総括者 and 経営者等 (the defense plan
			 * prints them in its approval chain). Ranked after the
			 * catalog's roles, by the first item that names it. */
			size_t r = named_in_text(L->cat, c->roles[i].name);
			if (r == SIZE_MAX)
				st = not_in_catalog(L, m->items[2 * i], names, "役割", "role");
			else /* where in that text: 総括者を通じて経営者等 */
				c->roles[i].parameter = (uint32_t)(strstr(L->cat->requirements[r].purpose_ja,
					c->roles[i].name) - L->cat->requirements[r].purpose_ja);
			j = nn + r;
		} else
			c->roles[i].parameter = 0;
		c->roles[i].requirement = (uint32_t)j; /* the order among the catalog's roles */
	}
	free(names);
	if (!st)
		qsort(c->roles, c->n_roles, sizeof(*c->roles), by_order);
	/* by_order sorted on the name's rank; now say which item has it first. */
	for (size_t i = 0; !st && i < c->n_roles; i++) {
		c->roles[i].requirement = UINT32_MAX;
		c->roles[i].parameter = 0;
		for (size_t r = 0; r < L->cat->n_requirements; r++) {
			const char *role = L->cat->requirements[r].role_ja;
			if (role && strcmp(role, c->roles[i].name) == 0) {
				c->roles[i].requirement = (uint32_t)r;
				break;
			}
		}
	}
	return st;
}

static tk_status read_parameters(loader *L, const tk_ynode *root)
{
	const tk_ynode *m = tk_ymap_get(root, "parameters");
	tk_compliance *c = L->c;
	tk_status st = read_choices(L, m, "parameters", &c->parameters, &c->n_parameters);
	if (st || !c->n_parameters)
		return st;
	const tk_catalog *cat = L->cat;
	size_t total = 0;
	for (size_t r = 0; r < cat->n_requirements; r++)
		total += cat->requirements[r].n_parameters;
	const char **ids = tk_arena_calloc(L->w.a, total + 1, sizeof(*ids));
	if (!ids)
		return oom(L);
	total = 0;
	for (size_t r = 0; r < cat->n_requirements; r++)
		for (size_t p = 0; p < cat->requirements[r].n_parameters; p++)
			ids[total++] = cat->requirements[r].parameters[p].id;
	for (size_t i = 0; i < c->n_parameters; i++) {
		tk_compliance_choice *ch = &c->parameters[i];
		bool found = false;
		for (size_t r = 0; r < cat->n_requirements && !found; r++) {
			const tk_requirement *q = &cat->requirements[r];
			for (size_t p = 0; p < q->n_parameters && !found; p++) {
				if (strcmp(q->parameters[p].id, ch->name) == 0) {
					ch->requirement = (uint32_t)r;
					ch->parameter = (uint32_t)p;
					found = true;
				}
			}
		}
		if (!found)
			return not_in_catalog(L, m->items[2 * i], ids, "パラメータ", "parameter");
	}
	qsort(c->parameters, c->n_parameters, sizeof(*c->parameters), by_order);
	return TK_OK;
}

static tk_status allocate(tk_compliance *c, const tk_catalog *cat)
{
	c->catalog = cat;
	c->items = tk_arena_calloc(c->arena, cat->n_requirements ? cat->n_requirements : 1, sizeof(*c->items));
	return c->items ? TK_OK : TK_ENOMEM;
}

static tk_status load_tree(loader *L, const tk_ynode *root, tk_catalog_resolver resolve, void *ctx)
{
	tk_status st;
	/* The catalog first: an ECOM assessment given where a compliance one
	 * is expected is told so, not that its keys are unknown. */
	if (root->kind != TK_YMAP)
		return tk_walk_map(&L->w, root, NULL, TOP_KEYS);
	if ((st = tk_doc_catalog(&L->w, root, resolve, ctx, TK_CATALOG_COMPLIANCE, false, &L->cat)) ||
	    (st = tk_walk_map(&L->w, root, NULL, TOP_KEYS)))
		return st;
	if (allocate(L->c, L->cat))
		return oom(L);
	L->ids = tk_arena_calloc(L->w.a, L->cat->n_requirements + 1, sizeof(*L->ids));
	if (!L->ids)
		return oom(L);
	for (size_t i = 0; i < L->cat->n_requirements; i++)
		L->ids[i] = L->cat->requirements[i].id;
	if ((st = read_system(L, root)) || (st = read_items(L, root)) ||
	    (st = read_roles(L, root)) || (st = read_parameters(L, root)))
		return st;
	return TK_OK;
}

/* A compliance assessment in arena (which it then owns), or NULL. */
static tk_compliance *compliance_in(tk_arena *arena, const char *name)
{
	tk_compliance *c = arena ? tk_arena_calloc(arena, 1, sizeof(*c)) : NULL;
	if (!c || !(c->path = tk_arena_strdup(arena, name)))
		return NULL;
	c->arena = arena;
	return c;
}

static tk_compliance *compliance_new(const char *name, size_t size)
{
	tk_arena *arena = tk_arena_new(size);
	tk_compliance *c = compliance_in(arena, name);
	if (!c)
		tk_arena_free(arena);
	return c;
}

tk_status tk_compliance_from_tree(tk_arena *arena, const char *name, const tk_ynode *root,
	tk_catalog_resolver resolve, void *ctx, tk_compliance **out, tk_error *err)
{
	*out = NULL;
	tk_compliance *c = compliance_in(arena, name);
	if (!c) {
		tk_arena_free(arena);
		return tk_error_set(err, TK_ENOMEM, name, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	loader L = { .w = { .a = arena, .file = name, .err = err }, .c = c };
	tk_status st = load_tree(&L, root, resolve, ctx);
	if (st) {
		tk_arena_free(arena);
		return st;
	}
	*out = c;
	return TK_OK;
}

tk_status tk_compliance_load_buffer(const char *name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_compliance **out, tk_error *err)
{
	*out = NULL;
	tk_doc d;
	tk_status st = tk_doc_parse(name, data, len, 3, 0, &d, err);
	return st ? st : tk_compliance_from_tree(d.arena, name, d.root, resolve, ctx, out, err);
}

tk_status tk_compliance_load_file(const char *path, tk_catalog_resolver resolve, void *ctx,
	tk_compliance **out, tk_error *err)
{
	char *data;
	size_t len;
	*out = NULL;
	tk_status st = tk_file_read(path, &data, &len, err);
	if (st)
		return st;
	st = tk_compliance_load_buffer(path, data, len, resolve, ctx, out, err);
	free(data);
	return st;
}

tk_status tk_compliance_new(const tk_catalog *cat, const char *system_name, tk_compliance **out,
	tk_error *err)
{
	*out = NULL;
	tk_compliance *c = compliance_new(cat->id, 4096 + cat->n_requirements * sizeof(tk_compliance_item));
	if (!c || allocate(c, cat) || !(c->system_name = tk_arena_strdup(c->arena, system_name))) {
		if (c)
			tk_arena_free(c->arena);
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	*out = c;
	return TK_OK;
}

void tk_compliance_free(tk_compliance *c)
{
	if (c)
		tk_arena_free(c->arena);
}

bool tk_tree_is_compliance(const tk_ynode *root, tk_catalog_resolver resolve, void *ctx)
{
	if (root->kind != TK_YMAP)
		return false;
	const tk_ynode *id = tk_ymap_get(root, "catalog");
	const tk_catalog *cat;
	tk_error err = { 0 };
	return id && id->kind == TK_YSCALAR && !resolve(ctx, id->str, &cat, &err) &&
		cat->kind == TK_CATALOG_COMPLIANCE;
}

bool tk_document_is_compliance(const char *name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx)
{
	tk_arena *arena = tk_arena_new(len * 3 + 4096);
	if (!arena)
		return false;
	tk_error err = { 0 };
	tk_ynode *root;
	bool yes = !tk_yaml_parse(arena, name, data, len, &root, &err) && tk_tree_is_compliance(root, resolve, ctx);
	tk_arena_free(arena);
	return yes;
}

static const char *choice(const tk_compliance_choice *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return v[i].value;
	return NULL;
}

const char *tk_compliance_role(const tk_compliance *c, const char *role_ja)
{
	return choice(c->roles, c->n_roles, role_ja);
}

const char *tk_compliance_parameter(const tk_compliance *c, const char *parameter_id)
{
	return choice(c->parameters, c->n_parameters, parameter_id);
}
