/* Loading a mapping file (taisaku-mapping/1) strictly.
 *
 * The mapping is judgment written by hand over hundreds of items, so the
 * loader checks what a slip would break: every item of the `from` catalog
 * exactly once, every `to` ID a real ECOM requirement, and nothing else. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "docload.h"
#include "taisaku/file.h"
#include "taisaku/mapping.h"

static const char *const TOP_KEYS[] = { "format", "from", "to", "items", NULL };
static const char *const ENTRY_KEYS[] = { "relation", "to", "rationale_ja", "none", NULL };
static const char *const RELATIONS[] = { "equal", "subset", "superset", "intersect", NULL };

const char *tk_relation_name(tk_relation r)
{
	static const char *const names[] = { "equal", "subset", "superset", "intersect", "none" };
	return (unsigned)r < TK_RELATIONS ? names[r] : "?";
}

/* The IDs of a catalog's requirements, NULL-terminated, for did-you-mean. */
static const char **requirement_ids(tk_arena *a, const tk_catalog *cat)
{
	const char **v = tk_arena_calloc(a, cat->n_requirements + 1, sizeof(*v));
	if (v)
		for (size_t i = 0; i < cat->n_requirements; i++)
			v[i] = cat->requirements[i].id;
	return v;
}

static long find_requirement(const tk_catalog *cat, const char *id)
{
	const tk_requirement *r = tk_catalog_requirement(cat, id);
	return r ? (long)(r - cat->requirements) : -1;
}

/* An ID that is not in the catalog: the nearest one when there is one. */
static tk_status unknown_id(tk_walk *w, const tk_ynode *n, const char *key, const tk_catalog *cat,
	const char **ids)
{
	const char *hint = tk_suggest(n->str, ids);
	if (hint)
		return tk_walk_fail(w, n, key, "カタログ %s に '%s' はありません（'%s' のことですか？）",
			"catalog %s has no '%s'; did you mean '%s'?", cat->id, n->str, hint);
	return tk_walk_fail(w, n, key, "カタログ %s に '%s' はありません",
		"catalog %s has no '%s'", cat->id, n->str);
}

/* The catalog named by a top-level key must be the one given. */
static tk_status check_catalog(tk_walk *w, const tk_ynode *root, const char *key, const tk_catalog *cat)
{
	const char *id;
	tk_status st = tk_walk_str(w, root, key, true, &id);
	if (st)
		return st;
	if (strcmp(id, cat->id) != 0)
		return tk_walk_fail(w, tk_ymap_get(root, key), key,
			"カタログ '%s' の対応表を読むところですが、'%s' と書かれています",
			"expected the mapping of catalog '%s', found '%s'", cat->id, id);
	return TK_OK;
}

static tk_status load_entry(tk_walk *w, const tk_ynode *k, const tk_ynode *v, const tk_mapping *m,
	const char **to_ids, tk_map_entry *e)
{
	tk_status st;
	w->where = k->str;
	e->line = k->line;
	if ((st = tk_walk_map(w, v, k->str, ENTRY_KEYS)))
		return st;
	const tk_ynode *none = tk_ymap_get(v, "none");
	if (none) {
		if (v->n != 1)
			return tk_walk_fail(w, v, "none",
				"none（対応なし）には relation・to・rationale_ja を書けません",
				"an item with none (no counterpart) takes no relation, to or rationale_ja");
		e->relation = TK_REL_NONE;
		return tk_walk_str(w, v, "none", true, &e->rationale_ja);
	}
	int rel;
	if ((st = tk_walk_enum(w, v, "relation", true, RELATIONS, &rel)) ||
	    (st = tk_walk_str(w, v, "rationale_ja", true, &e->rationale_ja)))
		return st;
	e->relation = (tk_relation)rel;
	const tk_ynode *to = tk_ymap_get(v, "to");
	if (!to)
		return tk_walk_fail(w, v, "to", "必須のキーがありません（対応がないときは none: 理由 と書きます）",
			"required key is missing (write none: REASON when there is no counterpart)");
	if ((st = tk_walk_seq(w, to, "to", true)))
		return st;
	e->to = tk_arena_calloc(w->a, to->n, sizeof(*e->to));
	if (!e->to)
		return tk_walk_fail(w, to, "to", "メモリが足りません", "out of memory");
	for (size_t i = 0; i < to->n; i++) {
		const tk_ynode *t = to->items[i];
		if (t->kind != TK_YSCALAR || t->len == 0)
			return tk_walk_fail(w, t, "to", "対策要求の ID を書いてください", "expected a requirement ID");
		long r = find_requirement(m->to, t->str);
		if (r < 0)
			return unknown_id(w, t, "to", m->to, to_ids);
		for (size_t j = 0; j < i; j++)
			if (e->to[j] == (uint32_t)r)
				return tk_walk_fail(w, t, "to", "'%s' が二度書かれています", "'%s' is given twice", t->str);
		e->to[i] = (uint32_t)r;
	}
	e->n_to = to->n;
	return TK_OK;
}

static tk_status load_tree(tk_walk *w, const tk_ynode *root, tk_mapping *m)
{
	tk_status st;
	const char *format;
	if ((st = tk_walk_map(w, root, NULL, TOP_KEYS)) || (st = tk_walk_str(w, root, "format", true, &format)))
		return st;
	if (strcmp(format, TK_MAPPING_FORMAT) != 0)
		return tk_walk_fail(w, tk_ymap_get(root, "format"), "format",
			"形式 '%s' は読めません（%s です）", "unknown format '%s' (expected %s)",
			format, TK_MAPPING_FORMAT);
	if ((st = check_catalog(w, root, "from", m->from)) || (st = check_catalog(w, root, "to", m->to)))
		return st;
	const tk_ynode *items = tk_ymap_get(root, "items");
	if (!items)
		return tk_walk_fail(w, root, "items", "必須のキーがありません", "required key is missing");
	static const char *const any[] = { NULL };
	if (items->kind != TK_YMAP)
		return tk_walk_map(w, items, "items", any);
	const char **from_ids = requirement_ids(w->a, m->from), **to_ids = requirement_ids(w->a, m->to);
	m->entries = tk_arena_calloc(w->a, m->from->n_requirements ? m->from->n_requirements : 1,
		sizeof(*m->entries));
	if (!from_ids || !to_ids || !m->entries)
		return tk_walk_fail(w, root, NULL, "メモリが足りません", "out of memory");
	/* line 0 marks an item not yet seen; the YAML tree already refuses a key given twice. */
	for (size_t i = 0; i < items->n; i++) {
		const tk_ynode *k = items->items[2 * i], *v = items->items[2 * i + 1];
		long r = find_requirement(m->from, k->str);
		if (r < 0)
			return unknown_id(w, k, k->str, m->from, from_ids);
		if ((st = load_entry(w, k, v, m, to_ids, &m->entries[r])))
			return st;
		w->where = NULL;
	}
	for (size_t r = 0; r < m->from->n_requirements; r++)
		if (m->entries[r].line == 0)
			return tk_walk_fail(w, items, m->from->requirements[r].id,
				"項目 '%s' の対応がありません（すべての項目を一度ずつ書きます。対応がなければ none: 理由）",
				"item '%s' is not mapped (every item appears once; write none: REASON when there is no counterpart)",
				m->from->requirements[r].id);
	return TK_OK;
}

tk_status tk_mapping_load_buffer(const char *name, const char *data, size_t len,
	const tk_catalog *from, const tk_catalog *to, tk_mapping **out, tk_error *err)
{
	*out = NULL;
	tk_doc d;
	tk_mapping *m;
	tk_status st = tk_doc_parse(name, data, len, 2, sizeof(*m), &d, err);
	if (st)
		return st;
	m = d.obj;
	*m = (tk_mapping){ .path = tk_arena_strdup(d.arena, name), .from = from, .to = to, .arena = d.arena };
	tk_walk w = { .a = d.arena, .file = name, .err = err };
	if ((st = load_tree(&w, d.root, m)))
		return tk_doc_fail(&d, st);
	*out = m;
	return TK_OK;
}

tk_status tk_mapping_load_file(const char *path, const tk_catalog *from, const tk_catalog *to,
	tk_mapping **out, tk_error *err)
{
	char *data;
	size_t len;
	*out = NULL;
	tk_status st = tk_file_read(path, &data, &len, err);
	if (st)
		return st;
	st = tk_mapping_load_buffer(path, data, len, from, to, out, err);
	free(data);
	return st;
}

void tk_mapping_free(tk_mapping *m)
{
	if (m)
		tk_arena_free(m->arena);
}

tk_status tk_mapping_resolve(const char *catalog_id, const char *extra_dir,
	char *path, size_t size, tk_error *err)
{
	struct stat sb;
	/* A catalog ID names a file: refuse anything that could leave the directory. */
	for (const char *p = catalog_id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
				"カタログ ID '%s' は英小文字・数字・ハイフンで書いてください",
				"catalog ID '%s' must be lower-case letters, digits and hyphens", catalog_id);
	if (extra_dir) {
		snprintf(path, size, "%s/mappings/%s.yaml", extra_dir, catalog_id);
		if (stat(path, &sb) == 0)
			return TK_OK;
	}
	snprintf(path, size, "%s/mappings/%s.yaml", tk_catalog_builtin_dir(), catalog_id);
	if (stat(path, &sb) == 0)
		return TK_OK;
	return tk_error_set(err, TK_ENOTFOUND, path, 0, 0, NULL,
		"カタログ '%s' の ECOM への対応表がありません", "catalog '%s' has no mapping to ECOM", catalog_id);
}
