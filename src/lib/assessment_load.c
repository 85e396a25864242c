/* Loading an assessment (YAML, or JSON, which the YAML parser reads too). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/assessment.h"
#include "taisaku/file.h"
#include "docload.h"
#include "document_tree.h"

static const char *const TOP_KEYS[] = {
	"catalog", "system", "importance", "targets", "weights", "ratings", "improvements",
	"settings", NULL };
static const char *const SYSTEM_KEYS[] = {
	"name", "level", "organization", "date", "assessor", "reason", NULL };
static const char *const TARGET_KEYS[] = { "level", "reason", NULL };
static const char *const WEIGHT_KEYS[] = { "requirements", "domains", NULL };
static const char *const SETTING_KEYS[] = { "balance_requirement", "balance_domain", NULL };
static const char *const RATING_KEYS[] = {
	"core", "assets", "study", "process", "management", "review", "documentation",
	"evidence", "note", "na", "unknown", NULL };
static const char *const ASSET_KEYS[] = { "name", "important", "core", NULL };
static const char *const IMPROVEMENT_KEYS[] = {
	"requirement", "cause", "aim", "content", "steps", "due", "owner", NULL };
static const char *const IMPORTANCES[] = { "critical", "important", "general", "low", NULL };
static const char *const RANKS[] = { "A", "B", "C", "D", NULL };
static const char *const ANSWERS[] = { "o", "t", "x", NULL };
static const char *const BOOLS[] = { "false", "true", NULL };
/* Causes in the seed's words (§5.3.4.4), or their English names. */
static const char *const CAUSES_JA[] = { "計画の無理", "展開の不手際", "管理の不徹底", "対応能力の欠如", NULL };
static const char *const CAUSES_EN[] = { "planning", "deployment", "management", "capability", NULL };

typedef struct loader {
	tk_walk w;
	tk_assessment *a;
	const tk_catalog *cat;
	const char **ids;      /* requirement IDs, NULL-terminated, for suggestions */
	size_t cursor;         /* where the last ID was found */
} loader;

/* Finds a requirement by ID. Files list requirements in catalog order, so
 * the search starts where the last one was found. */
static long find_requirement(loader *L, const char *id)
{
	return tk_doc_find(L->cat, id, &L->cursor);
}

static tk_status unknown_requirement(loader *L, const tk_ynode *key)
{
	return tk_doc_no_requirement(&L->w, L->cat, key, L->ids);
}

static tk_status oom(loader *L)
{
	return tk_walk_fail(&L->w, NULL, NULL, "メモリが足りません", "out of memory");
}

/* A number in (min, max]: weights and balance thresholds. */
static tk_status read_number(loader *L, const tk_ynode *v, const char *key, double min, double max, double *out)
{
	char *end = NULL;
	double x = NAN;
	if (v->kind == TK_YSCALAR && v->plain && v->len) {
		errno = 0;
		x = strtod(v->str, &end);
		if (errno || *end)
			x = NAN;
	}
	if (!isfinite(x) || x <= min || x > max)
		return tk_walk_fail(&L->w, v, key, "%g より大きく %g 以下の数を書いてください",
			"expected a number above %g and at most %g", min, max);
	*out = x;
	return TK_OK;
}

static tk_status read_system(loader *L, const tk_ynode *root)
{
	tk_assessment *a = L->a;
	const tk_ynode *s = tk_ymap_get(root, "system");
	if (!s)
		return tk_walk_fail(&L->w, root, "system", "必須のキーがありません", "required key is missing");
	long level;
	tk_status st;
	if ((st = tk_walk_map(&L->w, s, "system", SYSTEM_KEYS)) ||
	    (st = tk_walk_str(&L->w, s, "name", true, &a->system_name)) ||
	    (st = tk_walk_int(&L->w, s, "level", true, 2, 5, &level)) ||
	    (st = tk_walk_str(&L->w, s, "organization", false, &a->organization)) ||
	    (st = tk_walk_date(&L->w, s, "date", &a->date)) ||
	    (st = tk_walk_str(&L->w, s, "assessor", false, &a->assessor)) ||
	    (st = tk_walk_str(&L->w, s, "reason", false, &a->level_reason)))
		return st;
	a->level = (int)level;
	return TK_OK;
}

/* A mapping whose keys are requirement or domain IDs. */
static tk_status expect_id_map(loader *L, const tk_ynode *m, const char *key)
{
	if (m->kind == TK_YMAP)
		return TK_OK;
	static const char *const any[] = { NULL };
	return tk_walk_map(&L->w, m, key, any);
}

/* What to do with one entry of a mapping keyed by requirement IDs. */
typedef tk_status (*per_requirement)(loader *L, long r, const tk_ynode *key, const tk_ynode *value);

/* Calls one() for each entry of the mapping m, whose keys must be
 * requirement IDs of the catalog (an unknown one comes with a suggestion). */
static tk_status each_requirement(loader *L, const tk_ynode *m, const char *key, per_requirement one)
{
	if (!m)
		return TK_OK;
	tk_status st = expect_id_map(L, m, key);
	for (size_t i = 0; !st && i < m->n; i++) {
		const tk_ynode *k = m->items[2 * i], *v = m->items[2 * i + 1];
		long r = find_requirement(L, k->str);
		if (r < 0)
			return unknown_requirement(L, k);
		L->w.where = k->str;
		st = one(L, r, k, v);
		L->w.where = NULL;
	}
	return st;
}

static tk_status one_importance(loader *L, long r, const tk_ynode *k, const tk_ynode *v)
{
	int imp;
	tk_status st = tk_walk_enum_node(&L->w, v, k->str, IMPORTANCES, &imp);
	if (!st) {
		L->a->importance[r] = (tk_importance)imp;
		L->a->importance_given[r] = true;
	}
	return st;
}

static tk_status one_target(loader *L, long r, const tk_ynode *k, const tk_ynode *v)
{
	long level;
	tk_status st;
	if ((st = tk_walk_map(&L->w, v, k->str, TARGET_KEYS)) ||
	    (st = tk_walk_int(&L->w, v, "level", true, 1, 5, &level)) ||
	    (st = tk_walk_str(&L->w, v, "reason", true, &L->a->override_reason[r])))
		return st;
	if (level < 2)
		return tk_walk_fail(&L->w, tk_ymap_get(v, "level"), "level",
			"目標レベルは 2 から 5 までです", "a target level is from 2 to 5");
	L->a->override_level[r] = (int)level;
	return TK_OK;
}

static tk_status one_weight(loader *L, long r, const tk_ynode *k, const tk_ynode *v)
{
	return read_number(L, v, k->str, 0, 1000, &L->a->requirement_weight[r]);
}

static tk_status read_weights(loader *L, const tk_ynode *root)
{
	const tk_ynode *m = tk_ymap_get(root, "weights");
	if (!m)
		return TK_OK;
	tk_status st = tk_walk_map(&L->w, m, "weights", WEIGHT_KEYS);
	if (st)
		return st;
	const tk_ynode *reqs = tk_ymap_get(m, "requirements"), *doms = tk_ymap_get(m, "domains");
	if ((st = each_requirement(L, reqs, "requirements", one_weight)))
		return st;
	if (doms) {
		if ((st = expect_id_map(L, doms, "domains")))
			return st;
		for (size_t i = 0; i < doms->n; i++) {
			const tk_ynode *k = doms->items[2 * i];
			const tk_domain *d = tk_catalog_domain(L->cat, k->str);
			if (!d)
				return tk_walk_fail(&L->w, k, k->str, "カタログ %s に対策ドメイン '%s' はありません",
					"catalog %s has no domain '%s'", L->cat->id, k->str);
			if ((st = read_number(L, doms->items[2 * i + 1], k->str, 0, 1000,
				     &L->a->domain_weight[d - L->cat->domains])))
				return st;
		}
	}
	return TK_OK;
}

static tk_status read_settings(loader *L, const tk_ynode *root)
{
	const tk_ynode *m = tk_ymap_get(root, "settings");
	if (!m)
		return TK_OK;
	tk_status st = tk_walk_map(&L->w, m, "settings", SETTING_KEYS);
	const tk_ynode *v;
	if (!st && (v = tk_ymap_get(m, "balance_requirement")))
		st = read_number(L, v, "balance_requirement", 0, 4, &L->a->balance_requirement);
	if (!st && (v = tk_ymap_get(m, "balance_domain")))
		st = read_number(L, v, "balance_domain", 0, 4, &L->a->balance_domain);
	return st;
}

/* A peripheral element: a rank, or the ○/△/× answers to its criteria table. */
static tk_status read_peripheral(loader *L, const tk_ynode *rating, tk_rating *rt, int p)
{
	const tk_peripheral *per = &L->cat->scoring.peripherals[p];
	const tk_ynode *v = tk_ymap_get(rating, per->id);
	if (!v)
		return TK_OK;
	tk_status st;
	if (v->kind == TK_YSCALAR) {
		int rank;
		if ((st = tk_walk_enum_node(&L->w, v, per->id, RANKS, &rank)))
			return st;
		rt->ranks[p] = (tk_rank)rank;
		rt->rank_given[p] = true;
		return TK_OK;
	}
	const char **cols = tk_arena_calloc(L->w.a, per->n_columns + 1, sizeof(*cols));
	tk_answer *answers = tk_arena_calloc(L->w.a, per->n_columns ? per->n_columns : 1, sizeof(*answers));
	if (!cols || !answers)
		return oom(L);
	for (size_t c = 0; c < per->n_columns; c++)
		cols[c] = per->columns[c].id;
	if (v->kind != TK_YMAP)
		return tk_walk_fail(&L->w, v, per->id,
			"ランク（A〜D）か、評価基準の各項目への o/t/x の回答を書いてください",
			"expected a rank (A to D) or o/t/x answers to the criteria");
	if ((st = tk_walk_map(&L->w, v, per->id, cols)))
		return st;
	for (size_t c = 0; c < per->n_columns; c++) {
		const tk_ynode *ans = tk_ymap_get(v, cols[c]);
		if (!ans)
			return tk_walk_fail(&L->w, v, cols[c], "評価基準 '%s'（%s）への回答がありません",
				"no answer to criterion '%s' of %s", cols[c], per->id);
		int x;
		if ((st = tk_walk_enum_node(&L->w, ans, cols[c], ANSWERS, &x)))
			return st;
		answers[c] = (tk_answer)x;
	}
	rt->answers[p] = answers;
	rt->ranks[p] = tk_peripheral_rank(per, answers);
	rt->rank_given[p] = true;
	rt->from_answers[p] = true;
	return TK_OK;
}

static tk_status read_assets(loader *L, const tk_ynode *seq, tk_rating *rt)
{
	tk_status st = tk_walk_seq(&L->w, seq, "assets", true);
	if (st)
		return st;
	rt->assets = tk_arena_calloc(L->w.a, seq->n, sizeof(*rt->assets));
	if (!rt->assets)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_asset *as = &rt->assets[i];
		long core;
		int important = 0;
		if ((st = tk_walk_map(&L->w, n, "assets", ASSET_KEYS)) ||
		    (st = tk_walk_str(&L->w, n, "name", true, &as->name)) ||
		    (st = tk_walk_int(&L->w, n, "core", true, 1, 5, &core)) ||
		    (st = tk_walk_enum(&L->w, n, "important", false, BOOLS, &important)))
			return st;
		as->core = (int)core;
		as->important = important == 1;
		for (size_t j = 0; j < i; j++)
			if (strcmp(rt->assets[j].name, as->name) == 0)
				return tk_walk_fail(&L->w, tk_ymap_get(n, "name"), "name",
					"対策対象 '%s' が重複しています", "asset '%s' is listed twice", as->name);
	}
	rt->n_assets = seq->n;
	rt->core = tk_core_from_assets(rt->assets, rt->n_assets);
	return TK_OK;
}

/* Keys that go with any kind of entry. */
static bool is_annotation(const char *key)
{
	return strcmp(key, "note") == 0 || strcmp(key, "evidence") == 0;
}

static tk_status read_rating(loader *L, const tk_ynode *v, tk_rating *rt)
{
	tk_status st;
	if ((st = tk_walk_map(&L->w, v, "ratings", RATING_KEYS)) ||
	    (st = tk_walk_str(&L->w, v, "note", false, &rt->note)) ||
	    (st = tk_walk_evidence(&L->w, v, &rt->evidence, &rt->n_evidence)))
		return st;
	const tk_ynode *na = tk_ymap_get(v, "na"), *unknown = tk_ymap_get(v, "unknown");
	const tk_ynode *core = tk_ymap_get(v, "core"), *assets = tk_ymap_get(v, "assets");
	if (na || unknown) {
		const char *key = na ? "na" : "unknown";
		for (size_t i = 0; i < v->n; i++) {
			const tk_ynode *k = v->items[2 * i];
			if (strcmp(k->str, key) != 0 && !is_annotation(k->str))
				return tk_walk_fail(&L->w, k, k->str,
					"'%s' と評価（'%s'）は同時に書けません",
					"'%s' cannot be given together with a rating ('%s')", key, k->str);
		}
		if (na) {
			rt->kind = TK_RATING_NA;
			return tk_walk_str(&L->w, v, "na", true, &rt->na_reason);
		}
		int yes;
		if ((st = tk_walk_enum_node(&L->w, unknown, "unknown", BOOLS, &yes)))
			return st;
		if (!yes)
			return tk_walk_fail(&L->w, unknown, "unknown", "unknown には true だけを書けます",
				"unknown takes only true");
		rt->kind = TK_RATING_UNKNOWN;
		return TK_OK;
	}
	bool any = false;
	for (size_t i = 0; i < v->n; i++)
		any |= !is_annotation(v->items[2 * i]->str);
	if (!any)
		return TK_OK; /* an empty entry (as `taisaku plan` writes it) is not yet rated */
	if (core && assets)
		return tk_walk_fail(&L->w, assets, "assets",
			"core と assets は同時に書けません（どちらか一方）",
			"core and assets cannot both be given (one or the other)");
	if (!core && !assets)
		return tk_walk_fail(&L->w, v, "core", "対策コアのレベル（core か assets）がありません",
			"the core level (core or assets) is missing");
	rt->kind = TK_RATING_RATED;
	if (core) {
		long c;
		if ((st = tk_walk_int_node(&L->w, core, "core", 1, 5, &c)))
			return st;
		rt->core = (int)c;
	} else if ((st = read_assets(L, assets, rt))) {
		return st;
	}
	for (int p = 0; p < TK_PERIPHERALS; p++) {
		rt->ranks[p] = TK_RANK_D;
		if ((st = read_peripheral(L, v, rt, p)))
			return st;
	}
	return TK_OK;
}

static tk_status one_rating(loader *L, long r, const tk_ynode *k, const tk_ynode *v)
{
	(void)k;
	if (tk_yscalar_is_null(v))
		return TK_OK; /* "Ma1.1:" with nothing after it: not yet rated */
	return read_rating(L, v, &L->a->ratings[r]);
}

static tk_status read_improvements(loader *L, const tk_ynode *root)
{
	const tk_ynode *seq = tk_ymap_get(root, "improvements");
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(&L->w, seq, "improvements", false);
	if (st)
		return st;
	L->a->improvements = tk_arena_calloc(L->w.a, seq->n ? seq->n : 1, sizeof(*L->a->improvements));
	if (!L->a->improvements)
		return oom(L);
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_improvement *im = &L->a->improvements[i];
		const char *req, *cause;
		if ((st = tk_walk_map(&L->w, n, "improvements", IMPROVEMENT_KEYS)) ||
		    (st = tk_walk_str(&L->w, n, "requirement", true, &req)))
			return st;
		long r = find_requirement(L, req);
		if (r < 0)
			return unknown_requirement(L, tk_ymap_get(n, "requirement"));
		im->requirement = (uint32_t)r;
		L->w.where = req;
		if ((st = tk_walk_str(&L->w, n, "cause", false, &cause)) ||
		    (st = tk_walk_str(&L->w, n, "aim", true, &im->aim)) ||
		    (st = tk_walk_str(&L->w, n, "content", false, &im->content)) ||
		    (st = tk_walk_str(&L->w, n, "steps", false, &im->steps)) ||
		    (st = tk_walk_date(&L->w, n, "due", &im->due)) ||
		    (st = tk_walk_str(&L->w, n, "owner", false, &im->owner)))
			return st;
		if (cause) {
			int c;
			for (c = 0; CAUSES_JA[c]; c++)
				if (strcmp(cause, CAUSES_JA[c]) == 0 || strcmp(cause, CAUSES_EN[c]) == 0)
					break;
			if (!CAUSES_JA[c])
				return tk_walk_fail(&L->w, tk_ymap_get(n, "cause"), "cause",
					"原因 '%s' は使えません（計画の無理、展開の不手際、管理の不徹底、対応能力の欠如）",
					"cause '%s' is not allowed (planning, deployment, management, capability)", cause);
			im->cause = (tk_cause)(c + 1);
		}
		L->w.where = NULL;
	}
	L->a->n_improvements = seq->n;
	return TK_OK;
}

static tk_status allocate(loader *L)
{
	tk_assessment *a = L->a;
	size_t nr = L->cat->n_requirements, nd = L->cat->n_domains;
	a->importance = tk_arena_calloc(L->w.a, nr, sizeof(*a->importance));
	a->importance_given = tk_arena_calloc(L->w.a, nr, sizeof(*a->importance_given));
	a->override_level = tk_arena_calloc(L->w.a, nr, sizeof(*a->override_level));
	a->override_reason = tk_arena_calloc(L->w.a, nr, sizeof(*a->override_reason));
	a->requirement_weight = tk_arena_calloc(L->w.a, nr, sizeof(*a->requirement_weight));
	a->domain_weight = tk_arena_calloc(L->w.a, nd, sizeof(*a->domain_weight));
	a->ratings = tk_arena_calloc(L->w.a, nr, sizeof(*a->ratings));
	L->ids = tk_arena_calloc(L->w.a, nr + 1, sizeof(*L->ids));
	if (!a->importance || !a->importance_given || !a->override_level || !a->override_reason ||
	    !a->requirement_weight || !a->domain_weight || !a->ratings || !L->ids)
		return oom(L);
	for (size_t i = 0; i < nr; i++) {
		a->importance[i] = TK_IMP_GENERAL;
		a->requirement_weight[i] = 1;
		L->ids[i] = L->cat->requirements[i].id;
	}
	for (size_t i = 0; i < nd; i++)
		a->domain_weight[i] = 1;
	a->balance_requirement = 2;
	a->balance_domain = 1.5;
	return TK_OK;
}

/* An override moves the derived target by one level at most (§5.2.1.2). */
static tk_status check_overrides(loader *L, const tk_ynode *root)
{
	const tk_assessment *a = L->a;
	const tk_ynode *m = tk_ymap_get(root, "targets");
	for (size_t i = 0; m && i < m->n; i++) {
		const tk_ynode *k = m->items[2 * i];
		long r = find_requirement(L, k->str);
		int derived = L->cat->scoring.targets[a->level][a->importance[r]];
		int wanted = a->override_level[r];
		if (abs(wanted - derived) > 1) {
			L->w.where = k->str;
			return tk_walk_fail(&L->w, tk_ymap_get(m->items[2 * i + 1], "level"), "level",
				"目標の変更は導出した目標 %d から 1 レベルまでです（%d が書かれています）",
				"a target may move one level from the derived target %d (found %d)", derived, wanted);
		}
	}
	return TK_OK;
}

static tk_status load_tree(loader *L, const tk_ynode *root, tk_catalog_resolver resolve, void *ctx)
{
	tk_status st;
	if ((st = tk_walk_map(&L->w, root, NULL, TOP_KEYS)) ||
	    (st = tk_doc_catalog(&L->w, root, resolve, ctx, TK_CATALOG_STRENGTH, false, &L->cat)))
		return st;
	L->a->catalog = L->cat;
	if ((st = allocate(L)) || (st = read_system(L, root)) ||
	    (st = each_requirement(L, tk_ymap_get(root, "importance"), "importance", one_importance)) ||
	    (st = each_requirement(L, tk_ymap_get(root, "targets"), "targets", one_target)) ||
	    (st = read_weights(L, root)) || (st = read_settings(L, root)) ||
	    (st = each_requirement(L, tk_ymap_get(root, "ratings"), "ratings", one_rating)) ||
	    (st = read_improvements(L, root)) || (st = check_overrides(L, root)))
		return st;
	return TK_OK;
}

tk_status tk_assessment_from_tree(tk_arena *arena, const char *name, const tk_ynode *root,
	tk_catalog_resolver resolve, void *ctx, tk_assessment **out, tk_error *err)
{
	*out = NULL;
	tk_assessment *a = tk_arena_calloc(arena, 1, sizeof(*a));
	if (!a || !(a->path = tk_arena_strdup(arena, name))) {
		tk_arena_free(arena);
		return tk_error_set(err, TK_ENOMEM, name, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	a->arena = arena;
	loader L = { .w = { .a = arena, .file = name, .err = err }, .a = a };
	tk_status st = load_tree(&L, root, resolve, ctx);
	if (st) {
		tk_arena_free(arena);
		return st;
	}
	*out = a;
	return TK_OK;
}

tk_status tk_assessment_load_buffer(const char *name, const char *data, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_assessment **out, tk_error *err)
{
	*out = NULL;
	tk_doc d;
	tk_status st = tk_doc_parse(name, data, len, 3, 0, &d, err);
	return st ? st : tk_assessment_from_tree(d.arena, name, d.root, resolve, ctx, out, err);
}

tk_status tk_assessment_load_file(const char *path, tk_catalog_resolver resolve, void *ctx,
	tk_assessment **out, tk_error *err)
{
	char *data;
	size_t len;
	*out = NULL;
	tk_status st = tk_file_read(path, &data, &len, err);
	if (st)
		return st;
	st = tk_assessment_load_buffer(path, data, len, resolve, ctx, out, err);
	free(data);
	return st;
}

void tk_assessment_free(tk_assessment *a)
{
	if (a)
		tk_arena_free(a->arena);
}
