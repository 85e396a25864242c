/* taisaku profile list | show NAME | diff PLAN NAME
 * System-model profiles (docs/profiles.en.md): list them, show one with every
 * choice and its reason, and show where a plan or assessment departs from one. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "taisaku/profile.h"
#include "taisaku/report.h"
#include "../lib/export_internal.h"

#define USAGE_LIST "taisaku profile list [--json] [--lang ja|en] [--catalog-dir DIR]"
#define USAGE_SHOW "taisaku profile show NAME [--json] [--lang ja|en] [--catalog-dir DIR]"
#define USAGE_DIFF "taisaku profile diff PLAN NAME [--json] [--lang ja|en] [-o FILE] [--catalog-dir DIR]"

/* A profile by name or path, with the catalogs it needs kept in cats. */
static tk_status load_profile(const cli *c, const char *name, cli_catalogs *cats, tk_profile **out, tk_error *err)
{
	char path[1024];
	tk_status st = tk_profile_resolve(name, c->catalog_dir, path, sizeof(path), err);
	return st ? st : tk_profile_load_file(path, cli_resolve_catalog, cats, out, err);
}

static const char *title(const cli *c, const tk_profile *p)
{
	return c->lang == TK_LANG_EN ? p->title_en : p->title_ja;
}

static const char *req_title(const cli *c, const tk_requirement *r)
{
	return c->lang == TK_LANG_EN && r->title_en ? r->title_en : r->title_ja;
}

/* ---- list ---- */

static int profile_list(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_JSON | OPT_CATALOG_DIR, 0, 0, USAGE_LIST))
		return EXIT_ERROR;
	tk_error err = { 0 };
	tk_catalog_entry *entries;
	size_t n;
	if (tk_profile_dir_list(c->catalog_dir, &entries, &n, &err))
		return cli_error(c, &err);
	cli_out o;
	if (!cli_out_open(c, &o)) {
		free(entries);
		return EXIT_ERROR;
	}
	cli_catalogs cats = { .c = c };
	json_t *arr = c->json ? json_array() : NULL;
	int rc = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		tk_profile *p;
		tk_error e = { 0 };
		if (tk_profile_load_file(entries[i].path, cli_resolve_catalog, &cats, &p, &e)) {
			/* One broken profile must not hide the others. */
			rc = cli_error(c, &e);
			continue;
		}
		if (arr)
			json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:i, s:I, s:I, s:s}",
				"id", p->id, "title_ja", p->title_ja, "title_en", p->title_en,
				"catalog", p->catalog->id, "level", p->level,
				"importances", (json_int_t)p->n_importance, "overrides", (json_int_t)p->n_overrides,
				"path", entries[i].path));
		else
			fprintf(o.f, "%-24s %s %d  %s\n", p->id, cli_tr(c, "レベル", "level"), p->level, title(c, p));
		tk_profile_free(p);
	}
	free(entries);
	cli_catalogs_free(&cats);
	if (arr) {
		tk_error e = { 0 };
		tk_json_write(arr, o.f, &e);
	}
	int out_rc = cli_out_close(c, &o, true);
	return rc ? rc : out_rc;
}

/* ---- show ---- */

static json_t *profile_json(const tk_profile *p)
{
	const tk_catalog *cat = p->catalog;
	json_t *imp = json_array(), *ovr = json_array();
	for (size_t i = 0; i < cat->n_requirements; i++) {
		const char *id = cat->requirements[i].id;
		if (p->importance_reason[i])
			json_array_append_new(imp, json_pack("{s:s, s:s, s:i, s:s}", "id", id,
				"importance", tk_importance_name(p->importance[i]),
				"target", cat->scoring.targets[p->level][p->importance[i]], "reason", p->importance_reason[i]));
		if (p->override_level[i])
			json_array_append_new(ovr, json_pack("{s:s, s:i, s:i, s:s}", "id", id,
				"derived", cat->scoring.targets[p->level][p->importance[i]],
				"level", p->override_level[i], "reason", p->override_reason[i]));
	}
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:i, s:s}, s:o, s:o}",
		"id", p->id, "title_ja", p->title_ja, "title_en", p->title_en, "catalog", cat->id,
		"description_ja", p->description_ja, "source", p->source, "judgment_ja", p->judgment_ja,
		"level", "value", p->level, "reason", p->level_reason, "importance", imp, "targets", ovr);
}

static void show_text(const cli *c, FILE *f, const tk_profile *p)
{
	const tk_catalog *cat = p->catalog;
	fprintf(f, "%s  %s\n", p->id, title(c, p));
	fprintf(f, "%s: %s\n", cli_tr(c, "カタログ", "catalog"), cat->id);
	fprintf(f, "%s: %d  %s\n", cli_tr(c, "システムレベル", "system level"), p->level, p->level_reason);
	fprintf(f, "\n%s\n%s\n", cli_tr(c, "システムのイメージ（シードの文言）", "System image (the seed's words)"),
		p->description_ja);
	fprintf(f, "%s: %s\n", cli_tr(c, "出典", "source"), p->source);
	fprintf(f, "\n%s\n%s\n", cli_tr(c, "taisaku の判断", "taisaku's judgment"), p->judgment_ja);
	for (int imp = TK_IMP_CRITICAL; imp <= TK_IMP_LOW; imp++) {
		bool any = false;
		for (size_t i = 0; i < cat->n_requirements; i++) {
			if (!p->importance_reason[i] || (int)p->importance[i] != imp)
				continue;
			if (!any)
				fprintf(f, cli_tr(c, "\n%s（目標 %d）\n", "\n%s (target %d)\n"),
					tk_importance_label((tk_importance)imp, c->lang), cat->scoring.targets[p->level][imp]);
			any = true;
			const tk_requirement *r = &cat->requirements[i];
			fprintf(f, "  %s %s\n      %s\n", r->id, req_title(c, r), p->importance_reason[i]);
		}
	}
	if (p->n_overrides)
		fprintf(f, "\n%s\n", cli_tr(c, "目標の個別調整（±1）", "Target overrides (±1)"));
	for (size_t i = 0; i < cat->n_requirements; i++) {
		if (!p->override_level[i])
			continue;
		const tk_requirement *r = &cat->requirements[i];
		fprintf(f, "  %s %s  %d → %d\n      %s\n", r->id, req_title(c, r),
			cat->scoring.targets[p->level][p->importance[i]], p->override_level[i], p->override_reason[i]);
	}
}

static int profile_show(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_JSON | OPT_CATALOG_DIR, 1, 1, USAGE_SHOW))
		return EXIT_ERROR;
	tk_error err = { 0 };
	cli_catalogs cats = { .c = c };
	tk_profile *p = NULL;
	int rc = EXIT_ERROR;
	if (load_profile(c, c->args[0], &cats, &p, &err)) {
		cli_error(c, &err);
		goto done;
	}
	cli_out o;
	if (cli_out_open(c, &o)) {
		tk_status st = TK_OK;
		if (c->json)
			st = tk_json_write(profile_json(p), o.f, &err);
		else
			show_text(c, o.f, p);
		rc = cli_out_done(c, &o, st, &err);
	}
done:
	tk_profile_free(p);
	cli_catalogs_free(&cats);
	return rc;
}

/* ---- diff ---- */

static json_t *override_json(int level)
{
	return level ? json_integer(level) : json_null();
}

static json_t *diff_json(const tk_profile *p, const tk_assessment *a, const tk_profile_diff *d)
{
	static const char *const change_names[] = { "importance", "override", "target" };
	json_t *reqs = json_array();
	for (size_t k = 0; k < d->n; k++) {
		const tk_profile_departure *x = &d->v[k];
		json_t *changes = json_array();
		for (int b = 0; b < 3; b++)
			if (x->changes & (1u << b))
				json_array_append_new(changes, json_string(change_names[b]));
		json_array_append_new(reqs, json_pack("{s:s, s:o, s:{s:s, s:o, s:i}, s:{s:s, s:o, s:i}}",
			"id", p->catalog->requirements[x->requirement].id, "changes", changes,
			"profile", "importance", tk_importance_name(x->profile_importance),
			"override", override_json(x->profile_override), "target", x->profile_target,
			"plan", "importance", tk_importance_name(x->plan_importance),
			"override", override_json(x->plan_override), "target", x->plan_target));
	}
	return json_pack("{s:s, s:s, s:s, s:{s:i, s:i, s:b}, s:I, s:o}", "profile", p->id, "plan", a->path,
		"catalog", p->catalog->id, "level", "profile", d->profile_level, "plan", d->plan_level,
		"differs", d->level_differs, "targets_differ", (json_int_t)d->n_targets_differ, "requirements", reqs);
}

static void override_text(const cli *c, FILE *f, int level)
{
	if (level)
		fprintf(f, "%d", level);
	else
		fputs(cli_tr(c, "なし", "none"), f);
}

static void diff_text(const cli *c, FILE *f, const tk_profile *p, const tk_assessment *a, const tk_profile_diff *d)
{
	const tk_catalog *cat = p->catalog;
	fprintf(f, "%s: %s\n%s: %s  %s\n", cli_tr(c, "評価", "plan"), a->path,
		cli_tr(c, "プロファイル", "profile"), p->id, title(c, p));
	fprintf(f, cli_tr(c, "システムレベル: %d（プロファイル %d）%s\n", "system level: %d (profile %d)%s\n"),
		d->plan_level, d->profile_level, d->level_differs ? cli_tr(c, "  違う", "  differs") : "");
	fprintf(f, "%s: %zu\n", cli_tr(c, "目標がプロファイルと違う対策要求", "Requirements whose target differs from the profile"),
		d->n_targets_differ);
	if (!d->n) {
		fprintf(f, "%s\n", cli_tr(c, "重要度と目標の調整はプロファイルのとおりです",
			"importances and target overrides follow the profile"));
		return;
	}
	fprintf(f, "\n%s: %zu\n", cli_tr(c, "プロファイルと違う対策要求", "Requirements that depart from the profile"), d->n);
	for (size_t k = 0; k < d->n; k++) {
		const tk_profile_departure *x = &d->v[k];
		const tk_requirement *r = &cat->requirements[x->requirement];
		fprintf(f, "  %s %s\n     ", r->id, req_title(c, r));
		const char *sep = " ", *comma = cli_tr(c, "、", ", ");
		if (x->changes & TK_PD_IMPORTANCE) {
			fprintf(f, "%s%s %s → %s", sep, cli_tr(c, "重要度", "importance"),
				tk_importance_label(x->profile_importance, c->lang),
				tk_importance_label(x->plan_importance, c->lang));
			sep = comma;
		}
		if (x->changes & TK_PD_OVERRIDE) {
			fprintf(f, "%s%s ", sep, cli_tr(c, "目標の調整", "override"));
			override_text(c, f, x->profile_override);
			fputs(" → ", f);
			override_text(c, f, x->plan_override);
			sep = comma;
		}
		if (x->changes & TK_PD_TARGET)
			fprintf(f, "%s%s %d → %d", sep, cli_tr(c, "目標", "target"), x->profile_target, x->plan_target);
		fputc('\n', f);
		/* The profile's reason is what the plan departs from. */
		const char *why = (x->changes & TK_PD_OVERRIDE) && x->profile_override ? p->override_reason[x->requirement]
				  : (x->changes & TK_PD_IMPORTANCE) ? p->importance_reason[x->requirement] : NULL;
		if (why)
			fprintf(f, "      %s: %s\n", cli_tr(c, "プロファイルの理由", "profile's reason"), why);
		if ((x->changes & TK_PD_OVERRIDE) && x->plan_override)
			fprintf(f, "      %s: %s\n", cli_tr(c, "評価の理由", "plan's reason"), a->override_reason[x->requirement]);
	}
}

static int profile_diff(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_JSON | OPT_OUTPUT | OPT_CATALOG_DIR, 2, 2, USAGE_DIFF))
		return EXIT_ERROR;
	tk_error err = { 0 };
	cli_catalogs cats = { .c = c };
	tk_profile *p = NULL;
	tk_assessment *a = NULL;
	tk_profile_diff d = { 0 };
	int rc = EXIT_ERROR;
	if (tk_assessment_load_file(c->args[0], cli_resolve_catalog, &cats, &a, &err) ||
	    load_profile(c, c->args[1], &cats, &p, &err) || tk_profile_diff_compute(p, a, &d, &err)) {
		cli_error(c, &err);
		goto done;
	}
	cli_out o;
	if (cli_out_open(c, &o)) {
		tk_status st = TK_OK;
		if (c->json)
			st = tk_json_write(diff_json(p, a, &d), o.f, &err);
		else
			diff_text(c, o.f, p, a, &d);
		rc = cli_out_done(c, &o, st, &err);
	}
done:
	tk_profile_diff_free(&d);
	tk_profile_free(p);
	tk_assessment_free(a);
	cli_catalogs_free(&cats);
	return rc;
}

int cmd_profile(cli *c, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(cli *, int, char **);
	} subs[] = {
		{ "list", profile_list }, { "show", profile_show }, { "diff", profile_diff },
	};
	if (argc < 1)
		return help_print(c, "profile", stderr), EXIT_ERROR;
	for (size_t i = 0; i < sizeof(subs) / sizeof(*subs); i++)
		if (strcmp(argv[0], subs[i].name) == 0)
			return subs[i].run(c, argc - 1, argv + 1);
	return cli_fail(c, "'profile %s' はありません（list, show, diff）",
		"no such command 'profile %s' (list, show, diff)", argv[0]);
}
