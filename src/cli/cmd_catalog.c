/* taisaku catalog list | show | export (import: cmd_catalog_import.c) */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "taisaku/export.h"
#include "../lib/export_internal.h"

#define USAGE_LIST "taisaku catalog list [--json] [--catalog-dir DIR]"
#define USAGE_SHOW "taisaku catalog show CATALOG [ID] [--json] [--lang ja|en] [--catalog-dir DIR]"
#define USAGE_EXPORT "taisaku catalog export CATALOG --format json|yaml|csv|oscal [-o FILE] [--catalog-dir DIR]"

static const char *title(const cli *c, const char *ja, const char *en)
{
	return c->lang == TK_LANG_EN && en ? en : ja;
}

static int catalog_list(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_JSON | OPT_CATALOG_DIR, 0, 0, USAGE_LIST))
		return EXIT_ERROR;
	tk_error err = { 0 };
	tk_catalog_entry *entries;
	size_t n;
	if (tk_catalog_dir_list(c->catalog_dir, &entries, &n, &err))
		return cli_error(c, &err);
	cli_out o;
	if (!cli_out_open(c, &o)) {
		free(entries);
		return EXIT_ERROR;
	}
	json_t *arr = c->json ? json_array() : NULL;
	int rc = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		tk_catalog *cat;
		tk_error e = { 0 };
		if (tk_catalog_load_cached(entries[i].path, &cat, &e)) {
			/* One broken catalog must not hide the others: report it and go on. */
			rc = cli_error(c, &e);
			continue;
		}
		if (arr) {
			json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:s}",
				"id", cat->id, "title_ja", cat->title_ja, "title_en", cat->title_en,
				"version", cat->version,
				"kind", cat->kind == TK_CATALOG_STRENGTH ? "strength" : "compliance",
				"domains", (json_int_t)cat->n_domains,
				"requirements", (json_int_t)cat->n_requirements, "path", entries[i].path));
		} else {
			fprintf(o.f, "%-14s %s (%s)  %zu %s\n", cat->id,
				title(c, cat->title_ja, cat->title_en), cat->version, cat->n_requirements,
				cli_tr(c, "要求", "requirements"));
		}
		tk_catalog_free(cat);
	}
	free(entries);
	if (arr) {
		tk_error e = { 0 };
		tk_json_write(arr, o.f, &e);
	}
	int out_rc = cli_out_close(c, &o, true);
	return rc ? rc : out_rc;
}

/* ---- show ---- */

static void indent(FILE *f, int n)
{
	for (int i = 0; i < n; i++)
		fputs("  ", f);
}

/* Prints multi-line text with every line indented. */
static void block(FILE *f, int level, const char *text)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		indent(f, level);
		fprintf(f, "%.*s\n", (int)len, p);
		p += len + (nl != NULL);
	}
}

static void show_items(FILE *f, const tk_item *items, size_t n, int level)
{
	for (size_t i = 0; i < n; i++) {
		indent(f, level);
		fputs("・", f);
		/* The first line follows the bullet; further lines align under it. */
		const char *t = items[i].text_ja, *nl = strchr(t, '\n');
		if (nl) {
			fprintf(f, "%.*s\n", (int)(nl - t), t);
			block(f, level + 1, nl + 1);
		} else {
			fprintf(f, "%s\n", t);
		}
		show_items(f, items[i].items, items[i].n_items, level + 1);
	}
}

static void show_notes(const cli *c, FILE *f, const tk_notes *notes, int level)
{
	for (size_t i = 0; i < notes->n; i++) {
		const tk_note *n = &notes->v[i];
		indent(f, level);
		fprintf(f, "%s%s%s%s\n", cli_tr(c, "注記: ", "note: "),
			c->lang == TK_LANG_JA && n->text_ja ? n->text_ja : n->text_en,
			n->ref ? " @" : "", n->ref ? n->ref : "");
	}
}

static void show_marks(const cli *c, FILE *f, const char *ja, const char *en,
	const tk_marks *m, const tk_label *labels)
{
	if (!m->n_primary && !m->n_secondary)
		return;
	fprintf(f, "%s:", cli_tr(c, ja, en));
	for (size_t i = 0; i < m->n_primary; i++)
		fprintf(f, " %s", title(c, labels[m->primary[i]].title_ja, labels[m->primary[i]].title_en));
	for (size_t i = 0; i < m->n_secondary; i++)
		fprintf(f, " (%s)", title(c, labels[m->secondary[i]].title_ja, labels[m->secondary[i]].title_en));
	fputc('\n', f);
}

/* What compliance catalogs carry: how binding the item is, the values the
 * organisation sets, and the documents the item requires. */
static void show_compliance(const cli *c, FILE *f, const tk_requirement *r)
{
	static const char *ja[] = { "", "義務（〜すること）", "推奨（〜が望ましい）", "検討（〜を検討すること）" };
	static const char *en[] = { "", "shall", "should", "consider" };
	if (r->modality)
		fprintf(f, "%s: %s\n", cli_tr(c, "求めの強さ", "modality"),
			cli_tr(c, ja[r->modality], en[r->modality]));
	if (r->n_parameters) {
		fprintf(f, "%s:\n", cli_tr(c, "組織が定める値", "organisation-defined values"));
		for (size_t i = 0; i < r->n_parameters; i++)
			fprintf(f, "  %s: %s\n", r->parameters[i].title_ja, r->parameters[i].value
				? r->parameters[i].value : cli_tr(c, "（組織が定める）", "(set by the organisation)"));
	}
	if (r->documents_ja.n) {
		fprintf(f, "%s:", cli_tr(c, "求められる文書", "documents required"));
		for (size_t i = 0; i < r->documents_ja.n; i++)
			fprintf(f, "%s%s", i ? "、" : " ", r->documents_ja.v[i]);
		fputc('\n', f);
	}
}

static void show_requirement(const cli *c, FILE *f, const tk_catalog *cat, const tk_requirement *r)
{
	const tk_domain *d = &cat->domains[r->domain];
	fprintf(f, "%s %s\n", r->id, r->title_ja);
	fprintf(f, "  %s\n", r->title_en);
	fprintf(f, "%s: %s %s\n", cli_tr(c, "対策ドメイン", "domain"), d->id, title(c, d->title_ja, d->title_en));
	fprintf(f, "%s: %s\n", cli_tr(c, "種別", "kind"),
		r->kind == TK_KIND_TECHNICAL ? cli_tr(c, "技術的", "technical") : cli_tr(c, "業務・管理的", "management"));
	if (r->role_ja)
		fprintf(f, "%s: %s\n", cli_tr(c, "責任者", "role"), r->role_ja);
	if (r->purpose_ja) {
		/* ECOM calls it 主旨; in a compliance catalog it is the item's text. */
		if (cat->kind == TK_CATALOG_STRENGTH)
			fprintf(f, "%s:\n", cli_tr(c, "主旨", "purpose"));
		else
			fprintf(f, "%s:\n", cli_tr(c, "本文", "text"));
		block(f, 1, r->purpose_ja);
	}
	if (r->n_points) {
		fprintf(f, "%s:\n", cli_tr(c, "対策のポイント", "countermeasure points"));
		for (size_t i = 0; i < r->n_points; i++) {
			const tk_point *p = &r->points[i];
			indent(f, 1);
			fprintf(f, "%s%s\n", p->label ? p->label : "・", p->title_ja);
			if (p->text_ja)
				block(f, 2, p->text_ja);
			show_items(f, p->items, p->n_items, 2);
		}
	}
	/* ISO/IEC 17799 references belong to the strength catalogs (ECOM). */
	if (cat->kind == TK_CATALOG_STRENGTH || r->n_isms) {
		fprintf(f, "%s:", cli_tr(c, "対応 ISMS コントロール", "ISO/IEC 17799 controls"));
		if (!r->n_isms)
			fprintf(f, " %s", cli_tr(c, "なし", "none"));
		for (size_t i = 0; i < r->n_isms; i++)
			fprintf(f, "%s%s%s%s", i ? ", " : " ", r->isms[i].id, r->isms[i].title_ja ? " " : "",
				r->isms[i].title_ja ? r->isms[i].title_ja : "");
		fputc('\n', f);
	}
	show_compliance(c, f, r);
	show_marks(c, f, "活動区分", "activities", &r->activities, cat->activities);
	show_marks(c, f, "主たる担当部門", "departments", &r->departments, cat->departments);
	show_notes(c, f, &r->notes, 0);
}

static void show_domain_line(const cli *c, FILE *f, const tk_catalog *cat, const tk_domain *d, int level)
{
	indent(f, level);
	fprintf(f, "%s %s\n", d->id, title(c, d->title_ja, d->title_en));
	for (uint32_t i = 0; i < d->n_requirements; i++) {
		const tk_requirement *r = &cat->requirements[d->first_requirement + i];
		indent(f, level + 1);
		fprintf(f, "%s %s\n", r->id, title(c, r->title_ja, r->title_en));
	}
}

static void show_view(const cli *c, FILE *f, const tk_catalog *cat, const tk_view *v)
{
	fprintf(f, "%s %s\n", v->id, title(c, v->title_ja, v->title_en));
	if (!v->n_subviews) {
		for (uint32_t i = 0; i < v->n_domains; i++)
			show_domain_line(c, f, cat, &cat->domains[v->first_domain + i], 1);
		return;
	}
	for (uint32_t s = 0; s < v->n_subviews; s++) {
		const tk_subview *sv = &cat->subviews[v->first_subview + s];
		indent(f, 1);
		fprintf(f, "%s %s\n", sv->id, title(c, sv->title_ja, sv->title_en));
		for (uint32_t i = 0; i < sv->n_domains; i++)
			show_domain_line(c, f, cat, &cat->domains[sv->first_domain + i], 2);
	}
}

static void show_tree(const cli *c, FILE *f, const tk_catalog *cat)
{
	fprintf(f, "%s %s (%s)\n", cat->id, title(c, cat->title_ja, cat->title_en), cat->version);
	fprintf(f, "%zu %s, %zu %s, %zu %s\n\n", cat->n_views, cli_tr(c, "ビュー", "views"),
		cat->n_domains, cli_tr(c, "対策ドメイン", "domains"), cat->n_requirements,
		cli_tr(c, "対策要求", "requirements"));
	for (size_t i = 0; i < cat->n_views; i++)
		show_view(c, f, cat, &cat->views[i]);
}

static int catalog_show(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_JSON | OPT_CATALOG_DIR, 1, 2, USAGE_SHOW))
		return EXIT_ERROR;
	tk_error err = { 0 };
	tk_catalog *cat;
	if (cli_load_catalog(c, c->args[0], &cat, &err))
		return cli_error(c, &err);
	const char *id = c->nargs > 1 ? c->args[1] : NULL;
	const tk_requirement *r = id ? tk_catalog_requirement(cat, id) : NULL;
	const tk_domain *d = id && !r ? tk_catalog_domain(cat, id) : NULL;
	const tk_view *v = id && !r && !d ? tk_catalog_view(cat, id) : NULL;
	if (id && !r && !d && !v) {
		tk_catalog_free(cat);
		return cli_fail(c, "カタログ '%s' に ID '%s' はありません", "catalog '%s' has no ID '%s'",
			c->args[0], id);
	}
	cli_out o;
	if (!cli_out_open(c, &o)) {
		tk_catalog_free(cat);
		return EXIT_ERROR;
	}
	bool ok = true;
	if (c->json) {
		json_t *doc;
		if (r)
			doc = tk_requirement_json(cat, r);
		else if (d || v) {
			/* A domain or view: its requirements, in order. */
			doc = json_array();
			for (size_t i = 0; i < cat->n_requirements; i++) {
				const tk_requirement *q = &cat->requirements[i];
				const tk_domain *qd = &cat->domains[q->domain];
				if (qd == d || (v && &cat->views[qd->view] == v))
					json_array_append_new(doc, tk_requirement_json(cat, q));
			}
		} else
			doc = tk_catalog_json(cat);
		ok = tk_json_write(doc, o.f, &err) == TK_OK;
	} else if (r) {
		show_requirement(c, o.f, cat, r);
	} else if (d) {
		show_domain_line(c, o.f, cat, d, 0);
		if (d->purpose_ja) {
			fprintf(o.f, "\n%s:\n", cli_tr(c, "目的", "purpose"));
			block(o.f, 1, d->purpose_ja);
		}
		show_notes(c, o.f, &d->notes, 0);
	} else if (v) {
		show_view(c, o.f, cat, v);
	} else {
		show_tree(c, o.f, cat);
	}
	tk_catalog_free(cat);
	if (!ok)
		cli_error(c, &err);
	return cli_out_close(c, &o, ok);
}

static int catalog_export(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CATALOG_DIR, 1, 1, USAGE_EXPORT))
		return EXIT_ERROR;
	if (!c->format)
		return cli_fail(c, "--format を指定してください（使い方: %s）", "--format is required (usage: %s)",
			USAGE_EXPORT);
	int format = tk_format_parse(c->format);
	if (format < 0)
		return cli_fail(c, "形式 '%s' は使えません（json, yaml, csv, oscal）",
			"unknown format '%s' (json, yaml, csv, oscal)", c->format);
	tk_error err = { 0 };
	tk_catalog *cat;
	if (cli_load_catalog(c, c->args[0], &cat, &err))
		return cli_error(c, &err);
	cli_out o;
	if (!cli_out_open(c, &o)) {
		tk_catalog_free(cat);
		return EXIT_ERROR;
	}
	tk_status st = tk_catalog_export(cat, (tk_format)format, o.f, &err);
	tk_catalog_free(cat);
	return cli_out_done(c, &o, st, &err);
}

int cmd_catalog(cli *c, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(cli *, int, char **);
	} subs[] = {
		{ "list", catalog_list }, { "show", catalog_show }, { "export", catalog_export },
		{ "coverage", catalog_coverage },
		{ "import", catalog_import },
	};
	if (argc < 1)
		return help_print(c, "catalog", stderr), EXIT_ERROR;
	for (size_t i = 0; i < sizeof(subs) / sizeof(*subs); i++)
		if (strcmp(argv[0], subs[i].name) == 0)
			return subs[i].run(c, argc - 1, argv + 1);
	return cli_fail(c, "'catalog %s' はありません（list, show, export, coverage, import）",
		"no such command 'catalog %s' (list, show, export, coverage, import)", argv[0]);
}
