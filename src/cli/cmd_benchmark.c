/* taisaku benchmark export [--org O] -o FILE [--db URL]
 * taisaku benchmark import FILE [--db URL]
 * Anonymised latest levels between stores that share no server (issue 9);
 * what leaves and what is checked on the way in is the library's
 * (tk_store_benchmark_export / _import). */
#include "cli.h"

#define USAGE_EXPORT "taisaku benchmark export [--org O] -o FILE [--db URL]"
#define USAGE_IMPORT "taisaku benchmark import FILE [--db URL]"

static int bench_export(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_ORG | OPT_OUTPUT, 0, 0, USAGE_EXPORT))
		return EXIT_ERROR;
	if (!c->output)
		return cli_fail(c, "書き出し先を -o FILE で指定してください", "give the output file with -o FILE");
	tk_store *s = cli_store_open(c);
	if (!s)
		return EXIT_ERROR;
	tk_error err = { 0 };
	size_t n = 0;
	cli_out o;
	int rc = EXIT_ERROR;
	if (cli_out_open(c, &o)) {
		rc = cli_out_done(c, &o, tk_store_benchmark_export(s, c->org, o.f, &n, &err), &err);
		if (rc == EXIT_OK)
			printf(cli_tr(c, "%zu システムの匿名化したレベルを %s に書き出しました\n",
				"wrote the anonymised levels of %zu systems to %s\n"), n, c->output);
	}
	tk_store_close(s);
	return rc;
}

static int bench_import(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB, 1, 1, USAGE_IMPORT))
		return EXIT_ERROR;
	tk_store *s = cli_store_open(c);
	if (!s)
		return EXIT_ERROR;
	tk_error err = { 0 };
	size_t n = 0;
	int rc = EXIT_OK;
	if (tk_store_benchmark_import(s, c->args[0], &n, &err))
		rc = cli_error(c, &err);
	else
		printf(cli_tr(c, "%zu システムを比較対象に加えました\n", "added %zu systems to the peer pool\n"), n);
	tk_store_close(s);
	return rc;
}

int cmd_benchmark(cli *c, int argc, char **argv)
{
	static const cli_sub subs[] = { { "export", bench_export }, { "import", bench_import } };
	return cli_dispatch(c, "benchmark", subs, sizeof(subs) / sizeof(*subs), argc, argv);
}
