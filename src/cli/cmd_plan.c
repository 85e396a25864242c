/* taisaku plan --catalog ID --level N [--name NAME] [-o FILE]
 * taisaku plan --profile NAME [--name NAME] [-o FILE]
 * Writes an assessment skeleton: every requirement with its Japanese title
 * and target as a comment, and an empty entry ready to fill in. From a
 * profile the skeleton starts with the profile's level, importances and
 * overrides, each with its reason (docs/profiles.en.md). For a compliance
 * catalog (no --level), every item as an empty entry (cmd_compliance.c). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "taisaku/profile.h"
#include "taisaku/report.h"

#define USAGE "taisaku plan (--catalog ID [--level N] | --profile NAME) [--name NAME] [-o FILE] [--catalog-dir DIR]"

/* A YAML comment of one line: line breaks in the text become spaces. */
static void comment_text(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void write_importance(FILE *f, const tk_profile *p)
{
	const tk_catalog *cat = p->catalog;
	if (!p->n_importance) {
		fputs("importance: {}\n", f);
		return;
	}
	fputs("importance:\n", f);
	for (size_t i = 0; i < cat->n_requirements; i++)
		if (p->importance_reason[i]) {
			fprintf(f, "  %s: %s  # ", cat->requirements[i].id, tk_importance_name(p->importance[i]));
			comment_text(f, p->importance_reason[i]);
			fputc('\n', f);
		}
}

static void write_targets(FILE *f, const tk_profile *p)
{
	const tk_catalog *cat = p->catalog;
	if (!p->n_overrides) {
		fputs("targets: {}\n", f);
		return;
	}
	fputs("targets:\n", f);
	for (size_t i = 0; i < cat->n_requirements; i++)
		if (p->override_level[i]) {
			fprintf(f, "  %s: { level: %d, reason: ", cat->requirements[i].id, p->override_level[i]);
			tk_yaml_quote(f, p->override_reason[i]);
			fputs(" }\n", f);
		}
}

/* The skeleton; p (may be NULL) is the profile it starts from. */
static void write_skeleton(const cli *c, FILE *f, const tk_catalog *cat, int level, const char *name,
	const tk_profile *p)
{
	fprintf(f, "# %s: %s (%s)\n", cli_tr(c, "taisaku 評価シート", "taisaku assessment sheet"),
		cat->title_ja, cat->id);
	fprintf(f, "# %s\n", cli_tr(c,
		"各対策要求に core（1〜5）と周辺要素のランク（A〜D）、または na: 理由 / unknown: true を記入してください。",
		"Give each requirement core (1-5) and the peripheral ranks (A-D), or na: reason / unknown: true."));
	fprintf(f, "# %s\n", cli_tr(c, "書き方: docs/guide.ja.md", "How to: docs/guide.en.md"));
	if (p) {
		fprintf(f, "# %s: %s %s\n", cli_tr(c, "プロファイル", "profile"), p->id,
			c->lang == TK_LANG_EN ? p->title_en : p->title_ja);
		fprintf(f, "#   %s: ", cli_tr(c, "出典", "source"));
		comment_text(f, p->source);
		fprintf(f, "\n#   %s: ", cli_tr(c, "判断", "judgment"));
		comment_text(f, p->judgment_ja);
		fprintf(f, "\n#   %s\n", cli_tr(c, "プロファイルからの違いは taisaku profile diff で確かめられます",
			"taisaku profile diff shows where the plan departs from the profile"));
	}
	fprintf(f, "catalog: %s\nsystem: { name: ", cat->id);
	tk_yaml_quote(f, name);
	fprintf(f, ", level: %d", level);
	if (p) {
		fputs(", reason: ", f);
		tk_yaml_quote(f, p->level_reason);
	}
	fputs(" }\n", f);
	fprintf(f, "# importance: { ID: critical | important | general | low }\n");
	if (p)
		write_importance(f, p);
	else
		fputs("importance: {}\n", f);
	fprintf(f, "# targets: { ID: { level: N, reason: ... } }  (%s)\n",
		cli_tr(c, "導出した目標から ±1 のみ", "only ±1 from the derived target"));
	if (p)
		write_targets(f, p);
	else
		fputs("targets: {}\n", f);
	fputs("ratings:\n", f);
	const tk_scoring *s = &cat->scoring;
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_domain *dom = &cat->domains[d];
		fprintf(f, "  # ---- %s %s\n", dom->id, dom->title_ja);
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			size_t i = dom->first_requirement + k;
			const tk_requirement *r = &cat->requirements[i];
			fprintf(f, c->lang == TK_LANG_EN ? "  # %s %s (target %d)\n" : "  # %s %s（目標 %d）\n",
				r->id, r->title_ja, p ? tk_profile_target(p, i) : s->targets[level][TK_IMP_GENERAL]);
			fprintf(f, "  %s: {}\n", r->id);
		}
	}
	fputs("improvements: []\n", f);
}

/* --profile: the catalog and the level come from the profile. */
static int plan_from_profile(cli *c)
{
	if (c->level)
		return cli_fail(c, "--level と --profile は同時に使えません（レベルはプロファイルが決めます）",
			"--level cannot be used with --profile (the profile sets the level)");
	char path[1024];
	tk_error err = { 0 };
	cli_catalogs cats = { .c = c };
	tk_profile *p = NULL;
	int rc = EXIT_ERROR;
	if (tk_profile_resolve(c->profile, c->catalog_dir, path, sizeof(path), &err) ||
	    tk_profile_load_file(path, cli_resolve_catalog, &cats, &p, &err)) {
		cli_error(c, &err);
		goto done;
	}
	if (c->catalog && strcmp(c->catalog, p->catalog->id) != 0) {
		cli_fail(c, "プロファイル %s のカタログは %s です（--catalog %s と合いません）",
			"profile %s is for catalog %s (not --catalog %s)", p->id, p->catalog->id, c->catalog);
		goto done;
	}
	cli_out o;
	if (cli_out_open(c, &o)) {
		c->durable = true; /* the sheet an officer will fill in */
		write_skeleton(c, o.f, p->catalog, p->level, c->name ? c->name : cli_tr(c, "対象システム", "system"), p);
		rc = cli_out_close(c, &o, true);
	}
done:
	tk_profile_free(p);
	cli_catalogs_free(&cats);
	return rc;
}

int cmd_plan(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_CATALOG | OPT_LEVEL | OPT_NAME | OPT_OUTPUT | OPT_CATALOG_DIR | OPT_PROFILE,
		0, 0, USAGE))
		return EXIT_ERROR;
	/* A plan never overwrites a file: it may be a filled-in assessment. */
	if (c->output && strcmp(c->output, "-") && access(c->output, F_OK) == 0)
		return cli_fail(c, "ファイル '%s' は既にあります（上書きしません）",
			"the file '%s' exists already (it is not overwritten)", c->output);
	if (c->profile)
		return plan_from_profile(c);
	if (!c->catalog)
		return cli_fail(c, "--catalog と --level、または --profile を指定してください（使い方: %s）",
			"--catalog and --level, or --profile, are required (usage: %s)", USAGE);
	tk_error err = { 0 };
	tk_catalog *cat;
	if (cli_load_catalog(c, c->catalog, &cat, &err))
		return cli_error(c, &err);
	const char *name = c->name ? c->name : cli_tr(c, "対象システム", "system");
	if (cat->kind == TK_CATALOG_COMPLIANCE) {
		/* Compliance items have no levels: the skeleton lists every item. */
		int rc = c->level ? cli_fail(c, "--level は準拠性のカタログ %s には使えません",
			"--level does not apply to the compliance catalog %s", cat->id)
			: compliance_plan(c, cat, name);
		tk_catalog_free(cat);
		return rc;
	}
	if (!cat->has_scoring || !c->level) {
		tk_catalog_free(cat);
		if (!c->level)
			return cli_fail(c, "--catalog と --level、または --profile を指定してください（使い方: %s）",
				"--catalog and --level, or --profile, are required (usage: %s)", USAGE);
		return cli_fail(c, "カタログ %s は強度レベルで評価するカタログではありません",
			"catalog %s is not a strength-level catalog", c->catalog);
	}
	char *end;
	long level = strtol(c->level, &end, 10);
	if (*end || level < 2 || level > 5) {
		tk_catalog_free(cat);
		return cli_fail(c, "--level は 2 から 5 までの整数です（'%s' が指定されました）",
			"--level takes a whole number from 2 to 5 (given '%s')", c->level);
	}
	cli_out o;
	if (!cli_out_open(c, &o)) {
		tk_catalog_free(cat);
		return EXIT_ERROR;
	}
	c->durable = true; /* the sheet an officer will fill in */
	write_skeleton(c, o.f, cat, (int)level, name, NULL);
	tk_catalog_free(cat);
	return cli_out_close(c, &o, true);
}
