/* History and portfolio as text, JSON and (portfolio) HTML. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "taisaku/chart.h"
#include "taisaku/compliance.h"
#include "taisaku/report.h"
#include "taisaku/store.h"

static const char *T(tk_lang lang, const char *ja, const char *en)
{
	return lang == TK_LANG_EN ? en : ja;
}

bool tk_store_format_parse(const char *name, tk_store_format *out)
{
	static const char *const NAMES[] = { "text", "json", "html" };
	for (int i = 0; i < 3; i++)
		if (name && strcmp(name, NAMES[i]) == 0) {
			*out = (tk_store_format)i;
			return true;
		}
	return false;
}

static json_t *level_or_null(bool counted, double level)
{
	return counted ? json_real(level) : json_null();
}

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* The fields of a round both writers' JSON share; a compliance round adds
 * kind "compliance", its compliance (0..1, unrounded, or null), the count
 * per status and the open items. */
static json_t *round_json_ecom(const tk_store_round *r);

static json_t *round_json(const tk_store_round *r)
{
	json_t *o = round_json_ecom(r);
	json_object_set_new(o, "kind", json_string(r->is_compliance ? "compliance" : "ecom"));
	if (r->is_compliance) {
		json_object_set_new(o, "compliance", level_or_null(r->compliance_counted, r->compliance));
		json_object_set_new(o, "applicable", json_integer((json_int_t)r->n_applicable));
		json_object_set_new(o, "implemented", json_integer((json_int_t)r->n_implemented));
		json_object_set_new(o, "partial", json_integer((json_int_t)r->n_partial));
		json_object_set_new(o, "not_implemented", json_integer((json_int_t)r->n_not_implemented));
		json_object_set_new(o, "open", json_integer((json_int_t)r->n_open));
		/* Levels and targets mean nothing here. */
		json_object_del(o, "level");
		json_object_del(o, "target");
		json_object_del(o, "met");
		json_object_del(o, "under");
		json_object_del(o, "over");
	}
	return o;
}

static json_t *round_json_ecom(const tk_store_round *r)
{
	return json_pack("{s:I, s:o, s:o, s:s, s:s, s:s, s:o, s:i, s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:b, s:o}",
		"round", (json_int_t)r->id, "date", text_or_null(r->date), "assessor", text_or_null(r->assessor),
		"catalog", r->catalog_id, "catalog_version", r->catalog_version, "catalog_hash", r->catalog_hash,
		"level", level_or_null(r->counted, r->level), "target", r->target, "complete", r->complete,
		"met", (json_int_t)r->n_met, "under", (json_int_t)r->n_under, "over", (json_int_t)r->n_over,
		"unknown", (json_int_t)r->n_unknown, "na", (json_int_t)r->n_na,
		"unassessed", (json_int_t)r->n_unassessed, "closed", r->closed,
		"closed_at", text_or_null(r->closed_at));
}

static void level_text(FILE *f, bool counted, double level)
{
	if (counted)
		fprintf(f, "%.1f", tk_round1(level));
	else
		fputs("-", f);
}

/* A level of an ECOM round, or a compliance of a compliance round as a
 * percentage ("78.3%", "-" when nothing is applicable). */
static void value_text(FILE *f, bool compliance, bool counted, double value)
{
	char buf[16];
	if (compliance)
		fputs(tk_compliance_percent(counted ? value : NAN, buf, sizeof(buf)), f);
	else
		level_text(f, counted, value);
}

/* The overall figure of a round: "2.8 (3)" or "78.3%". */
static void round_value_text(FILE *f, const tk_store_round *r)
{
	if (r->is_compliance) {
		value_text(f, true, r->compliance_counted, r->compliance);
		return;
	}
	level_text(f, r->counted, r->level);
	fprintf(f, " (%d)", r->target);
}

/* ---- history ---- */

static tk_status history_json(const tk_store_round *v, size_t n, FILE *f, tk_error *err)
{
	json_t *doc = json_object(), *rounds = json_array();
	json_object_set_new(doc, "organization", n ? json_string(v[0].org) : json_null());
	json_object_set_new(doc, "system", n ? json_string(v[0].system) : json_null());
	for (size_t i = 0; i < n; i++) {
		json_t *r = round_json(&v[i]), *domains = json_object();
		for (size_t d = 0; d < v[i].n_domains; d++)
			json_object_set_new(domains, v[i].domains[d].id,
				level_or_null(v[i].domains[d].counted, v[i].domains[d].level));
		/* A compliance round's per-section compliance, 0..1 or null. */
		json_object_set_new(r, v[i].is_compliance ? "sections" : "domains", domains);
		json_array_append_new(rounds, r);
	}
	json_object_set_new(doc, "rounds", rounds);
	return tk_json_write(doc, f, err);
}

/* A round's level of domain id, if it has one. */
static const tk_store_level *domain_of(const tk_store_round *r, const char *id)
{
	for (size_t d = 0; d < r->n_domains; d++)
		if (strcmp(r->domains[d].id, id) == 0)
			return &r->domains[d];
	return NULL;
}

/* Was this domain id already printed (by an earlier round's catalog)? */
static bool seen_before(const tk_store_round *v, size_t upto, const char *id)
{
	for (size_t i = 0; i < upto; i++)
		if (domain_of(&v[i], id))
			return true;
	return false;
}

static void history_text(const tk_store_round *v, size_t n, tk_lang lang, FILE *f)
{
	if (!n) {
		fputs(T(lang, "評価回はまだありません。\n", "No rounds yet.\n"), f);
		return;
	}
	fprintf(f, "%s%s%s%s\n", v[0].system, T(lang, "（", " ("), v[0].org, T(lang, "）", ")"));
	/* One column per round, one row per fact; tab-separated so that a
	 * spreadsheet or `column -t -s$'\t'` lines it up. */
	fputs(T(lang, "評価回", "round"), f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "\t#%lld", (long long)v[i].id);
	fputs(T(lang, "\n日付", "\ndate"), f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "\t%s", v[i].date ? v[i].date : "-");
	/* A system with compliance rounds: which catalog each round is of, and
	 * labels that say what a compliance round's figures are. */
	bool any = false, all = true;
	for (size_t i = 0; i < n; i++) {
		any = any || v[i].is_compliance;
		all = all && v[i].is_compliance;
	}
	if (any) {
		fputs(T(lang, "\nカタログ", "\ncatalog"), f);
		for (size_t i = 0; i < n; i++)
			fprintf(f, "\t%s", v[i].catalog_id);
	}
	fputs(all ? T(lang, "\n準拠率", "\ncompliance")
		: any ? T(lang, "\nシステム（目標）／準拠率", "\nsystem (target) / compliance")
		      : T(lang, "\nシステム（目標）", "\nsystem (target)"), f);
	for (size_t i = 0; i < n; i++) {
		fputc('\t', f);
		round_value_text(f, &v[i]);
	}
	/* What is left to do: requirements under target, or open items. */
	fputs(all ? T(lang, "\n未完了項目", "\nopen items")
		: any ? T(lang, "\n改善が必要／未完了項目", "\nunder / open")
		      : T(lang, "\n改善が必要", "\nunder"), f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "\t%zu", v[i].is_compliance ? v[i].n_open : v[i].n_under);
	fputs(T(lang, "\n確定", "\nclosed"), f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "\t%s", v[i].closed ? T(lang, "済", "yes") : T(lang, "未", "no"));
	fputc('\n', f);
	for (size_t i = 0; i < n; i++)
		for (size_t d = 0; d < v[i].n_domains; d++) {
			const char *id = v[i].domains[d].id;
			if (seen_before(v, i, id))
				continue;
			fputs(id, f);
			for (size_t j = 0; j < n; j++) {
				const tk_store_level *l = domain_of(&v[j], id);
				fputc('\t', f);
				value_text(f, v[j].is_compliance, l && l->counted, l ? l->level : 0);
			}
			fputc('\n', f);
		}
}

tk_status tk_store_history_write(const tk_store_round *rounds, size_t n, tk_store_format fmt,
	tk_lang lang, FILE *out, tk_error *err)
{
	if (fmt == TK_STORE_JSON)
		return history_json(rounds, n, out, err);
	if (fmt == TK_STORE_HTML)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, "--format", "history の形式は text か json です",
			"history takes --format text or json");
	history_text(rounds, n, lang, out);
	return TK_OK;
}

/* ---- portfolio ---- */

static tk_status portfolio_json(const char *org, const tk_store_portfolio_row *rows, size_t n, FILE *f,
	tk_error *err)
{
	json_t *doc = json_object(), *systems = json_array();
	json_object_set_new(doc, "organization", json_string(org));
	for (size_t i = 0; i < n; i++) {
		const tk_store_portfolio_row *r = &rows[i];
		json_array_append_new(systems, json_pack("{s:s, s:s, s:s, s:I, s:o}", "name", r->system.name,
			"industry", r->system.industry, "size", r->system.size, "rounds", (json_int_t)r->system.n_rounds,
			"latest", r->has_round ? round_json(&r->latest) : json_null()));
	}
	json_object_set_new(doc, "systems", systems);
	return tk_json_write(doc, f, err);
}

/* Whether any system's latest round is a compliance round (the headings
 * then name both kinds of figure). */
static bool portfolio_has_compliance(const tk_store_portfolio_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].has_round && rows[i].latest.is_compliance)
			return true;
	return false;
}

static void portfolio_text(const char *org, const tk_store_portfolio_row *rows, size_t n, tk_lang lang, FILE *f)
{
	fprintf(f, T(lang, "%s（システム %zu）\n", "%s (%zu systems)\n"), org, n);
	if (portfolio_has_compliance(rows, n))
		fputs(T(lang, "システム\t業種\t規模\t評価回\t日付\tレベル（目標）／準拠率\t改善が必要／未完了\t要調査\t未評価\n",
			"system\tindustry\tsize\tround\tdate\tlevel (target) / compliance\tunder / open\tunknown\tunassessed\n"),
			f);
	else
		fputs(T(lang, "システム\t業種\t規模\t評価回\t日付\tレベル（目標）\t改善が必要\t要調査\t未評価\n",
			"system\tindustry\tsize\tround\tdate\tlevel (target)\tunder\tunknown\tunassessed\n"), f);
	for (size_t i = 0; i < n; i++) {
		const tk_store_portfolio_row *r = &rows[i];
		fprintf(f, "%s\t%s\t%s\t", r->system.name, *r->system.industry ? r->system.industry : "-",
			*r->system.size ? r->system.size : "-");
		if (!r->has_round) {
			fputs(T(lang, "-\t-\t評価なし\t-\t-\t-\n", "-\t-\tnot assessed\t-\t-\t-\n"), f);
			continue;
		}
		fprintf(f, "#%lld\t%s\t", (long long)r->latest.id, r->latest.date ? r->latest.date : "-");
		round_value_text(f, &r->latest);
		if (r->latest.is_compliance)
			fprintf(f, T(lang, "\t未完了 %zu（%s）", "\t%zu open (%s)"), r->latest.n_open, r->latest.catalog_id);
		else
			fprintf(f, "\t%zu", r->latest.n_under);
		fprintf(f, "\t%zu\t%zu\n", r->latest.n_unknown, r->latest.n_unassessed);
	}
}

static void esc(FILE *f, const char *s)
{
	tk_chart_escape(f, s);
}

static const char STYLE[] =
	"body{font-family:'Noto Sans CJK JP','Noto Sans JP',sans-serif;margin:2em;color:#222}"
	"table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left}"
	"td.n{text-align:right}tr.under td{background:#fde8e8}h1{font-size:1.4em}svg{max-width:100%;height:auto}";

static tk_status portfolio_html(const char *org, const tk_store_portfolio_row *rows, size_t n, tk_lang lang,
	FILE *f, tk_error *err)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
		"<title>", lang == TK_LANG_EN ? "en" : "ja");
	esc(f, org);
	fprintf(f, " — %s</title><style>%s</style></head><body>\n<h1>", T(lang, "ポートフォリオ", "Portfolio"), STYLE);
	esc(f, org);
	fprintf(f, "</h1>\n<p>%s %zu</p>\n", T(lang, "システム数", "Systems:"), n);
	/* The chart: each system's level as a bar, its target as a tick; bars
	 * below target in red, as in the assessment report. */
	const char **labels = calloc(n ? n : 1, sizeof(*labels)), **colors = calloc(n ? n : 1, sizeof(*colors));
	double *levels = calloc(n ? n : 1, sizeof(*levels)), *targets = calloc(n ? n : 1, sizeof(*targets));
	/* The level as people read it, beside each bar: "2.8", or "" for none. */
	char (*texts)[8] = calloc(n ? n : 1, sizeof(*texts));
	const char **text_ptrs = calloc(n ? n : 1, sizeof(*text_ptrs));
	bool *under = calloc(n ? n : 1, sizeof(*under));
	tk_status st = TK_OK;
	if (!labels || !colors || !levels || !targets || !texts || !text_ptrs || !under) {
		st = tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		goto out;
	}
	/* Only systems whose latest round is an ECOM round have a level to
	 * chart; a compliance round's percentage is in the table. m counts the
	 * bars, i the rows; under[i] marks a row below target. */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const tk_store_portfolio_row *r = &rows[i];
		if (r->has_round && r->latest.is_compliance)
			continue;
		labels[m] = r->system.name;
		bool has = r->has_round && r->latest.counted;
		levels[m] = has ? r->latest.level : NAN;
		targets[m] = r->has_round ? r->latest.target : NAN;
		colors[m] = has && r->latest.level + 1e-9 < r->latest.target ? "#c0392b" : NULL;
		under[i] = colors[m] != NULL;
		if (has)
			snprintf(texts[m], sizeof(texts[m]), "%.1f", tk_round1(r->latest.level));
		text_ptrs[m] = texts[m];
		m++;
	}
	if (m) {
		tk_chart_series series[2] = {
			{ .name = T(lang, "達成レベル", "achieved level"), .values = levels, .texts = text_ptrs,
			  .mark = TK_CHART_FILL, .color = "#1f5fa8", .colors = colors },
			{ .name = T(lang, "目標レベル", "target level"), .values = targets, .mark = TK_CHART_LINE,
			  .color = "#222" },
		};
		tk_chart chart = { .n = m, .labels = labels, .n_series = 2, .series = series, .min = 0, .max = 5,
			.title = T(lang, "システムごとの達成レベルと目標", "Achieved and target level per system"),
			.missing_text = T(lang, "評価なし", "not assessed") };
		if ((st = tk_chart_bars(f, &chart, err)))
			goto out;
	}
	bool mixed = portfolio_has_compliance(rows, n);
	fprintf(f, "\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		"<th>%s</th><th>%s</th></tr>\n", T(lang, "システム", "System"), T(lang, "業種", "Industry"),
		T(lang, "規模", "Size"), T(lang, "評価回", "Round"), T(lang, "日付", "Date"),
		mixed ? T(lang, "達成レベル／準拠率", "Level / compliance") : T(lang, "達成レベル", "Level"),
		mixed ? T(lang, "目標／カタログ", "Target / catalog") : T(lang, "目標", "Target"),
		mixed ? T(lang, "改善が必要／未完了", "Under / open") : T(lang, "改善が必要", "Under"),
		T(lang, "要調査", "Unknown"));
	for (size_t i = 0; i < n; i++) {
		const tk_store_portfolio_row *r = &rows[i];
		fprintf(f, "<tr%s><td>", under[i] ? " class=under" : "");
		esc(f, r->system.name);
		fputs("</td><td>", f);
		esc(f, r->system.industry);
		fputs("</td><td>", f);
		esc(f, r->system.size);
		if (!r->has_round) {
			fprintf(f, "</td><td colspan=6>%s</td></tr>\n", T(lang, "評価なし", "not assessed"));
			continue;
		}
		fprintf(f, "</td><td class=n>%lld</td><td>", (long long)r->latest.id);
		esc(f, r->latest.date ? r->latest.date : "-");
		fputs("</td><td class=n>", f);
		if (r->latest.is_compliance) {
			/* The compliance, the catalog in place of a target, the open items. */
			value_text(f, true, r->latest.compliance_counted, r->latest.compliance);
			fputs("</td><td>", f);
			esc(f, r->latest.catalog_id);
			fprintf(f, "</td><td class=n>%s %zu</td><td class=n>%zu</td></tr>\n", T(lang, "未完了", "open"),
				r->latest.n_open, r->latest.n_unknown);
			continue;
		}
		level_text(f, r->latest.counted, r->latest.level);
		fprintf(f, "</td><td class=n>%d</td><td class=n>%zu</td><td class=n>%zu</td></tr>\n", r->latest.target,
			r->latest.n_under, r->latest.n_unknown);
	}
	fputs("</table>\n</body></html>\n", f);
out:
	free(labels);
	free(colors);
	free(levels);
	free(targets);
	free(texts);
	free(text_ptrs);
	free(under);
	return st;
}

tk_status tk_store_portfolio_write(const char *org, const tk_store_portfolio_row *rows, size_t n,
	tk_store_format fmt, tk_lang lang, FILE *out, tk_error *err)
{
	switch (fmt) {
	case TK_STORE_JSON: return portfolio_json(org, rows, n, out, err);
	case TK_STORE_HTML: return portfolio_html(org, rows, n, lang, out, err);
	case TK_STORE_TEXT: break;
	}
	portfolio_text(org, rows, n, lang, out);
	return TK_OK;
}
