/* The organisation's own rules (情報セキュリティ関連規程) as one
 * self-contained HTML page (taisaku report --kind rules), on the page
 * skeleton every report shares (report_page.h). The rules are Japanese
 * whatever the language: only the frame (cover labels, contents,
 * appendices) follows --lang. Deterministic: the only date in it is the
 * assessment's own. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/chart.h"
#include "report_page.h"
#include "rules_internal.h"

typedef struct rw {
	FILE *f;
	tk_lang lang;
	const tk_rules *r;
	const tk_compliance *a;
	const tk_catalog *c;
} rw;

static const char EXTRA_CSS[] =
	".rule{margin:.5em 0 .8em;display:flow-root}.rule .rid{float:right;margin-left:1em;font-size:.78em;"
	"color:var(--muted);font-variant-numeric:tabular-nums}.rule .rh{font-weight:700;margin:.2em 0}\n"
	"h1.rules-title{font-size:2.2em;letter-spacing:.1em}\n"
	"table.revisions td{height:2em}\n";

static const char *T(const rw *w, const char *ja, const char *en)
{
	return w->lang == TK_LANG_EN ? en : ja;
}

static void esc(const rw *w, const char *s)
{
	tk_chart_escape(w->f, s);
}

static bool domain_included(const rw *w, uint32_t d)
{
	const tk_domain *dm = &w->c->domains[d];
	for (uint32_t i = dm->first_requirement; i < dm->first_requirement + dm->n_requirements; i++)
		if (w->r->items[i].included)
			return true;
	return false;
}

static bool view_included(const rw *w, size_t v)
{
	const tk_view *vw = &w->c->views[v];
	for (uint32_t d = vw->first_domain; d < vw->first_domain + vw->n_domains; d++)
		if (domain_included(w, d))
			return true;
	return false;
}

static void cover(const rw *w)
{
	const tk_compliance *a = w->a;
	fputs("<header class=cover>\n", w->f);
	tk_report_approval_block(w->f, w->lang);
	fprintf(w->f, "<div>\n<p class=doc-kind>%s</p>\n<h1 class=rules-title>情報セキュリティ関連規程</h1>\n"
		"<table class=meta>\n", T(w, "規程", "Information security rules (in Japanese)"));
	tk_report_meta_row(w->f, w->lang, "組織", "Organisation", a->organization ? a->organization : a->system_name);
	if (a->organization)
		tk_report_meta_row(w->f, w->lang, "対象", "Scope", a->system_name);
	tk_report_meta_row(w->f, w->lang, "制定・改訂日", "Date", a->date);
	tk_report_meta_row(w->f, w->lang, "作成", "Prepared by", a->assessor);
	fprintf(w->f, "<tr><th scope=row>%s</th><td>", T(w, "基にした文書", "Based on"));
	esc(w, w->c->title_ja);
	if (w->c->version) {
		fputs("（", w->f);
		esc(w, w->c->version);
		fputs("）", w->f);
	}
	fputs("</td></tr>\n</table>\n</div>\n</header>\n", w->f);
}

/* The revision history: this edition's date, and empty rows for the
 * revisions to come, to be filled in on paper. */
static void revisions(const rw *w)
{
	fprintf(w->f, "<section id=revisions>\n<h2>%s</h2>\n<table class=revisions>\n<thead><tr><th class=n>%s</th>"
		"<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", T(w, "改訂履歴", "Revision history"),
		T(w, "版", "Edition"), T(w, "日付", "Date"), T(w, "内容", "Change"), T(w, "承認", "Approved by"));
	fputs("<tr><td class=n>1</td><td class=nw>", w->f);
	esc(w, w->a->date ? w->a->date : "");
	fprintf(w->f, "</td><td>%s</td><td></td></tr>\n", T(w, "制定", "First edition"));
	for (int k = 0; k < 3; k++)
		fputs("<tr><td></td><td></td><td></td><td></td></tr>\n", w->f);
	fputs("</tbody></table>\n</section>\n", w->f);
}

static void contents(const rw *w)
{
	fprintf(w->f, "<nav class=toc><strong>%s</strong><ol>", T(w, "目次", "Contents"));
	for (size_t v = 0; v < w->c->n_views; v++) {
		if (!view_included(w, v))
			continue;
		fprintf(w->f, "<li value=%zu><a href=\"#ch-%zu\">", v + 1, v + 1);
		esc(w, w->r->views[v]);
		fputs("</a></li>", w->f);
	}
	fprintf(w->f, "</ol><ul><li><a href=\"#roles\">%s</a></li><li><a href=\"#left-out\">%s</a></li></ul></nav>\n",
		T(w, "付録A 役割と用語", "Appendix A: roles and terms"),
		T(w, "付録B 適用しない項目", "Appendix B: items not adopted"));
}

static void items_list(const rw *w, const tk_item *items, size_t n)
{
	if (!n)
		return;
	fputs("<ul>", w->f);
	for (size_t i = 0; i < n; i++) {
		fputs("<li>", w->f);
		tk_report_esc_lines(w->f, items[i].text_ja);
		items_list(w, items[i].items, items[i].n_items);
		fputs("</li>", w->f);
	}
	fputs("</ul>", w->f);
}

static void points(const rw *w, const tk_point *p, size_t n)
{
	if (!n)
		return;
	fputs("<ul class=points>", w->f);
	for (size_t k = 0; k < n; k++) {
		fputs("<li>", w->f);
		if (p[k].label) {
			fputs("<span class=plabel>", w->f);
			esc(w, p[k].label);
			fputs("</span>", w->f);
		}
		tk_report_esc_lines(w->f, p[k].title_ja);
		if (p[k].text_ja) {
			fputs("<br>", w->f);
			tk_report_esc_lines(w->f, p[k].text_ja);
		}
		items_list(w, p[k].items, p[k].n_items);
		fputs("</li>", w->f);
	}
	fputs("</ul>", w->f);
}

static void item(const rw *w, size_t i)
{
	const r_item *it = &w->r->items[i];
	fputs("<div class=rule id=\"r-", w->f);
	esc(w, w->c->requirements[i].id);
	fputs("\"><span class=rid>", w->f);
	esc(w, w->c->requirements[i].id);
	fputs("</span>", w->f);
	if (it->heading) {
		fputs("<p class=rh>", w->f);
		esc(w, it->heading);
		fputs("</p>", w->f);
	}
	if (it->text) {
		fputs("<p>", w->f);
		tk_report_esc_lines(w->f, it->text);
		fputs("</p>", w->f);
	}
	points(w, it->points, it->n_points);
	fputs("</div>\n", w->f);
}

/* Chapters (the catalog's views) and sections (its domains) keep the
 * sample's numbering, so that a chapter left out leaves its number out. */
static void chapters(const rw *w)
{
	for (size_t v = 0; v < w->c->n_views; v++) {
		if (!view_included(w, v))
			continue;
		const tk_view *vw = &w->c->views[v];
		fprintf(w->f, "<section class=major id=\"ch-%zu\">\n<h2>", v + 1);
		fprintf(w->f, T(w, "第%zu章　", "Chapter %zu　"), v + 1);
		esc(w, w->r->views[v]);
		fputs("</h2>\n", w->f);
		for (uint32_t d = vw->first_domain; d < vw->first_domain + vw->n_domains; d++) {
			if (!domain_included(w, d))
				continue;
			const tk_domain *dm = &w->c->domains[d];
			fprintf(w->f, "<h3 id=\"s-");
			esc(w, dm->id);
			fprintf(w->f, "\">%zu.%u　", v + 1, d - vw->first_domain + 1);
			esc(w, w->r->domains[d]);
			fputs("</h3>\n", w->f);
			for (uint32_t i = dm->first_requirement; i < dm->first_requirement + dm->n_requirements; i++)
				if (w->r->items[i].included)
					item(w, i);
		}
		fputs("</section>\n", w->f);
	}
}

static const char *glossary_text(const rw *w, const char *term)
{
	for (size_t g = 0; g < w->c->n_glossary; g++)
		if (strcmp(w->c->glossary[g].term_ja, term) == 0)
			return w->r->glossary[g];
	return NULL;
}

static bool is_role(const tk_catalog *c, const char *name)
{
	for (size_t i = 0; i < c->n_requirements; i++)
		if (c->requirements[i].role_ja && strcmp(c->requirements[i].role_ja, name) == 0)
			return true;
	return false;
}

/* The catalog's roles and terms, with the organisation's titles. */
static tk_status roles(const rw *w, tk_error *err)
{
	size_t n;
	const char **names = tk_compliance_role_names(w->c, &n);
	if (!names && (w->c->n_glossary || w->c->n_requirements))
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	fprintf(w->f, "<section class=major id=roles>\n<h2>%s</h2>\n", T(w, "付録A 役割と用語", "Appendix A: roles and terms"));
	fprintf(w->f, "<p class=legend-note>%s</p>\n", T(w,
		"本規程の本文では、サンプルの役割名を当社の担当に置き換えています。",
		"In the rules, the sample's role names are replaced by the organisation's titles."));
	fprintf(w->f, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		T(w, "サンプルでの名称", "Name in the sample"), T(w, "当社での担当", "The organisation's title"),
		T(w, "説明", "Description"));
	/* then the roles only the text names (atla-ssr's 総括者) that the assessment gives a title */
	const char **all = realloc((void *)names, (n + w->a->n_roles + 1) * sizeof(*all));
	if (!all) {
		free((void *)names);
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	names = all;
	for (size_t k = 0, m = n; k < w->a->n_roles; k++) {
		size_t j = 0;
		while (j < m && strcmp(names[j], w->a->roles[k].name) != 0)
			j++;
		if (j == m)
			names[n++] = w->a->roles[k].name;
	}
	for (size_t k = 0; k < n; k++) {
		const char *title = tk_compliance_role(w->a, names[k]), *text = glossary_text(w, names[k]);
		fputs("<tr><td class=nw>", w->f);
		esc(w, names[k]);
		fputs("</td><td>", w->f);
		if (title)
			esc(w, title);
		else if (is_role(w->c, names[k]))
			fputs(T(w, "（サンプルの名称のまま）", "(as in the sample)"), w->f);
		/* (a term of the glossary that is no item's role has no title) */
		fputs("</td><td>", w->f);
		if (text)
			tk_report_esc_lines(w->f, text);
		fputs("</td></tr>\n", w->f);
	}
	fputs("</tbody></table>\n</section>\n", w->f);
	free((void *)names);
	return TK_OK;
}

/* The items the organisation does not adopt (status na), with the reasons
 * it gave. */
static void left_out(const rw *w)
{
	fprintf(w->f, "<section class=major id=left-out>\n<h2>%s</h2>\n",
		T(w, "付録B 適用しない項目", "Appendix B: items not adopted"));
	size_t n = 0;
	for (size_t i = 0; i < w->c->n_requirements; i++)
		n += !w->r->items[i].included;
	if (!n) {
		fprintf(w->f, "<p>%s</p>\n</section>\n", T(w, "ありません。", "None."));
		return;
	}
	fprintf(w->f, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		T(w, "項目", "Item"), T(w, "節", "Section"), T(w, "表題", "Title"), T(w, "理由", "Reason"));
	for (size_t i = 0; i < w->c->n_requirements; i++) {
		const r_item *it = &w->r->items[i];
		if (it->included)
			continue;
		const tk_requirement *q = &w->c->requirements[i];
		fputs("<tr><td class=id>", w->f);
		esc(w, q->id);
		fputs("</td><td>", w->f);
		esc(w, w->r->domains[q->domain] && !tk_placeholder_find(w->r->domains[q->domain])
			? w->r->domains[q->domain] : w->c->domains[q->domain].id);
		fputs("</td><td class=t>", w->f);
		if (it->na_title)
			esc(w, it->na_title);
		fputs("</td><td class=t>", w->f);
		tk_report_esc_lines(w->f, w->a->items[i].reason);
		fputs("</td></tr>\n", w->f);
	}
	fputs("</tbody></table>\n</section>\n", w->f);
}

tk_status tk_rules_write_html(const tk_rules *r, tk_lang lang, FILE *out, tk_error *err)
{
	if (r->n_open)
		return tk_error_set(err, TK_EINPUT, r->c->path, 0, 0, "parameters",
			"決まっていない選択が %zu 件あり、規程を書けません", "%zu choices are still open: the rules cannot be written",
			r->n_open);
	rw w = { .f = out, .lang = lang, .r = r, .a = r->c, .c = r->c->catalog };
	tk_report_page_open(out, lang, "情報セキュリティ関連規程",
		w.a->organization ? w.a->organization : w.a->system_name, w.a->date, EXTRA_CSS);
	cover(&w);
	revisions(&w);
	contents(&w);
	chapters(&w);
	tk_status st = roles(&w, err);
	if (st)
		return st;
	left_out(&w);
	fputs("</body>\n</html>\n", out);
	if (ferror(out))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き込めません", "cannot write");
	return TK_OK;
}
