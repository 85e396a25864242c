/* An evaluation as one self-contained HTML page: the same content as the
 * console summary, as tables, for `evaluate --format html`. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/report.h"

static void esc(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f);
		}
	}
}

static const char *T(tk_lang lang, const char *ja, const char *en)
{
	return lang == TK_LANG_EN ? en : ja;
}

static void level_cells(FILE *f, const tk_aggregate *g)
{
	if (g->counted)
		fprintf(f, "<td class=n>%.1f</td><td class=n>%.1f</td>", tk_round1(g->level), tk_round1(g->target));
	else
		fputs("<td class=n>-</td><td class=n>-</td>", f);
}

static const char STYLE[] =
	"body{font-family:'Noto Sans CJK JP','Noto Sans JP',sans-serif;margin:2em;color:#222}"
	"table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left}"
	"td.n{text-align:right}tr.under td{background:#fde8e8}tr.over td{background:#eef5fd}"
	"tr.unknown td{background:#fff6d6}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}";

tk_status tk_evaluation_write_html(const tk_evaluation *e, tk_lang lang, FILE *f, tk_error *err)
{
	const tk_assessment *a = e->assessment;
	const tk_catalog *c = a->catalog;
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
		"<title>", lang == TK_LANG_EN ? "en" : "ja");
	esc(f, a->system_name);
	fprintf(f, "</title><style>%s</style></head><body>\n<h1>", STYLE);
	esc(f, a->system_name);
	fputs("</h1>\n<p>", f);
	esc(f, lang == TK_LANG_EN ? c->title_en : c->title_ja);
	if (a->date) {
		fputs(" / ", f);
		esc(f, a->date);
	}
	fprintf(f, "</p>\n<p>%s %d", T(lang, "目標レベル", "Target level"), a->level);
	if (e->system.counted)
		fprintf(f, "%s%s %.1f%s %s <strong>%.1f</strong>", T(lang, "（", " ("), T(lang, "目標の平均", "mean target"),
			tk_round1(e->system.target), T(lang, "）", ")"), T(lang, "達成レベル", "achieved level"),
			tk_round1(e->system.level));
	fputs("</p>\n", f);
	if (!e->complete)
		fprintf(f, "<p>%s</p>\n", T(lang, "未評価の対策要求があり、評価は完了していません。",
			"Some requirements are not assessed; the evaluation is incomplete."));
	fprintf(f, "<h2>%s</h2>\n<table><tr><th>ID</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
		T(lang, "対策ドメイン", "Domains"), T(lang, "名称", "Title"), T(lang, "達成", "Achieved"),
		T(lang, "目標", "Target"));
	for (size_t d = 0; d < c->n_domains; d++) {
		fprintf(f, "<tr%s><td>", e->domains[d].counted && e->domains[d].level + 1e-9 < e->domains[d].target
			? " class=under" : "");
		esc(f, c->domains[d].id);
		fputs("</td><td>", f);
		esc(f, lang == TK_LANG_EN ? c->domains[d].title_en : c->domains[d].title_ja);
		fputs("</td>", f);
		level_cells(f, &e->domains[d]);
		fputs("</tr>\n", f);
	}
	fprintf(f, "</table>\n<h2>%s</h2>\n<table><tr><th>ID</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
		T(lang, "対策要求", "Requirements"), T(lang, "名称", "Title"), T(lang, "状態", "Status"),
		T(lang, "達成", "Achieved"), T(lang, "目標", "Target"), T(lang, "目標に足りないもの", "Missing for the target"));
	for (size_t i = 0; i < c->n_requirements; i++) {
		const tk_req_result *r = &e->requirements[i];
		fprintf(f, "<tr class=%s><td>", tk_req_status_name(r->status));
		esc(f, c->requirements[i].id);
		fputs("</td><td>", f);
		esc(f, lang == TK_LANG_EN ? c->requirements[i].title_en : c->requirements[i].title_ja);
		fprintf(f, "</td><td>%s</td>", tk_req_status_label(r->status, lang));
		if (r->counted)
			fprintf(f, "<td class=n>%d</td>", r->achieved);
		else
			fputs("<td class=n>-</td>", f);
		fprintf(f, "<td class=n>%d</td><td>", r->target);
		for (size_t k = 0; k < r->n_missing_target; k++) {
			char buf[32];
			tk_shortfall_text(&r->missing_target[k], buf, sizeof(buf));
			fprintf(f, "%s%s %s", k ? ", " : "", tk_element_label(r->missing_target[k].element, lang), buf);
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</table>\n</body></html>\n", f);
	if (ferror(f))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "出力できません", "cannot write the output");
	return TK_OK;
}
