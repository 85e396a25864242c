/* taisaku report FILE [--kind assessment|plan|improvement] [--lang ja|en] [-o OUT.html]
 *
 * Writes a report for people as one self-contained HTML file: the
 * assessment report (default), the security measures plan or the
 * improvement plan; for a compliance assessment, the compliance report
 * (cmd_compliance.c). A report is not a verdict: the exit status is 0
 * whenever the report was written, whatever the levels, and 1 on an input
 * error, when nothing is written. */
#include <string.h>

#include "cli.h"
#include "taisaku/report.h"

#define USAGE "taisaku report FILE [--kind assessment|plan|improvement|compliance|rules|ssp] [--lang ja|en] [-o OUT.html] [--catalog-dir DIR]"

/* --kind is this command's own option: it is taken out of argv here and
 * the rest goes through the shared parser. Returns false (after printing
 * why) when --kind has no value. */
static bool take_kind(cli *c, int *argc, char **argv, const char **kind)
{
	int out = 0;
	for (int i = 0; i < *argc; i++) {
		if (strcmp(argv[i], "--kind") != 0) {
			argv[out++] = argv[i];
			continue;
		}
		if (i + 1 >= *argc) {
			cli_fail(c, "オプション '%s' には値が必要です", "option '%s' needs a value", argv[i]);
			return false;
		}
		*kind = argv[++i];
	}
	*argc = out;
	return true;
}

/* Whether the file is an ECOM assessment that loads. */
static bool is_ecom(cli_catalogs *cats, const char *path)
{
	tk_error err = { 0 };
	tk_assessment *a;
	if (tk_assessment_load_file(path, cli_resolve_catalog, cats, &a, &err))
		return false;
	tk_assessment_free(a);
	return true;
}

static int write_report(cli *c, const char *path, tk_report_kind kind)
{
	cli_catalogs cats = { .c = c };
	tk_error err = { 0 };
	tk_assessment *a;
	tk_evaluation *e = NULL;
	if (tk_assessment_load_file(path, cli_resolve_catalog, &cats, &a, &err)) {
		cli_catalogs_free(&cats);
		return cli_error(c, &err);
	}
	if (tk_evaluate(a, &e, &err)) {
		tk_assessment_free(a);
		cli_catalogs_free(&cats);
		return cli_error(c, &err);
	}
	cli_out o;
	int rc = EXIT_ERROR;
	if (cli_out_open(c, &o)) {
		tk_status st = tk_report_write_html(e, kind, c->lang, o.f, &err);
		rc = cli_out_done(c, &o, st, &err);
	}
	tk_evaluation_free(e);
	tk_assessment_free(a);
	cli_catalogs_free(&cats);
	return rc;
}

int cmd_report(cli *c, int argc, char **argv)
{
	const char *kind_name = NULL;
	if (!take_kind(c, &argc, argv, &kind_name) ||
	    !cli_parse(c, argc, argv, OPT_OUTPUT | OPT_CATALOG_DIR, 0, 1, USAGE))
		return EXIT_ERROR;
	if (c->nargs && kind_name && (strcmp(kind_name, "rules") == 0 || strcmp(kind_name, "ssp") == 0)) {
		/* Documents written from a compliance assessment: the compliance
		 * loader says so when the file is anything else. */
		cli_catalogs cats = { .c = c };
		if (!cli_is_compliance(&cats, c->args[0]) && is_ecom(&cats, c->args[0])) {
			cli_catalogs_free(&cats);
			return cli_fail(c, "報告書の種類 '%s' は準拠性の評価にだけ使えます（%s は ECOM の評価シートです）",
				"the report kind '%s' needs a compliance assessment (%s is an ECOM assessment)", kind_name, c->args[0]);
		}
		int rc = kind_name[0] == 'r' ? compliance_rules(c, &cats, c->args[0]) : compliance_ssp(c, &cats, c->args[0]);
		cli_catalogs_free(&cats);
		return rc;
	}
	if (c->nargs && (kind_name ? strcmp(kind_name, "compliance") == 0 : true)) {
		/* A compliance assessment has one report of its own (the default);
		 * --kind compliance asks for it by name. */
		cli_catalogs cats = { .c = c };
		bool compliance = cli_is_compliance(&cats, c->args[0]);
		int rc = EXIT_OK;
		if (compliance || kind_name)
			rc = compliance_report(c, &cats, c->args[0]);
		cli_catalogs_free(&cats);
		if (compliance || kind_name)
			return rc;
	} else if (kind_name && c->nargs) {
		cli_catalogs cats = { .c = c };
		bool compliance = cli_is_compliance(&cats, c->args[0]);
		cli_catalogs_free(&cats);
		if (compliance)
			return cli_fail(c, "準拠性の評価には報告書の種類 '%s' は使えません（compliance, rules, ssp）",
				"the report kind '%s' does not apply to a compliance assessment (compliance, rules, ssp)", kind_name);
	}
	tk_report_kind kind = TK_REPORT_ASSESSMENT;
	/* the kinds for compliance assessments need a file to tell them apart */
	bool compliance_kind = kind_name && (strcmp(kind_name, "compliance") == 0 || strcmp(kind_name, "rules") == 0 ||
		strcmp(kind_name, "ssp") == 0);
	if (kind_name && !compliance_kind && !tk_report_kind_parse(kind_name, &kind))
		return cli_fail(c, "報告書の種類 '%s' はありません（assessment, plan, improvement, compliance, rules, ssp）",
			"unknown report kind '%s' (assessment, plan, improvement, compliance, rules, ssp)", kind_name);
	if (!c->nargs)
		return cli_fail(c, "評価シートのファイルを指定してください（使い方: %s）",
			"name the assessment file (usage: %s)", USAGE);
	return write_report(c, c->args[0], kind);
}
