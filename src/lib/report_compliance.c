/* The compliance report for people (taisaku report on a compliance
 * assessment) and the compliance page of `evaluate --format html`: one
 * self-contained HTML file on the same page skeleton as the ECOM reports
 * (report_page.h): overall and per-section compliance with a bar chart,
 * the status counts, the open items with their actions, the items not
 * applicable with their reasons, and (in the report) every item with its
 * note and evidence, and the organisation's roles and parameters.
 *
 * Deterministic, like the other reports: the only date in it is the
 * assessment's own. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/chart.h"
#include "taisaku/compliance.h"
#include "report_compliance.h"
#include "report_page.h"

typedef struct crep {
	FILE *f;
	tk_lang lang;
	const tk_compliance_result *r;
	const tk_compliance *a;
	const tk_catalog *c;
	bool full;    /* the report; false: the evaluate page */
} crep;

/* Status colours on top of the shared stylesheet: done green, partly done
 * amber, not done red, not known amber-brown, not applicable grey. */
const char tk_report_status_css[] =
	".badge.implemented{color:var(--met);background:var(--met-bg)}"
	".badge.partial{color:var(--unknown);background:var(--unknown-bg)}"
	".badge.not-implemented{color:var(--under);background:var(--under-bg)}"
	".badge.unknown{color:var(--unknown);background:var(--unknown-bg)}\n"
	"ul.ev{margin:0;padding-left:1.2em}td.pct{font-weight:700}\n";

static const char *T(const crep *r, const char *ja, const char *en)
{
	return r->lang == TK_LANG_EN ? en : ja;
}

static const char *title(const crep *r, const char *ja, const char *en)
{
	return r->lang == TK_LANG_EN && en && *en ? en : ja;
}

static void esc(const crep *r, const char *s)
{
	tk_chart_escape(r->f, s);
}

static const char *doc_title(const crep *r)
{
	return r->full ? T(r, "準拠性評価報告書", "Compliance assessment report")
		: T(r, "準拠性の評価", "Compliance evaluation");
}

void tk_report_status_badge(FILE *f, tk_item_status st, tk_lang lang)
{
	fprintf(f, "<span class=\"badge %s\">%s</span>", tk_item_status_name(st), tk_item_status_label(st, lang));
}

static void badge(const crep *r, tk_item_status st)
{
	tk_report_status_badge(r->f, st, r->lang);
}

static void pct_cell(const crep *r, double x)
{
	char buf[16];
	fprintf(r->f, "<td class=\"n pct\">%s</td>", tk_compliance_percent(x, buf, sizeof(buf)));
}

/* The statuses in the order people read them. */
static const tk_item_status ORDER[TK_CS_COUNT] = { TK_CS_IMPLEMENTED, TK_CS_PARTIAL, TK_CS_NOT_IMPLEMENTED,
	TK_CS_UNKNOWN, TK_CS_UNASSESSED, TK_CS_NA };

static void count_heads(const crep *r)
{
	for (int k = 0; k < TK_CS_COUNT; k++)
		fprintf(r->f, "<th class=n>%s</th>", tk_item_status_label(ORDER[k], r->lang));
}

static void count_cells(const crep *r, const tk_compliance_tally *t)
{
	for (int k = 0; k < TK_CS_COUNT; k++)
		fprintf(r->f, "<td class=n>%zu</td>", t->n[ORDER[k]]);
}

static void id_title_cells(const crep *r, size_t i)
{
	const tk_requirement *q = &r->c->requirements[i];
	fputs("<td class=id>", r->f);
	if (r->full) {
		fputs("<a href=\"#i-", r->f);
		esc(r, q->id);
		fputs("\">", r->f);
	}
	esc(r, q->id);
	fputs(r->full ? "</a></td><td class=t>" : "</td><td class=t>", r->f);
	esc(r, title(r, q->title_ja, q->title_en));
	fputs("</td>", r->f);
}

static void cover(const crep *r)
{
	const tk_compliance *a = r->a;
	fputs("<header class=cover>\n", r->f);
	if (r->full)
		tk_report_approval_block(r->f, r->lang);
	fputs("<div>\n<p class=doc-kind>", r->f);
	esc(r, doc_title(r));
	fputs("</p>\n<h1>", r->f);
	esc(r, a->system_name);
	fputs("</h1>\n<table class=meta>\n", r->f);
	tk_report_meta_row(r->f, r->lang, "組織", "Organisation", a->organization);
	tk_report_meta_row(r->f, r->lang, "評価日", "Date", a->date);
	tk_report_meta_row(r->f, r->lang, "評価者", "Assessor", a->assessor);
	fprintf(r->f, "<tr><th scope=row>%s</th><td>", T(r, "基準", "Standard"));
	esc(r, title(r, r->c->title_ja, r->c->title_en));
	fputs(" (", r->f);
	esc(r, r->c->id);
	fputs(")</td></tr>\n</table>\n</div>\n</header>\n", r->f);
}

static void summary(const crep *r, int number)
{
	const tk_compliance_tally *t = &r->r->overall;
	char buf[16];
	tk_report_section_open(r->f, "summary", number, T(r, "概要", "Summary"));
	fputs("<div class=figures>", r->f);
	fprintf(r->f, "<div class=\"figure%s\"><div class=l>%s</div><div class=v>%s</div></div>",
		r->r->n_open ? " under" : " ok", T(r, "準拠率", "Compliance"),
		tk_compliance_percent(t->compliance, buf, sizeof(buf)));
	fprintf(r->f, "<div class=figure><div class=l>%s</div><div class=v>%zu</div></div>",
		T(r, "適用される項目", "Applicable items"), t->applicable);
	fprintf(r->f, "<div class=\"figure%s\"><div class=l>%s</div><div class=v>%zu</div></div></div>\n",
		r->r->n_open ? " under" : " ok", T(r, "未完了の項目", "Open items"), r->r->n_open);
	fprintf(r->f, "<p class=legend-note>%s</p>\n", T(r,
		"準拠率 =（実施済み + 一部実施 × ½）÷ 適用される項目（対象外を除くすべて）。不明と未評価は分母に含め、"
		"達成していないものとして数えます。",
		"Compliance = (implemented + ½ × partial) ÷ applicable items (all but those not applicable). Unknown "
		"and unassessed items stay in the denominator, counted as not achieved."));
	if (t->n[TK_CS_UNASSESSED]) {
		fputs("<p class=\"badge unassessed\">", r->f);
		fprintf(r->f, T(r, "未評価の項目が %zu 件あり、評価は完了していません。",
			"%zu items are not assessed: the assessment is incomplete."), t->n[TK_CS_UNASSESSED]);
		fputs("</p>\n", r->f);
	}
	fprintf(r->f, "<table><thead><tr><th>%s</th><th class=n>%s</th><th class=n>%s</th>",
		T(r, "ビュー", "View"), T(r, "準拠率", "Compliance"), T(r, "項目", "Items"));
	count_heads(r);
	fputs("</tr></thead><tbody>\n", r->f);
	for (size_t v = 0; v < r->c->n_views; v++) {
		fputs("<tr><td>", r->f);
		esc(r, r->c->views[v].id);
		fputs(" ", r->f);
		esc(r, title(r, r->c->views[v].title_ja, r->c->views[v].title_en));
		fputs("</td>", r->f);
		pct_cell(r, r->r->views[v].compliance);
		fprintf(r->f, "<td class=n>%zu</td>", r->r->views[v].total);
		count_cells(r, &r->r->views[v]);
		fputs("</tr>\n", r->f);
	}
	fprintf(r->f, "<tr><th>%s</th>", T(r, "全体", "Overall"));
	pct_cell(r, t->compliance);
	fprintf(r->f, "<td class=n>%zu</td>", t->total);
	count_cells(r, t);
	fputs("</tr>\n</tbody></table>\n</section>\n", r->f);
}

/* Compliance per section as bars on a 0..10 scale (grid numbered 0..100%),
 * sections with open items in red. */
static tk_status section_chart(const crep *r, tk_error *err)
{
	const tk_catalog *c = r->c;
	size_t n = c->n_domains;
	double *values = calloc(n ? n : 1, sizeof(*values));
	char **texts = calloc(n ? n : 1, sizeof(*texts)), **labels = calloc(n ? n : 1, sizeof(*labels));
	const char **colors = calloc(n ? n : 1, sizeof(*colors));
	tk_status st = TK_OK;
	if (!values || !texts || !labels || !colors) {
		st = tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		goto done;
	}
	for (size_t d = 0; d < n; d++) {
		const tk_compliance_tally *t = &r->r->sections[d];
		const char *name = title(r, c->domains[d].title_ja, c->domains[d].title_en);
		size_t len = strlen(c->domains[d].id) + strlen(name) + 2;
		labels[d] = malloc(len);
		texts[d] = malloc(16);
		if (!labels[d] || !texts[d]) {
			st = tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
			goto done;
		}
		snprintf(labels[d], len, "%s %s", c->domains[d].id, name);
		tk_compliance_percent(t->compliance, texts[d], 16);
		values[d] = isnan(t->compliance) ? NAN : t->compliance * 10;
		bool open = t->total > t->n[TK_CS_IMPLEMENTED] + t->n[TK_CS_NA];
		colors[d] = open ? "#a8201a" : NULL;
	}
	tk_chart_series s = { .name = NULL, .values = values, .texts = (const char *const *)texts,
		.mark = TK_CHART_FILL, .color = "#27703a", .colors = colors };
	tk_chart ch = { .n = n, .labels = (const char *const *)labels, .n_series = 1, .series = &s,
		.min = 0, .max = 10, .title = T(r, "セクション別の準拠率", "Compliance per section"),
		.missing_text = T(r, "すべて対象外", "all not applicable"), .tick_scale = 10, .tick_suffix = "%" };
	fprintf(r->f, "<figure class=bars><figcaption>%s</figcaption>\n", T(r, "セクション別の準拠率",
		"Compliance per section"));
	st = tk_chart_bars(r->f, &ch, err);
	fprintf(r->f, "<p class=legend-note>%s</p></figure>\n", T(r,
		"緑: 適用される項目がすべて実施済み。赤: 未完了の項目がある。",
		"Green: every applicable item implemented. Red: some items are open."));
done:
	for (size_t d = 0; d < n && labels && texts; d++) {
		free(labels[d]);
		free(texts[d]);
	}
	free(values);
	free(texts);
	free(labels);
	free(colors);
	return st;
}

static tk_status sections(const crep *r, int number, tk_error *err)
{
	const tk_catalog *c = r->c;
	tk_report_section_open(r->f, "sections", number, T(r, "セクション別の準拠率", "Compliance per section"));
	tk_status st = section_chart(r, err);
	if (st)
		return st;
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th class=n>%s</th>", T(r, "セクション", "Section"),
		T(r, "準拠率", "Compliance"));
	count_heads(r);
	fputs("</tr></thead><tbody>\n", r->f);
	for (size_t d = 0; d < c->n_domains; d++) {
		const tk_compliance_tally *t = &r->r->sections[d];
		bool open = t->total > t->n[TK_CS_IMPLEMENTED] + t->n[TK_CS_NA];
		fprintf(r->f, "<tr%s><td class=id>", open ? " class=under" : "");
		esc(r, c->domains[d].id);
		fputs("</td><td class=t>", r->f);
		esc(r, title(r, c->domains[d].title_ja, c->domains[d].title_en));
		fputs("</td>", r->f);
		pct_cell(r, t->compliance);
		count_cells(r, t);
		fputs("</tr>\n", r->f);
	}
	fputs("</tbody></table>\n</section>\n", r->f);
	return TK_OK;
}

static void action_cells(const crep *r, const tk_compliance_item *it)
{
	fputs("<td>", r->f);
	if (it->has_action)
		tk_report_esc_lines(r->f, it->action.content);
	fputs("</td><td class=nw>", r->f);
	if (it->has_action && it->action.due)
		esc(r, it->action.due);
	fputs("</td><td class=owner>", r->f);
	if (it->has_action && it->action.owner)
		esc(r, it->action.owner);
	fputs("</td>", r->f);
}

static void open_items(const crep *r, int number)
{
	tk_report_section_open(r->f, "open", number, T(r, "未完了の項目と対応", "Open items and actions"));
	if (!r->r->n_open) {
		fprintf(r->f, "<p>%s</p>\n</section>\n", T(r, "未完了の項目はありません。", "No item is open."));
		return;
	}
	fprintf(r->f, "<p class=legend-note>%s</p>\n", T(r,
		"一部実施・未実施・不明・未評価の項目を、基準の順に示します。",
		"Partial, not implemented, unknown and unassessed items, in the standard's order."));
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		"</tr></thead><tbody>\n", T(r, "項目", "Item"), T(r, "状態", "Status"), T(r, "対応", "Action"),
		T(r, "期限", "Due"), T(r, "担当", "Owner"), T(r, "備考", "Note"));
	for (size_t k = 0; k < r->r->n_open; k++) {
		size_t i = r->r->open[k];
		const tk_compliance_item *it = &r->a->items[i];
		fputs("<tr>", r->f);
		id_title_cells(r, i);
		fputs("<td class=nw>", r->f);
		badge(r, it->status);
		fputs("</td>", r->f);
		action_cells(r, it);
		fputs("<td>", r->f);
		tk_report_esc_lines(r->f, it->note);
		fputs("</td></tr>\n", r->f);
	}
	fputs("</tbody></table>\n</section>\n", r->f);
}

static void na_items(const crep *r, int number)
{
	tk_report_section_open(r->f, "na", number, T(r, "対象外の項目と理由", "Items not applicable, and why"));
	if (!r->r->overall.n[TK_CS_NA]) {
		fprintf(r->f, "<p>%s</p>\n</section>\n", T(r, "対象外の項目はありません。", "No item is marked not applicable."));
		return;
	}
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		T(r, "項目", "Item"), T(r, "理由", "Reason"));
	for (size_t i = 0; i < r->c->n_requirements; i++) {
		const tk_compliance_item *it = &r->a->items[i];
		if (it->status != TK_CS_NA)
			continue;
		fputs("<tr>", r->f);
		id_title_cells(r, i);
		fputs("<td>", r->f);
		tk_report_esc_lines(r->f, it->reason);
		fputs("</td></tr>\n", r->f);
	}
	fputs("</tbody></table>\n</section>\n", r->f);
}

void tk_report_evidence_list(FILE *f, const tk_compliance_item *it)
{
	if (!it->n_evidence)
		return;
	fputs("<ul class=ev>", f);
	for (size_t k = 0; k < it->n_evidence; k++) {
		const tk_evidence *e = &it->evidence[k];
		fputs("<li>", f);
		tk_chart_escape(f, e->title);
		if (e->ref) {
			fputs(" [", f);
			tk_chart_escape(f, e->ref);
			fputs("]", f);
		}
		if (e->date) {
			fputs(" ", f);
			tk_chart_escape(f, e->date);
		}
		fputs("</li>", f);
	}
	fputs("</ul>", f);
}

static void evidence_cell(const crep *r, const tk_compliance_item *it)
{
	fputs("<td>", r->f);
	tk_report_evidence_list(r->f, it);
	fputs("</td>", r->f);
}

/* Every item, section by section: status, note (or reason) and evidence. */
static void all_items(const crep *r, int number)
{
	const tk_catalog *c = r->c;
	tk_report_section_open(r->f, "items", number, T(r, "項目ごとの評価と根拠", "Every item with its evidence"));
	for (size_t d = 0; d < c->n_domains; d++) {
		const tk_domain *dom = &c->domains[d];
		char buf[16];
		fputs("<h3>", r->f);
		esc(r, dom->id);
		fputs(" ", r->f);
		esc(r, title(r, dom->title_ja, dom->title_en));
		fprintf(r->f, " <span class=muted>%s</span></h3>\n",
			tk_compliance_percent(r->r->sections[d].compliance, buf, sizeof(buf)));
		fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
			T(r, "項目", "Item"), T(r, "状態", "Status"), T(r, "備考・理由", "Note or reason"),
			T(r, "根拠", "Evidence"));
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			size_t i = dom->first_requirement + k;
			const tk_requirement *q = &c->requirements[i];
			const tk_compliance_item *it = &r->a->items[i];
			fputs("<tr id=\"i-", r->f);
			esc(r, q->id);
			fputs("\"><td class=id>", r->f);
			esc(r, q->id);
			fputs("</td><td class=t>", r->f);
			esc(r, title(r, q->title_ja, q->title_en));
			if (q->role_ja) {
				const char *mine = tk_compliance_role(r->a, q->role_ja);
				fprintf(r->f, "<br><span class=\"muted small\">%s: ", T(r, "担当", "Role"));
				esc(r, q->role_ja);
				if (mine) {
					fputs("（", r->f);
					esc(r, mine);
					fputs("）", r->f);
				}
				fputs("</span>", r->f);
			}
			fputs("</td><td class=nw>", r->f);
			badge(r, it->status);
			fputs("</td><td>", r->f);
			tk_report_esc_lines(r->f, it->status == TK_CS_NA ? it->reason : it->note);
			fputs("</td>", r->f);
			evidence_cell(r, it);
			fputs("</tr>\n", r->f);
		}
		fputs("</tbody></table>\n", r->f);
	}
	fputs("</section>\n", r->f);
}

/* The organisation's roles and parameters, when it gave any. */
static void choices(const crep *r, int number)
{
	const tk_compliance *a = r->a;
	tk_report_section_open(r->f, "choices", number, T(r, "組織が定めた役割と値", "The organisation's roles and values"));
	if (a->n_roles) {
		fprintf(r->f, "<h3>%s</h3>\n<table><thead><tr><th>%s</th><th>%s</th></tr></thead><tbody>\n",
			T(r, "役割", "Roles"), T(r, "基準の役割名", "Role in the standard"), T(r, "組織での担当", "In the organisation"));
		for (size_t k = 0; k < a->n_roles; k++) {
			fputs("<tr><td>", r->f);
			esc(r, a->roles[k].name);
			fputs("</td><td>", r->f);
			esc(r, a->roles[k].value);
			fputs("</td></tr>\n", r->f);
		}
		fputs("</tbody></table>\n", r->f);
	}
	if (a->n_parameters) {
		fprintf(r->f, "<h3>%s</h3>\n<table><thead><tr><th>ID</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
			T(r, "組織が定める値", "Parameters"), T(r, "基準の記載", "As printed"), T(r, "組織の選択", "Chosen"));
		for (size_t k = 0; k < a->n_parameters; k++) {
			const tk_compliance_choice *ch = &a->parameters[k];
			const tk_parameter *p = &r->c->requirements[ch->requirement].parameters[ch->parameter];
			fputs("<tr><td class=id>", r->f);
			esc(r, ch->name);
			fputs("</td><td>", r->f);
			esc(r, p->title_ja);
			fputs("</td><td>", r->f);
			esc(r, ch->value);
			fputs("</td></tr>\n", r->f);
		}
		fputs("</tbody></table>\n", r->f);
	}
	fputs("</section>\n", r->f);
}

static tk_status write_page(const crep *r, tk_error *err)
{
	const bool with_choices = r->full && (r->a->n_roles || r->a->n_parameters);
	tk_report_page_open(r->f, r->lang, doc_title(r), r->a->system_name, r->a->date, tk_report_status_css);
	cover(r);
	const char *ids[] = { "summary", "sections", "open", "na", "items", "choices" };
	const char *names[] = { T(r, "概要", "Summary"), T(r, "セクション別の準拠率", "Compliance per section"),
		T(r, "未完了の項目と対応", "Open items and actions"), T(r, "対象外の項目と理由", "Items not applicable, and why"),
		T(r, "項目ごとの評価と根拠", "Every item with its evidence"),
		T(r, "組織が定めた役割と値", "The organisation's roles and values") };
	if (r->full)
		tk_report_toc(r->f, r->lang, ids, names, with_choices ? 6 : 5);
	summary(r, 1);
	tk_status st = sections(r, 2, err);
	if (st)
		return st;
	open_items(r, 3);
	na_items(r, 4);
	if (r->full) {
		all_items(r, 5);
		if (with_choices)
			choices(r, 6);
	}
	fputs("</body>\n</html>\n", r->f);
	if (ferror(r->f))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き出せません", "cannot write");
	return TK_OK;
}

tk_status tk_compliance_report_html(const tk_compliance_result *res, tk_lang lang, FILE *out, tk_error *err)
{
	crep r = { out, lang, res, res->assessment, res->assessment->catalog, true };
	return write_page(&r, err);
}

tk_status tk_compliance_write_html(const tk_compliance_result *res, tk_lang lang, FILE *out, tk_error *err)
{
	crep r = { out, lang, res, res->assessment, res->assessment->catalog, false };
	return write_page(&r, err);
}
