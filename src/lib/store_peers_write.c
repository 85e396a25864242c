/* A system against its peer group as text, JSON (issue 9's contract) and
 * HTML (a radar of the system against the peer mean, and the tables). */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "taisaku/chart.h"
#include "taisaku/report.h"
#include "taisaku/store.h"

/* How many requirements the text and the page list as lagging most. */
enum { LAGGING = 10 };

static const char *T(tk_lang lang, const char *ja, const char *en)
{
	return lang == TK_LANG_EN ? en : ja;
}

static json_t *num(double x)
{
	return isfinite(x) ? json_real(x) : json_null();
}

static json_t *entry_json(const tk_store_peer_entry *e)
{
	const tk_peer_stat *s = &e->stat;
	json_t *o = json_object();
	if (e->id)
		json_object_set_new(o, "id", json_string(e->id));
	json_object_set_new(o, "level", num(s->level));
	json_object_set_new(o, "count", json_integer((json_int_t)s->count));
	json_object_set_new(o, "mean", num(s->mean));
	json_object_set_new(o, "sd", num(s->sd));
	json_object_set_new(o, "percentile", num(s->percentile));
	json_object_set_new(o, "deviation", num(s->deviation));
	return o;
}

static json_t *entries_json(const tk_store_peer_entry *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, entry_json(&v[i]));
	return a;
}

static const char *const ATTRS[] = { "industry", "size", "level" };

static tk_status peers_json(const tk_store_peer_result *p, FILE *f, tk_error *err)
{
	json_t *attrs = json_array();
	for (int i = 0; i < 3; i++)
		if (p->group & (1u << i))
			json_array_append_new(attrs, json_string(ATTRS[i]));
	json_t *doc = json_object();
	json_object_set_new(doc, "group", json_pack("{s:o, s:I, s:I}", "attributes", attrs, "organisations",
		(json_int_t)p->summary.organisations, "systems", (json_int_t)p->n_systems));
	json_object_set_new(doc, "system", entry_json(&p->system_entry));
	json_object_set_new(doc, "views", entries_json(p->views, p->n_views));
	json_object_set_new(doc, "domains", entries_json(p->domains, p->n_domains));
	json_object_set_new(doc, "requirements", entries_json(p->requirements, p->n_requirements));
	return tk_json_write(doc, f, err);
}

static void attrs_text(const tk_store_peer_result *p, tk_lang lang, FILE *f)
{
	static const char *const JA[] = { "業種", "規模", "目標レベル" };
	bool any = false;
	for (int i = 0; i < 3; i++)
		if (p->group & (1u << i)) {
			fprintf(f, "%s%s", any ? ", " : "", lang == TK_LANG_EN ? ATTRS[i] : JA[i]);
			any = true;
		}
	if (!any)
		fputs(T(lang, "なし（同じカタログの全システム）", "none (every system of the catalog)"), f);
}

static void level1(FILE *f, double x)
{
	if (isfinite(x))
		fprintf(f, "%.1f", tk_round1(x));
	else
		fputs("-", f);
}

static int by_deviation(const void *a, const void *b)
{
	const tk_store_peer_entry *x = *(const tk_store_peer_entry *const *)a,
				  *y = *(const tk_store_peer_entry *const *)b;
	double d = x->stat.deviation - y->stat.deviation;
	return d < 0 ? -1 : d > 0 ? 1 : strcmp(x->id, y->id);
}

/* The requirements shown, with a level, below the peer mean, lowest
 * deviation value first; at most LAGGING. *n receives how many. */
static const tk_store_peer_entry **lagging(const tk_store_peer_result *p, size_t *n)
{
	const tk_store_peer_entry **v = calloc(p->n_requirements + 1, sizeof(*v));
	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < p->n_requirements; i++) {
		const tk_peer_stat *s = &p->requirements[i].stat;
		if (s->shown && s->has_level && s->level + 1e-9 < s->mean)
			v[(*n)++] = &p->requirements[i];
	}
	qsort(v, *n, sizeof(*v), by_deviation);
	if (*n > LAGGING)
		*n = LAGGING;
	return v;
}

static void stat_cells(FILE *f, const tk_peer_stat *s, const char *sep)
{
	level1(f, s->level);
	fprintf(f, "%s%zu%s", sep, s->count, sep);
	level1(f, s->mean);
	fputs(sep, f);
	if (isfinite(s->sd))
		fprintf(f, "%.2f", s->sd);
	else
		fputs("-", f);
	fputs(sep, f);
	if (isfinite(s->percentile))
		fprintf(f, "%.0f", s->percentile);
	else
		fputs("-", f);
	fputs(sep, f);
	level1(f, s->deviation);
}

static tk_status peers_text(const tk_store_peer_result *p, tk_lang lang, FILE *f, tk_error *err)
{
	fprintf(f, T(lang, "%s（%s）評価回 #%lld（%s）、カタログ %s\n", "%s (%s) round #%lld (%s), catalog %s\n"),
		p->system.name, p->system.org, (long long)p->round_id, *p->date ? p->date : "-", p->catalog_id);
	fputs(T(lang, "比較の属性: ", "peer attributes: "), f);
	attrs_text(p, lang, f);
	fprintf(f, T(lang, "\n比較対象: %zu システム、%zu 組織\n", "\npeers: %zu systems, %zu organisations\n"),
		p->n_systems, p->summary.organisations);
	if (p->summary.suppressed) {
		fprintf(f, T(lang, "比較対象の組織が %d 未満のため、統計は示しません（k-匿名性）。\n",
			"fewer than %d organisations in the group: no statistics are shown (k-anonymity).\n"),
			TK_PEERS_MIN_ORGANISATIONS);
		return TK_OK;
	}
	const char *head = T(lang, "\tレベル\t件数\t平均\t標準偏差\tパーセンタイル\t偏差値\n",
		"\tlevel\tcount\tmean\tsd\tpercentile\tdeviation\n");
	fprintf(f, "\n%s%s", T(lang, "システム", "system"), head);
	fputs(T(lang, "システム全体\t", "whole system\t"), f);
	stat_cells(f, &p->system_entry.stat, "\t");
	fprintf(f, "\n\n%s%s", T(lang, "ビュー", "view"), head);
	for (size_t i = 0; i < p->n_views; i++) {
		fprintf(f, "%s\t", p->views[i].id);
		stat_cells(f, &p->views[i].stat, "\t");
		fputc('\n', f);
	}
	size_t n;
	const tk_store_peer_entry **v = lagging(p, &n);
	if (!v)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	fprintf(f, T(lang, "\n比較対象より遅れている要求（偏差値の低い順、最大 %d）\n",
		"\nrequirements where the system lags most (lowest deviation value first, at most %d)\n"), LAGGING);
	if (!n)
		fputs(T(lang, "なし\n", "none\n"), f);
	else
		fprintf(f, "%s%s", T(lang, "要求", "requirement"), head);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%s\t", v[i]->id);
		stat_cells(f, &v[i]->stat, "\t");
		fputc('\n', f);
	}
	free(v);
	if (p->summary.n_suppressed)
		fprintf(f, T(lang, "\n組織が %d 未満のため示さない項目: %zu\n",
			"\nentries not shown (fewer than %d organisations): %zu\n"),
			TK_PEERS_MIN_ORGANISATIONS, p->summary.n_suppressed);
	return TK_OK;
}

static void esc(FILE *f, const char *s)
{
	tk_chart_escape(f, s);
}

static const char STYLE[] =
	"body{font-family:'Noto Sans CJK JP','Noto Sans JP',sans-serif;margin:2em;color:#222}"
	"table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left}"
	"td.n{text-align:right}h1{font-size:1.4em}svg{max-width:100%;height:auto}";

static void table_html(FILE *f, tk_lang lang, const char *first, const tk_store_peer_entry *const *v, size_t n)
{
	fprintf(f, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
		first, T(lang, "レベル", "Level"), T(lang, "件数", "Count"), T(lang, "平均", "Mean"),
		T(lang, "標準偏差", "SD"), T(lang, "パーセンタイル", "Percentile"), T(lang, "偏差値", "Deviation"));
	for (size_t i = 0; i < n; i++) {
		fputs("<tr><td>", f);
		esc(f, v[i]->id ? v[i]->id : T(lang, "システム全体", "whole system"));
		fputs("</td><td class=n>", f);
		stat_cells(f, &v[i]->stat, "</td><td class=n>");
		fputs("</td></tr>\n", f);
	}
	fputs("</table>\n", f);
}

static void table_of(FILE *f, tk_lang lang, const char *first, const tk_store_peer_entry *v, size_t n,
	const tk_store_peer_entry **tmp)
{
	for (size_t i = 0; i < n; i++)
		tmp[i] = &v[i];
	table_html(f, lang, first, tmp, n);
}

static tk_status peers_html(const tk_store_peer_result *p, tk_lang lang, FILE *f, tk_error *err)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
		"<title>", lang == TK_LANG_EN ? "en" : "ja");
	esc(f, p->system.name);
	fprintf(f, " — %s</title><style>%s</style></head><body>\n<h1>", T(lang, "同業比較", "Peer comparison"), STYLE);
	esc(f, p->system.name);
	fputs("（", f);
	esc(f, p->system.org);
	fprintf(f, "）</h1>\n<p>%s ", T(lang, "比較の属性:", "Peer attributes:"));
	attrs_text(p, lang, f);
	fprintf(f, T(lang, "。比較対象 %zu システム、%zu 組織。</p>\n", ". Peers: %zu systems, %zu organisations.</p>\n"),
		p->n_systems, p->summary.organisations);
	if (p->summary.suppressed) {
		fprintf(f, T(lang, "<p>比較対象の組織が %d 未満のため、統計は示しません（k-匿名性）。</p>\n",
			"<p>Fewer than %d organisations in the group: no statistics are shown (k-anonymity).</p>\n"),
			TK_PEERS_MIN_ORGANISATIONS);
		fputs("</body></html>\n", f);
		return TK_OK;
	}
	size_t nd = p->n_domains, most = p->n_requirements > nd ? p->n_requirements : nd;
	const char **labels = calloc(nd + 1, sizeof(*labels));
	double *self = calloc(nd + 1, sizeof(*self)), *mean = calloc(nd + 1, sizeof(*mean));
	const tk_store_peer_entry **tmp = calloc(most + p->n_views + 2, sizeof(*tmp));
	size_t n_lag;
	const tk_store_peer_entry **lag = lagging(p, &n_lag);
	tk_status st = TK_OK;
	if (!labels || !self || !mean || !tmp || !lag) {
		st = tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		goto out;
	}
	for (size_t i = 0; i < nd; i++) {
		labels[i] = p->domains[i].id;
		self[i] = p->domains[i].stat.level;
		mean[i] = p->domains[i].stat.mean;
	}
	if (nd >= 3) {
		tk_chart_series series[2] = {
			{ .name = T(lang, "このシステム", "this system"), .values = self, .mark = TK_CHART_FILL,
			  .color = "#1f5fa8" },
			{ .name = T(lang, "比較対象の平均", "peer mean"), .values = mean, .mark = TK_CHART_LINE,
			  .color = "#222" },
		};
		tk_chart chart = { .n = nd, .labels = labels, .n_series = 2, .series = series, .min = 0, .max = 5,
			.title = T(lang, "ドメインごとのレベルと比較対象の平均", "Domain levels against the peer mean"),
			.missing_text = T(lang, "なし", "none") };
		if ((st = tk_chart_radar(f, &chart, err)))
			goto out;
	}
	tmp[0] = &p->system_entry;
	fprintf(f, "\n<h2>%s</h2>\n", T(lang, "システムとビュー", "System and views"));
	for (size_t i = 0; i < p->n_views; i++)
		tmp[1 + i] = &p->views[i];
	table_html(f, lang, T(lang, "対象", "Entry"), tmp, 1 + p->n_views);
	fprintf(f, "<h2>%s</h2>\n", T(lang, "比較対象より遅れている要求", "Requirements where the system lags most"));
	table_html(f, lang, T(lang, "要求", "Requirement"), lag, n_lag);
	fprintf(f, "<h2>%s</h2>\n", T(lang, "ドメイン", "Domains"));
	table_of(f, lang, T(lang, "ドメイン", "Domain"), p->domains, nd, tmp);
	fprintf(f, "<h2>%s</h2>\n", T(lang, "要求", "Requirements"));
	table_of(f, lang, T(lang, "要求", "Requirement"), p->requirements, p->n_requirements, tmp);
	fputs("</body></html>\n", f);
out:
	free(labels);
	free(self);
	free(mean);
	free(tmp);
	free(lag);
	return st;
}

tk_status tk_store_peers_write(const tk_store_peer_result *p, tk_store_format fmt, tk_lang lang, FILE *out,
	tk_error *err)
{
	switch (fmt) {
	case TK_STORE_JSON: return peers_json(p, out, err);
	case TK_STORE_HTML: return peers_html(p, lang, out, err);
	case TK_STORE_TEXT: break;
	}
	return peers_text(p, lang, out, err);
}
