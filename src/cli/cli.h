/* The taisaku command: what every subcommand shares. */
#ifndef TAISAKU_CLI_H
#define TAISAKU_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "taisaku/catalog.h"
#include "taisaku/error.h"
#include "taisaku/store.h"

#define CLI_MAX_ARGS 32

/* Options recognised across subcommands; each subcommand says which it takes. */
typedef struct cli {
	tk_lang lang;
	const char *catalog_dir;   /* --catalog-dir */
	const char *output;        /* -o / --output */
	const char *format;        /* --format */
	bool json;                 /* --json */
	const char *batch;         /* --batch DIR */
	const char *catalog;       /* --catalog ID */
	const char *level;         /* --level N */
	const char *name;          /* --name NAME */
	const char *department;    /* --department NAME */
	const char *base;          /* --base FILE */
	const char *to;            /* --to CATALOG */
	const char *profile;       /* --profile NAME */
	const char *id;            /* --id ID */
	const char *db;            /* --db URL (the store) */
	const char *org;           /* --org NAME */
	const char *system;        /* --system NAME */
	const char *industry;      /* --industry TEXT */
	const char *size;          /* --size TEXT */
	const char *group;         /* --group ATTR,... (peers) */
	bool durable;              /* the output is someone's work: flush it to disk */
	bool encrypt;              /* --encrypt (db backup) */
	bool replace;              /* --replace (db restore) */
	const char *passphrase_fd; /* --passphrase-fd N */
	int nargs;                 /* positional arguments after the subcommand words */
	const char *args[CLI_MAX_ARGS];
} cli;

/* Exit codes, as scripts see them. */
enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_FAIL = 2 };

/* Option flags a subcommand accepts. */
enum {
	OPT_JSON = 1 << 0, OPT_OUTPUT = 1 << 1, OPT_FORMAT = 1 << 2, OPT_CATALOG_DIR = 1 << 3,
	OPT_BATCH = 1 << 4, OPT_CATALOG = 1 << 5, OPT_LEVEL = 1 << 6, OPT_NAME = 1 << 7,
	OPT_DEPARTMENT = 1 << 8, OPT_BASE = 1 << 9,
	OPT_DB = 1 << 10, OPT_ORG = 1 << 11, OPT_SYSTEM = 1 << 12, OPT_INDUSTRY = 1 << 13, OPT_SIZE = 1 << 14,
	OPT_TO = 1 << 15, OPT_ENCRYPT = 1 << 16, OPT_PASSPHRASE_FD = 1 << 17, OPT_REPLACE = 1 << 18,
	OPT_GROUP = 1 << 19, OPT_PROFILE = 1 << 20, OPT_ID = 1 << 21,
};

/* Parses argv (after the subcommand words) into c. --lang is always taken.
 * Prints an error and returns false on an unknown or incomplete option. */
bool cli_parse(cli *c, int argc, char **argv, unsigned allowed, int min_args, int max_args,
	const char *usage);

/* The Japanese or the English text, by the chosen language. */
const char *cli_tr(const cli *c, const char *ja, const char *en);

/* Prints "taisaku: <message>" on stderr in the chosen language; returns EXIT_ERROR. */
int cli_fail(const cli *c, const char *ja, const char *en, ...);

/* Prints a library error with its location; returns EXIT_ERROR. */
int cli_error(const cli *c, const tk_error *err);

/* Output goes to a memory stream first, then to stdout or, with -o, to the
 * file through an atomic rename, so that a failure never leaves a partial file. */
typedef struct cli_out {
	FILE *f;
	char *buf;
	size_t len;
} cli_out;

bool cli_out_open(const cli *c, cli_out *o);
/* Writes the buffered output (unless ok is false) and releases it. */
int cli_out_close(const cli *c, cli_out *o, bool ok);
/* The last line of an import that found problems (n of them, each said
 * already): nothing was written; returns EXIT_ERROR. */
int cli_nothing_written(const cli *c, size_t n);

/* cli_out_close after a writer that returned st: says err when st is not
 * TK_OK, and writes the output only when it is. */
int cli_out_done(const cli *c, cli_out *o, tk_status st, const tk_error *err);

/* Loads a catalog by id or path, through the compiled cache. */
tk_status cli_load_catalog(const cli *c, const char *name, tk_catalog **out, tk_error *err);

/* Catalogs loaded for assessments, kept for the life of the command so that
 * a batch loads each catalog once. */
typedef struct cli_catalogs {
	const cli *c;
	size_t n;
	tk_catalog *v[8];
} cli_catalogs;

/* A tk_catalog_resolver over cli_catalogs. */
tk_status cli_resolve_catalog(void *ctx, const char *id, const tk_catalog **out, tk_error *err);
void cli_catalogs_free(cli_catalogs *cc);

/* Loads the mapping of a compliance catalog to the ECOM catalog
 * (catalogs/mappings/<id>.yaml, or --catalog-dir DIR/mappings/<id>.yaml). */
struct tk_mapping;
tk_status cli_load_mapping(const cli *c, const tk_catalog *from, const tk_catalog *ecom,
	struct tk_mapping **out, tk_error *err);
/* The assessment files (*.yaml, *.yml, *.json; not hidden ones) in dir as
 * paths "dir/name", sorted. Prints an error and returns false when dir
 * cannot be read. Free with cli_paths_free. */
bool cli_list_assessments(const cli *c, const char *dir, char ***paths, size_t *n);
void cli_paths_free(char **paths, size_t n);

/* The store's URL: --db, else TAISAKU_DB, else sqlite:./taisaku.db. */
const char *cli_store_url(const cli *c);

/* Opens the store (cli_store_url); prints the error and returns NULL when
 * it cannot. */
tk_store *cli_store_open(const cli *c);

/* --format of a store query (text when absent): text or json, and html too
 * when html; prints the error and returns false for any other. */
bool cli_store_format(const cli *c, bool html, tk_store_format *fmt);

/* The passphrase of a sealed backup (passphrase.c): from --passphrase-fd,
 * else TAISAKU_PASSPHRASE, else asked on the terminal (twice when confirm).
 * Prints an error and returns false when there is none. */
bool cli_passphrase(const cli *c, bool confirm, char *buf, size_t size, size_t *len);

/* taisaku db backup and db restore (cmd_db_backup.c). */
int cmd_db_backup(cli *c, int argc, char **argv);
int cmd_db_restore(cli *c, int argc, char **argv);

/* A subcommand of a command with several (db, org, system, round). */
typedef struct cli_sub {
	const char *name;
	int (*run)(cli *c, int argc, char **argv);
} cli_sub;

/* Runs the subcommand argv[0] of command cmd from subs (n of them); an
 * unknown or missing one prints the command's help or an error. */
int cli_dispatch(cli *c, const char *cmd, const cli_sub *subs, size_t n, int argc, char **argv);

/* Language from TAISAKU_LANG or LANG; Japanese unless English is asked for. */
tk_lang cli_default_lang(void);

typedef struct command {
	const char *name;
	int (*run)(cli *c, int argc, char **argv);
	const char *summary_ja, *summary_en;
} command;

int cmd_catalog(cli *c, int argc, char **argv);
/* catalog import (cmd_catalog_import.c). */
int catalog_import(cli *c, int argc, char **argv);
int cmd_evaluate(cli *c, int argc, char **argv);
int cmd_plan(cli *c, int argc, char **argv);
int cmd_diff(cli *c, int argc, char **argv);
int cmd_report(cli *c, int argc, char **argv);
int cmd_export(cli *c, int argc, char **argv);
int cmd_import(cli *c, int argc, char **argv);
int cmd_export_via_sibling(cli *c, int argc, char **argv);
/* export --format oscal|oscal-poam, handled in taisaku itself. */
bool cli_export_is_oscal(int argc, char **argv);
int cmd_export_oscal(cli *c, int argc, char **argv);
int cmd_import_via_sibling(cli *c, int argc, char **argv);
int cmd_profile(cli *c, int argc, char **argv);
int cmd_serve_via_sibling(cli *c, int argc, char **argv);
int cmd_user_via_sibling(cli *c, int argc, char **argv);
int cmd_audit_via_sibling(cli *c, int argc, char **argv);
int cmd_db(cli *c, int argc, char **argv);
int cmd_org(cli *c, int argc, char **argv);
int cmd_system(cli *c, int argc, char **argv);
int cmd_round(cli *c, int argc, char **argv);
int cmd_history(cli *c, int argc, char **argv);
int cmd_portfolio(cli *c, int argc, char **argv);
int cmd_peers(cli *c, int argc, char **argv);
int cmd_benchmark(cli *c, int argc, char **argv);
int cmd_help(cli *c, int argc, char **argv);
int cmd_project(cli *c, int argc, char **argv);
int catalog_coverage(cli *c, int argc, char **argv);
int cmd_version(cli *c, int argc, char **argv);

/* ---- compliance assessments (cmd_compliance.c) ---- */

/* Whether the file names a catalog of kind compliance (false when it
 * cannot be read or parsed: the ECOM loader then reports why). In cli.c,
 * for taisaku and taisaku-workbook alike. */
bool cli_is_compliance(cli_catalogs *cats, const char *path);
int compliance_evaluate(cli *c, cli_catalogs *cats, const char *path, const char *format);
/* One line (text or JSON) of evaluate --batch; returns the file's exit status. */
int compliance_batch_line(cli *c, cli_catalogs *cats, const char *path, bool json, FILE *f);
int compliance_plan(cli *c, const tk_catalog *cat, const char *name);
int compliance_diff(cli *c, cli_catalogs *cats, const char *old_path, const char *new_path, const char *format);
/* Whether two rounds can be compared (diff): the same catalog, else an
 * error said; different system names only get a note on stderr. */
bool cli_diff_comparable(const cli *c, const tk_catalog *a, const tk_catalog *b, const char *system_a,
	const char *system_b);
int compliance_report(cli *c, cli_catalogs *cats, const char *path);
/* report --kind rules: the organisation's rules; --kind ssp: the defense
 * system security implementation plan. */
int compliance_rules(cli *c, cli_catalogs *cats, const char *path);
int compliance_ssp(cli *c, cli_catalogs *cats, const char *path);

/* ---- compliance checklists (cmd_workbook_compliance.c, in taisaku-workbook) ---- */
/* Whether a workbook file reads as a compliance checklist. */
bool workbook_is_compliance(const char *path);
int compliance_export(cli *c, cli_catalogs *cats, const char *path, bool xlsx);
int compliance_import(cli *c, cli_catalogs *cats);

/* Prints the help of one command (or the overview when name is NULL). */
int help_print(const cli *c, const char *name, FILE *out);

extern const command cli_commands[];

#endif
