/* Loading a system-model profile (format taisaku-profile/1, docs/profiles.en.md). */
#include <stdlib.h>
#include <string.h>

#include "taisaku/file.h"
#include "taisaku/profile.h"
#include "docload.h"

static const char *const TOP_KEYS[] = {
	"format", "id", "title_ja", "title_en", "catalog", "description_ja", "source", "judgment_ja",
	"level", "importance", "targets", NULL };
static const char *const LEVEL_KEYS[] = { "value", "reason", NULL };
static const char *const TARGET_KEYS[] = { "level", "reason", NULL };
/* The importance groups, in tk_importance order. `general` is the default
 * and needs no entry; writing it anyway is allowed (with its reason). */
static const char *const IMPORTANCES[] = { "critical", "important", "general", "low", NULL };

typedef struct loader {
	tk_walk w;
	tk_profile *p;
	const tk_catalog *cat;
	const char **ids; /* requirement IDs, NULL-terminated, for suggestions */
} loader;

static tk_status oom(loader *L)
{
	return tk_walk_fail(&L->w, NULL, NULL, "メモリが足りません", "out of memory");
}

/* The requirement a key names, or an error with the nearest ID. */
static tk_status requirement_of(loader *L, const tk_ynode *key, size_t *index)
{
	const tk_requirement *r = tk_catalog_requirement(L->cat, key->str);
	if (r) {
		*index = (size_t)(r - L->cat->requirements);
		return TK_OK;
	}
	return tk_doc_no_requirement(&L->w, L->cat, key, L->ids);
}

/* A mapping whose keys are requirement IDs (any key at this point). */
static tk_status expect_map(loader *L, const tk_ynode *m, const char *key)
{
	static const char *const any[] = { NULL };
	return m->kind == TK_YMAP ? TK_OK : tk_walk_map(&L->w, m, key, any);
}

static tk_status read_level(loader *L, const tk_ynode *root)
{
	const tk_ynode *v = tk_ymap_get(root, "level");
	if (!v)
		return tk_walk_fail(&L->w, root, "level", "必須のキーがありません", "required key is missing");
	long level;
	tk_status st;
	if ((st = tk_walk_map(&L->w, v, "level", LEVEL_KEYS)) ||
	    (st = tk_walk_int(&L->w, v, "value", true, 2, 5, &level)) ||
	    (st = tk_walk_str(&L->w, v, "reason", true, &L->p->level_reason)))
		return st;
	L->p->level = (int)level;
	return TK_OK;
}

/* importance: { critical: { ID: reason, ... }, important: {...}, low: {...} } */
static tk_status read_importance(loader *L, const tk_ynode *root)
{
	const tk_ynode *m = tk_ymap_get(root, "importance");
	if (!m)
		return TK_OK;
	tk_status st = tk_walk_map(&L->w, m, "importance", IMPORTANCES);
	for (size_t g = 0; !st && g < m->n; g++) {
		const tk_ynode *group = m->items[2 * g + 1];
		int imp;
		if ((st = tk_walk_enum_node(&L->w, m->items[2 * g], "importance", IMPORTANCES, &imp)) ||
		    (st = expect_map(L, group, m->items[2 * g]->str)))
			return st;
		for (size_t i = 0; i < group->n; i++) {
			const tk_ynode *k = group->items[2 * i];
			size_t r = 0;
			if ((st = requirement_of(L, k, &r)))
				return st;
			L->w.where = k->str;
			if (L->p->importance_reason[r])
				return tk_walk_fail(&L->w, k, k->str,
					"対策要求 %s の重要度が二度書かれています（%s と %s）",
					"requirement %s is given an importance twice (%s and %s)", k->str,
					IMPORTANCES[L->p->importance[r]], IMPORTANCES[imp]);
			if ((st = tk_walk_str(&L->w, group, k->str, true, &L->p->importance_reason[r])))
				return st;
			L->w.where = NULL;
			L->p->importance[r] = (tk_importance)imp;
			L->p->n_importance++;
		}
	}
	return st;
}

/* targets: { ID: { level: N, reason: ... } }, each within one level of the
 * derived target and within 2..5 (MODEL.md §4). */
static tk_status read_targets(loader *L, const tk_ynode *root)
{
	const tk_ynode *m = tk_ymap_get(root, "targets");
	if (!m)
		return TK_OK;
	tk_status st = expect_map(L, m, "targets");
	for (size_t i = 0; !st && i < m->n; i++) {
		const tk_ynode *k = m->items[2 * i], *v = m->items[2 * i + 1];
		size_t r = 0;
		long level;
		if ((st = requirement_of(L, k, &r)))
			return st;
		L->w.where = k->str;
		if ((st = tk_walk_map(&L->w, v, k->str, TARGET_KEYS)) ||
		    (st = tk_walk_int(&L->w, v, "level", true, 2, 5, &level)) ||
		    (st = tk_walk_str(&L->w, v, "reason", true, &L->p->override_reason[r])))
			return st;
		int derived = L->cat->scoring.targets[L->p->level][L->p->importance[r]];
		if (level == derived || labs(level - derived) > 1)
			return tk_walk_fail(&L->w, tk_ymap_get(v, "level"), "level",
				"目標の変更は導出した目標 %d から 1 レベル上か下です（%ld が書かれています）",
				"a target override moves the derived target %d one level up or down (found %ld)",
				derived, level);
		L->w.where = NULL;
		L->p->override_level[r] = (int)level;
		L->p->n_overrides++;
	}
	return st;
}

static tk_status allocate(loader *L)
{
	tk_profile *p = L->p;
	size_t nr = L->cat->n_requirements;
	p->importance = tk_arena_calloc(L->w.a, nr, sizeof(*p->importance));
	p->importance_reason = tk_arena_calloc(L->w.a, nr, sizeof(*p->importance_reason));
	p->override_level = tk_arena_calloc(L->w.a, nr, sizeof(*p->override_level));
	p->override_reason = tk_arena_calloc(L->w.a, nr, sizeof(*p->override_reason));
	L->ids = tk_arena_calloc(L->w.a, nr + 1, sizeof(*L->ids));
	if (!p->importance || !p->importance_reason || !p->override_level || !p->override_reason || !L->ids)
		return oom(L);
	for (size_t i = 0; i < nr; i++) {
		p->importance[i] = TK_IMP_GENERAL;
		L->ids[i] = L->cat->requirements[i].id;
	}
	return TK_OK;
}

static tk_status read_header(loader *L, const tk_ynode *root)
{
	tk_profile *p = L->p;
	const char *format;
	tk_status st;
	if ((st = tk_walk_map(&L->w, root, NULL, TOP_KEYS)) ||
	    (st = tk_walk_str(&L->w, root, "format", true, &format)))
		return st;
	if (strcmp(format, TK_PROFILE_FORMAT) != 0)
		return tk_walk_fail(&L->w, tk_ymap_get(root, "format"), "format",
			"形式 '%s' は読めません（%s のみ）", "format '%s' is not supported (only %s)",
			format, TK_PROFILE_FORMAT);
	if ((st = tk_walk_str(&L->w, root, "id", true, &p->id)) ||
	    (st = tk_walk_str(&L->w, root, "title_ja", true, &p->title_ja)) ||
	    (st = tk_walk_str(&L->w, root, "title_en", true, &p->title_en)) ||
	    (st = tk_walk_str(&L->w, root, "description_ja", true, &p->description_ja)) ||
	    (st = tk_walk_str(&L->w, root, "source", true, &p->source)) ||
	    (st = tk_walk_str(&L->w, root, "judgment_ja", true, &p->judgment_ja)))
		return st;
	for (const char *c = p->id; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
			return tk_walk_fail(&L->w, tk_ymap_get(root, "id"), "id",
				"id には英小文字・数字・ハイフンだけを使えます（'%s'）",
				"an id uses only lower-case letters, digits and hyphens ('%s')", p->id);
	return TK_OK;
}

static tk_status load_tree(loader *L, const tk_ynode *root, tk_catalog_resolver resolve, void *ctx)
{
	tk_status st;
	if ((st = read_header(L, root)) ||
	    (st = tk_doc_catalog(&L->w, root, resolve, ctx, TK_CATALOG_STRENGTH, true, &L->cat)))
		return st;
	L->p->catalog = L->cat;
	/* Importances come before targets: an override is checked against the
	 * target the importance derives. */
	if ((st = allocate(L)) || (st = read_level(L, root)) || (st = read_importance(L, root)) ||
	    (st = read_targets(L, root)))
		return st;
	return TK_OK;
}

tk_status tk_profile_load_buffer(const char *name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_profile **out, tk_error *err)
{
	*out = NULL;
	tk_doc d;
	tk_profile *p;
	tk_status st = tk_doc_parse(name, data, len, 3, sizeof(*p), &d, err);
	if (st)
		return st;
	p = d.obj;
	p->arena = d.arena;
	p->path = tk_arena_strdup(d.arena, name);
	loader L = { .w = { .a = d.arena, .file = name, .err = err }, .p = p };
	if ((st = load_tree(&L, d.root, resolve, ctx)))
		return tk_doc_fail(&d, st);
	*out = p;
	return TK_OK;
}

tk_status tk_profile_load_file(const char *path, tk_catalog_resolver resolve, void *ctx,
	tk_profile **out, tk_error *err)
{
	char *data;
	size_t len;
	*out = NULL;
	tk_status st = tk_file_read(path, &data, &len, err);
	if (st)
		return st;
	st = tk_profile_load_buffer(path, data, len, resolve, ctx, out, err);
	free(data);
	return st;
}

void tk_profile_free(tk_profile *p)
{
	if (p)
		tk_arena_free(p->arena);
}

int tk_profile_target(const tk_profile *p, size_t i)
{
	if (p->override_level[i])
		return p->override_level[i];
	return p->catalog->scoring.targets[p->level][p->importance[i]];
}
