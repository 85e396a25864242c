/* taisaku plan --catalog ID --level N [--name NAME] [-o FILE]
 * Writes an assessment skeleton: every requirement with its Japanese title
 * and derived target as a comment, and an empty entry ready to fill in.
 * For a compliance catalog (no --level), every item as an empty entry
 * (cmd_compliance.c). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "taisaku/report.h"

#define USAGE "taisaku plan --catalog ID [--level N] [--name NAME] [-o FILE] [--catalog-dir DIR]"

static void write_skeleton(const cli *c, FILE *f, const tk_catalog *cat, int level, const char *name)
{
	fprintf(f, "# %s: %s (%s)\n", cli_tr(c, "taisaku 評価シート", "taisaku assessment sheet"),
		cat->title_ja, cat->id);
	fprintf(f, "# %s\n", cli_tr(c,
		"各対策要求に core（1〜5）と周辺要素のランク（A〜D）、または na: 理由 / unknown: true を記入してください。",
		"Give each requirement core (1-5) and the peripheral ranks (A-D), or na: reason / unknown: true."));
	fprintf(f, "# %s\n", cli_tr(c, "書き方: docs/guide.ja.md", "How to: docs/guide.en.md"));
	fprintf(f, "catalog: %s\nsystem: { name: ", cat->id);
	tk_yaml_quote(f, name);
	fprintf(f, ", level: %d }\n", level);
	fprintf(f, "# importance: { ID: critical | important | general | low }\nimportance: {}\n");
	fprintf(f, "# targets: { ID: { level: N, reason: ... } }  (%s)\ntargets: {}\n",
		cli_tr(c, "導出した目標から ±1 のみ", "only ±1 from the derived target"));
	fputs("ratings:\n", f);
	const tk_scoring *s = &cat->scoring;
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_domain *dom = &cat->domains[d];
		fprintf(f, "  # ---- %s %s\n", dom->id, dom->title_ja);
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			const tk_requirement *r = &cat->requirements[dom->first_requirement + k];
			fprintf(f, c->lang == TK_LANG_EN ? "  # %s %s (target %d)\n" : "  # %s %s（目標 %d）\n",
				r->id, r->title_ja, s->targets[level][TK_IMP_GENERAL]);
			fprintf(f, "  %s: {}\n", r->id);
		}
	}
	fputs("improvements: []\n", f);
}

int cmd_plan(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_CATALOG | OPT_LEVEL | OPT_NAME | OPT_OUTPUT | OPT_CATALOG_DIR, 0, 0, USAGE))
		return EXIT_ERROR;
	if (!c->catalog)
		return cli_fail(c, "--catalog を指定してください（使い方: %s）",
			"--catalog is required (usage: %s)", USAGE);
	/* A plan never overwrites a file: it may be a filled-in assessment. */
	if (c->output && strcmp(c->output, "-") && access(c->output, F_OK) == 0)
		return cli_fail(c, "ファイル '%s' は既にあります（上書きしません）",
			"the file '%s' exists already (it is not overwritten)", c->output);
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
			return cli_fail(c, "--catalog と --level を指定してください（使い方: %s）",
				"--catalog and --level are required (usage: %s)", USAGE);
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
	write_skeleton(c, o.f, cat, (int)level, name);
	tk_catalog_free(cat);
	return cli_out_close(c, &o, true);
}
