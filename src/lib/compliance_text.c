/* The console summary of a compliance evaluation, in Japanese or English.
 * As in eval_text.c, numbers come first on each line so that the columns
 * line up whatever the width of the Japanese titles after them. */
#include <math.h>
#include <string.h>

#include "taisaku/compliance.h"

static const char *T(tk_lang lang, const char *ja, const char *en)
{
	return lang == TK_LANG_EN ? en : ja;
}

/* "実施済み 12 / 一部実施 3 / ..." for every status but the zero ones after
 * the first four, which are always shown. */
static void counts(FILE *f, const tk_compliance_tally *t, tk_lang lang)
{
	static const tk_item_status order[] = { TK_CS_IMPLEMENTED, TK_CS_PARTIAL, TK_CS_NOT_IMPLEMENTED,
		TK_CS_UNKNOWN, TK_CS_UNASSESSED, TK_CS_NA };
	for (size_t k = 0; k < sizeof(order) / sizeof(*order); k++)
		fprintf(f, "%s%s %zu", k ? " / " : "", tk_item_status_label(order[k], lang), t->n[order[k]]);
}

/* A compliance right-aligned in 6 columns: " 78.3%" or "     -". */
static void pct(FILE *f, double x)
{
	char buf[16];
	fprintf(f, "%6s", tk_compliance_percent(x, buf, sizeof(buf)));
}

tk_status tk_compliance_write_text(const tk_compliance_result *r, tk_lang lang, FILE *f, tk_error *err)
{
	const tk_compliance *c = r->assessment;
	const tk_catalog *cat = c->catalog;
	fputs(c->system_name, f);
	if (c->organization)
		fprintf(f, T(lang, "（%s）", " (%s)"), c->organization);
	fprintf(f, "\n%s: %s (%s)", T(lang, "カタログ", "Catalog"), lang == TK_LANG_EN ? cat->title_en : cat->title_ja,
		cat->id);
	if (c->date)
		fprintf(f, "  %s: %s", T(lang, "評価日", "date"), c->date);
	if (c->assessor)
		fprintf(f, "  %s: %s", T(lang, "評価者", "assessor"), c->assessor);
	fputc('\n', f);
	char buf[16];
	fprintf(f, T(lang, "準拠率 %s（適用 %zu 項目のうち、実施済み + 一部実施×½）\n",
		"Compliance %s (implemented + ½·partial of %zu applicable items)\n"),
		tk_compliance_percent(r->overall.compliance, buf, sizeof(buf)), r->overall.applicable);
	fprintf(f, T(lang, "項目 %zu: ", "Items %zu: "), r->overall.total);
	counts(f, &r->overall, lang);
	fputc('\n', f);

	fprintf(f, "\n%s\n", T(lang, "ビュー（準拠率）", "Views (compliance)"));
	for (size_t v = 0; v < cat->n_views; v++) {
		fputs("  ", f);
		pct(f, r->views[v].compliance);
		fprintf(f, "  %s %s\n", cat->views[v].id, lang == TK_LANG_EN ? cat->views[v].title_en : cat->views[v].title_ja);
	}
	fprintf(f, "\n%s\n", T(lang, "セクション（準拠率  実施 / 一部 / 未実施 / 不明 / 未評価 / 対象外）",
		"Sections (compliance  implemented / partial / not / unknown / unassessed / n/a)"));
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_compliance_tally *t = &r->sections[d];
		fputs("  ", f);
		pct(f, t->compliance);
		fprintf(f, "  %3zu %3zu %3zu %3zu %3zu %3zu  %s %s\n", t->n[TK_CS_IMPLEMENTED], t->n[TK_CS_PARTIAL],
			t->n[TK_CS_NOT_IMPLEMENTED], t->n[TK_CS_UNKNOWN], t->n[TK_CS_UNASSESSED], t->n[TK_CS_NA],
			cat->domains[d].id, lang == TK_LANG_EN ? cat->domains[d].title_en : cat->domains[d].title_ja);
	}

	fprintf(f, "\n%s (%zu)\n", T(lang, "未完了の項目", "Open items"), r->n_open);
	for (size_t k = 0; k < r->n_open; k++) {
		size_t i = r->open[k];
		const tk_requirement *q = &cat->requirements[i];
		const tk_compliance_item *it = &c->items[i];
		fprintf(f, "  %s  %s  %s\n", tk_item_status_label(it->status, lang), q->id,
			lang == TK_LANG_EN && q->title_en ? q->title_en : q->title_ja);
		if (it->has_action) {
			const tk_action *ac = &it->action;
			fprintf(f, "      %s: %s", T(lang, "対応", "action"), ac->content);
			if (ac->due || ac->owner)
				fputs(T(lang, "（", " ("), f);
			if (ac->due)
				fprintf(f, T(lang, "期限 %s", "due %s"), ac->due);
			if (ac->due && ac->owner)
				fputs(T(lang, "、", ", "), f);
			if (ac->owner)
				fprintf(f, T(lang, "担当 %s", "owner %s"), ac->owner);
			if (ac->due || ac->owner)
				fputs(T(lang, "）", ")"), f);
			fputc('\n', f);
		}
	}
	size_t na = r->overall.n[TK_CS_NA];
	if (na) {
		fprintf(f, "\n%s (%zu)\n", T(lang, "対象外の項目", "Items not applicable"), na);
		for (size_t i = 0; i < cat->n_requirements; i++)
			if (c->items[i].status == TK_CS_NA)
				fprintf(f, "  %s  %s\n", cat->requirements[i].id, c->items[i].reason);
	}
	if (ferror(f))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き出せません", "cannot write");
	return TK_OK;
}
