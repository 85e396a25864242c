/* The steps the document loaders share (docload.h). */
#include <string.h>

#include "docload.h"

tk_status tk_doc_parse(const char *name, const char *data, size_t len, size_t factor, size_t size, tk_doc *doc,
	tk_error *err)
{
	*doc = (tk_doc){ 0 };
	tk_arena *arena = tk_arena_new(len * factor + 8192);
	void *obj = arena && size ? tk_arena_calloc(arena, 1, size) : NULL;
	if (!arena || (size && !obj)) {
		tk_arena_free(arena);
		return tk_error_set(err, TK_ENOMEM, name, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	tk_status st = tk_yaml_parse(arena, name, data, len, &doc->root, err);
	if (st) {
		tk_arena_free(arena);
		return st;
	}
	doc->arena = arena;
	doc->obj = obj;
	return TK_OK;
}

tk_status tk_doc_fail(tk_doc *doc, tk_status st)
{
	tk_arena_free(doc->arena);
	*doc = (tk_doc){ 0 };
	return st;
}

tk_status tk_doc_catalog(tk_walk *w, const tk_ynode *root, tk_catalog_resolver resolve, void *ctx,
	tk_catalog_kind kind, bool scoring, const tk_catalog **out)
{
	const char *id;
	tk_status st = tk_walk_str(w, root, "catalog", true, &id);
	if (st)
		return st;
	const tk_ynode *at = tk_ymap_get(root, "catalog");
	tk_error cerr = { 0 };
	if (resolve(ctx, id, out, &cerr))
		return tk_walk_fail_texts(w, at, "catalog", cerr.ja, cerr.en);
	if ((*out)->kind == kind && (!scoring || (*out)->has_scoring))
		return TK_OK;
	if (kind == TK_CATALOG_COMPLIANCE)
		return tk_walk_fail(w, at, "catalog", "カタログ %s は準拠性を評価するカタログではありません",
			"catalog %s is not a compliance catalog", (*out)->id);
	return tk_walk_fail(w, at, "catalog", "カタログ %s は強度レベルで評価するカタログではありません",
		"catalog %s is not a strength-level catalog", (*out)->id);
}

long tk_doc_find(const tk_catalog *cat, const char *id, size_t *cursor)
{
	size_t n = cat->n_requirements;
	for (size_t k = 0; k < n; k++) {
		size_t i = (*cursor + k) % n;
		if (strcmp(cat->requirements[i].id, id) == 0) {
			*cursor = i + 1;
			return (long)i;
		}
	}
	return -1;
}

tk_status tk_doc_no_requirement(tk_walk *w, const tk_catalog *cat, const tk_ynode *key, const char *const *ids)
{
	const char *hint = tk_suggest(key->str, ids);
	if (hint)
		return tk_walk_fail(w, key, key->str, "カタログ %s に対策要求 '%s' はありません（'%s' のことですか？）",
			"catalog %s has no requirement '%s'; did you mean '%s'?", cat->id, key->str, hint);
	return tk_walk_fail(w, key, key->str, "カタログ %s に対策要求 '%s' はありません",
		"catalog %s has no requirement '%s'", cat->id, key->str);
}
