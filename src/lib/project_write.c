/* Writing a projection: the console text, JSON, and a compliance assessment
 * file (FORMATS.md) that can be evaluated and reported like any other. */
#include <string.h>

#include "export_internal.h"
#include "taisaku/mapping.h"
#include "taisaku/report.h"

static const tk_catalog *ecom(const tk_projection *p)
{
	return p->evaluation->assessment->catalog;
}

/* "Ma1.1=3 Tb1.2=na ..." : what each mapped requirement gave. */
static void write_sources(const tk_projection *p, const tk_proj_item *it, FILE *f)
{
	const tk_assessment *a = p->evaluation->assessment;
	for (size_t i = 0; i < it->n_from; i++) {
		uint32_t r = it->from[i];
		fprintf(f, "%s%s=", i ? " " : "", ecom(p)->requirements[r].id);
		switch (a->ratings[r].kind) {
		case TK_RATING_RATED: fprintf(f, "%d", p->evaluation->requirements[r].achieved); break;
		case TK_RATING_NA: fputs("na", f); break;
		case TK_RATING_UNKNOWN: fputs("unknown", f); break;
		default: fputs("unassessed", f); break;
		}
	}
}

static const char *status_label(tk_proj_status s, tk_lang lang)
{
	return lang == TK_LANG_EN ? tk_proj_status_name(s) : tk_proj_status_name_ja(s);
}

tk_status tk_projection_write_text(const tk_projection *p, tk_lang lang, FILE *f, tk_error *err)
{
	(void)err;
	bool en = lang == TK_LANG_EN;
	const tk_assessment *a = p->evaluation->assessment;
	fprintf(f, "%s %s\n", p->target_id, p->target_title_ja);
	fprintf(f, "%s: %s (%s)\n", en ? "projected from" : "写像元", a->system_name ? a->system_name : "",
		a->path ? a->path : "");
	fprintf(f, "%s %zu:", en ? "items" : "項目", p->n_items);
	for (int s = 0; s < TK_PROJ_STATUSES; s++)
		fprintf(f, " %s %zu%s", status_label((tk_proj_status)s, lang), p->counts[s],
			s + 1 < TK_PROJ_STATUSES ? "," : "\n");
	const char *section = NULL;
	for (size_t i = 0; i < p->n_items; i++) {
		const tk_proj_item *it = &p->items[i];
		if (!section || strcmp(section, it->section_id) != 0) {
			section = it->section_id;
			size_t c[TK_PROJ_STATUSES] = { 0 };
			for (size_t j = i; j < p->n_items && strcmp(p->items[j].section_id, section) == 0; j++)
				c[p->items[j].status]++;
			fprintf(f, "\n%s%s%s  [", section, it->section_title_ja ? " " : "",
				it->section_title_ja ? it->section_title_ja : "");
			bool first = true;
			for (int s = 0; s < TK_PROJ_STATUSES; s++)
				if (c[s]) {
					fprintf(f, "%s%s %zu", first ? "" : ", ", status_label((tk_proj_status)s, lang), c[s]);
					first = false;
				}
			fputs("]\n", f);
		}
		fprintf(f, "  %-16s %-*s ", it->id, en ? 15 : 0, status_label(it->status, lang));
		if (it->status == TK_PROJ_UNDECIDED)
			fprintf(f, "(%s) ", tk_undecided_text(it->why, lang));
		write_sources(p, it, f);
		fputc('\n', f);
	}
	size_t n_und = p->counts[TK_PROJ_UNDECIDED];
	fprintf(f, "\n%s: %zu\n", en ? "undecided items" : "判定できない項目", n_und);
	for (size_t i = 0; i < p->n_items; i++) {
		const tk_proj_item *it = &p->items[i];
		if (it->status != TK_PROJ_UNDECIDED)
			continue;
		fprintf(f, "  %s %s\n    %s", it->id, it->title_ja ? it->title_ja : "", tk_undecided_text(it->why, lang));
		if (it->why == TK_UND_NO_MAPPING && it->none_reason_ja)
			fprintf(f, ": %s", it->none_reason_ja);
		else if (it->decisive >= 0)
			fprintf(f, ": %s %s", ecom(p)->requirements[it->decisive].id,
				ecom(p)->requirements[it->decisive].title_ja);
		fputc('\n', f);
	}
	return ferror(f) ? tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き出せません", "cannot write") : TK_OK;
}

tk_status tk_projection_write_json(const tk_projection *p, FILE *f, tk_error *err)
{
	const tk_assessment *a = p->evaluation->assessment;
	json_t *counts = json_object(), *und = json_object(), *items = json_array();
	for (int s = 0; s < TK_PROJ_STATUSES; s++)
		json_object_set_new(counts, tk_proj_status_name((tk_proj_status)s), json_integer((json_int_t)p->counts[s]));
	for (int u = TK_UND_NO_MAPPING; u <= TK_UND_UNKNOWN; u++)
		json_object_set_new(und, tk_undecided_name((tk_undecided)u), json_integer((json_int_t)p->undecided[u]));
	for (size_t i = 0; i < p->n_items; i++) {
		const tk_proj_item *it = &p->items[i];
		json_t *from = json_array();
		for (size_t k = 0; k < it->n_from; k++)
			json_array_append_new(from, json_string(ecom(p)->requirements[it->from[k]].id));
		json_t *o = json_pack("{s:s, s:s?, s:s, s:s, s:o}", "id", it->id, "title_ja", it->title_ja,
			"section", it->section_id, "status", tk_proj_status_name(it->status), "from", from);
		if (it->level)
			json_object_set_new(o, "level", json_integer(it->level));
		if (it->decisive >= 0)
			json_object_set_new(o, "decisive", json_string(ecom(p)->requirements[it->decisive].id));
		if (it->why)
			json_object_set_new(o, "undecided", json_string(tk_undecided_name(it->why)));
		if (it->none_reason_ja)
			json_object_set_new(o, "none_reason_ja", json_string(it->none_reason_ja));
		json_array_append_new(items, o);
	}
	json_t *doc = json_pack("{s:s, s:s, s:s?, s:s?, s:o, s:o, s:o}", "target", p->target_id,
		"from", ecom(p)->id, "system", a->system_name, "file", a->path,
		"counts", counts, "undecided", und, "items", items);
	return tk_json_write(doc, f, err);
}

static void yaml_key(FILE *f, const char *key, const char *value, bool *first)
{
	if (!value)
		return;
	fprintf(f, "%s%s: ", *first ? "" : ", ", key);
	tk_yaml_quote(f, value);
	*first = false;
}

tk_status tk_projection_write_yaml(const tk_projection *p, FILE *f, tk_error *err)
{
	const tk_assessment *a = p->evaluation->assessment;
	fprintf(f, "# taisaku project: ECOM の評価シート %s を %s の項目に写像したもの\n",
		a->path ? a->path : "", p->target_id);
	fputs("# (projected from an ECOM assessment through catalogs/mappings; docs/mappings.ja.md)\n", f);
	fputs("# 実施 = 対応する対策要求の達成レベルの最小値 3 以上、一部実施 = 2、未実施 = 1。\n", f);
	fputs("# 判定できない項目は書いていません（未評価の扱い）。末尾に理由を付けて並べています。\n", f);
	fprintf(f, "catalog: %s\nsystem: { ", p->target_id);
	bool first = true;
	yaml_key(f, "name", a->system_name, &first);
	yaml_key(f, "organization", a->organization, &first);
	yaml_key(f, "date", a->date, &first);
	yaml_key(f, "assessor", a->assessor, &first);
	/* With nothing decided, items is still a mapping (an empty one). */
	fprintf(f, " }\nitems:%s\n", p->counts[TK_PROJ_UNDECIDED] == p->n_items ? " {}" : "");
	char buf[2048];
	for (size_t i = 0; i < p->n_items; i++) {
		const tk_proj_item *it = &p->items[i];
		if (it->status == TK_PROJ_UNDECIDED)
			continue;
		/* The note says where the status came from: each requirement's level. */
		FILE *m = fmemopen(buf, sizeof(buf), "w");
		if (!m)
			return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		fputs("ECOM から写像: ", m);
		write_sources(p, it, m);
		fclose(m);
		buf[sizeof(buf) - 1] = '\0';
		fputs("  ", f);
		tk_yaml_quote(f, it->id);
		fprintf(f, ": { status: %s, ", tk_proj_status_name(it->status));
		if (it->status == TK_PROJ_NA) {
			fputs("reason: ", f);
			tk_yaml_quote(f, "対応する ECOM の対策要求がすべて該当なし");
			fputs(", ", f);
		}
		fputs("note: ", f);
		tk_yaml_quote(f, buf);
		fputs(" }\n", f);
	}
	if (p->counts[TK_PROJ_UNDECIDED]) {
		fprintf(f, "# 判定できない項目（未評価）: %zu\n", p->counts[TK_PROJ_UNDECIDED]);
		for (size_t i = 0; i < p->n_items; i++) {
			const tk_proj_item *it = &p->items[i];
			if (it->status != TK_PROJ_UNDECIDED)
				continue;
			fprintf(f, "#   %s: %s", it->id, tk_undecided_text(it->why, TK_LANG_JA));
			if (it->decisive >= 0)
				fprintf(f, "（%s）", ecom(p)->requirements[it->decisive].id);
			fputc('\n', f);
		}
	}
	return ferror(f) ? tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き出せません", "cannot write") : TK_OK;
}
