/* The canonical text of an assessment.
 *
 * Every program that writes an assessment (import, and whatever comes
 * later) writes it this way, so that two assessments with the same content
 * are the same bytes and a diff shows only what changed. The layout is the
 * one `taisaku plan` writes: the system on one line, importance and
 * targets one requirement a line, then every requirement of the catalog
 * under a comment with its title and target, one flow-style entry each.
 * Everything is written from the loaded structure, never from the text
 * it came from, so write(load(write(A))) == write(A). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/report.h"
#include "taisaku/workbook.h"
#include "workbook_internal.h"
#include "yaml_flow.h"

static void write_answers(FILE *f, const tk_peripheral *per, const tk_answer *answers)
{
	static const char *const names[] = { "o", "t", "x" };
	tk_yflow w = { f, false };
	for (size_t c = 0; c < per->n_columns; c++) {
		tk_yflow_key(&w, per->columns[c].id);
		fputs(names[answers[c] <= TK_ANSWER_X ? answers[c] : TK_ANSWER_X], f);
	}
	tk_yflow_end(&w);
}

static void write_assets(FILE *f, const tk_rating *rt)
{
	fputs("[ ", f);
	for (size_t i = 0; i < rt->n_assets; i++) {
		const tk_asset *as = &rt->assets[i];
		tk_yflow w = { f, false };
		if (i)
			fputs(", ", f);
		tk_yflow_str(&w, "name", as->name);
		if (as->important) {
			tk_yflow_key(&w, "important");
			fputs("true", f);
		}
		tk_yflow_key(&w, "core");
		fprintf(f, "%d", as->core);
		tk_yflow_end(&w);
	}
	fputs(" ]", f);
}

void tk_write_rating_flow(FILE *f, const tk_catalog *cat, const tk_rating *rt)
{
	tk_yflow w = { f, false };
	switch (rt->kind) {
	case TK_RATING_RATED:
		tk_yflow_key(&w, rt->n_assets ? "assets" : "core");
		if (rt->n_assets)
			write_assets(f, rt);
		else
			fprintf(f, "%d", rt->core);
		for (int p = 0; p < TK_PERIPHERALS; p++) {
			if (!rt->rank_given[p])
				continue; /* a missing rank counts as D and stays missing */
			const tk_peripheral *per = &cat->scoring.peripherals[p];
			tk_yflow_key(&w, per->id);
			if (rt->from_answers[p] && rt->answers[p])
				write_answers(f, per, rt->answers[p]);
			else
				fputs(tk_rank_name(rt->ranks[p]), f);
		}
		break;
	case TK_RATING_NA:
		tk_yflow_str(&w, "na", rt->na_reason);
		break;
	case TK_RATING_UNKNOWN:
		tk_yflow_key(&w, "unknown");
		fputs("true", f);
		break;
	case TK_RATING_UNASSESSED:
		break;
	}
	if (rt->n_evidence) {
		tk_yflow_key(&w, "evidence");
		tk_yaml_write_evidence(f, rt->evidence, rt->n_evidence);
	}
	tk_yflow_str(&w, "note", rt->note);
	tk_yflow_end(&w);
}

static void write_system(FILE *f, const tk_assessment *a)
{
	tk_yflow w = { f, false };
	fputs("system: ", f);
	tk_yflow_str(&w, "name", a->system_name);
	tk_yflow_key(&w, "level");
	fprintf(f, "%d", a->level);
	tk_yflow_str(&w, "organization", a->organization);
	tk_yflow_date(&w, "date", a->date);
	tk_yflow_str(&w, "assessor", a->assessor);
	tk_yflow_str(&w, "reason", a->level_reason);
	tk_yflow_end(&w);
	fputc('\n', f);
}

static void write_importance(FILE *f, const tk_assessment *a)
{
	const tk_catalog *cat = a->catalog;
	bool any = false;
	fputs("# importance: { ID: critical | important | general | low }\nimportance:", f);
	for (size_t r = 0; r < cat->n_requirements; r++) {
		if (!a->importance_given[r])
			continue;
		fputs("\n  ", f);
		tk_yaml_key(f, cat->requirements[r].id);
		fprintf(f, ": %s", tk_importance_name(a->importance[r]));
		any = true;
	}
	fputs(any ? "\n" : " {}\n", f);
}

static void write_targets(FILE *f, const tk_assessment *a)
{
	const tk_catalog *cat = a->catalog;
	bool any = false;
	fputs("# targets: { ID: { level: N, reason: ... } }  (導出した目標から ±1 のみ)\ntargets:", f);
	for (size_t r = 0; r < cat->n_requirements; r++) {
		if (!a->override_level[r])
			continue;
		tk_yflow w = { f, false };
		fputs("\n  ", f);
		tk_yaml_key(f, cat->requirements[r].id);
		fputs(": ", f);
		tk_yflow_key(&w, "level");
		fprintf(f, "%d", a->override_level[r]);
		tk_yflow_str(&w, "reason", a->override_reason[r]);
		tk_yflow_end(&w);
		any = true;
	}
	fputs(any ? "\n" : " {}\n", f);
}

void wb_number_text(double x, char *buf, size_t size)
{
	/* The fewest digits that read back as the same double: 1.5, not
	 * 1.50000000000000000. */
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(buf, size, "%.*g", digits, x);
		if (strtod(buf, NULL) == x)
			return;
	}
}

/* Weights other than 1: a weight of 1 is the default and says nothing. */
static void write_weights(FILE *f, const tk_assessment *a)
{
	const tk_catalog *cat = a->catalog;
	char num[40];
	bool reqs = false, doms = false;
	for (size_t r = 0; r < cat->n_requirements; r++)
		reqs |= a->requirement_weight[r] != 1;
	for (size_t d = 0; d < cat->n_domains; d++)
		doms |= a->domain_weight[d] != 1;
	if (!reqs && !doms)
		return;
	fputs("weights:\n", f);
	if (reqs) {
		fputs("  requirements:\n", f);
		for (size_t r = 0; r < cat->n_requirements; r++) {
			if (a->requirement_weight[r] == 1)
				continue;
			wb_number_text(a->requirement_weight[r], num, sizeof(num));
			fputs("    ", f);
			tk_yaml_key(f, cat->requirements[r].id);
			fprintf(f, ": %s\n", num);
		}
	}
	if (doms) {
		fputs("  domains:\n", f);
		for (size_t d = 0; d < cat->n_domains; d++) {
			if (a->domain_weight[d] == 1)
				continue;
			wb_number_text(a->domain_weight[d], num, sizeof(num));
			fputs("    ", f);
			tk_yaml_key(f, cat->domains[d].id);
			fprintf(f, ": %s\n", num);
		}
	}
}

static void write_settings(FILE *f, const tk_assessment *a)
{
	char num[40];
	tk_yflow w = { f, false };
	if (a->balance_requirement == 2 && a->balance_domain == 1.5)
		return;
	fputs("settings: ", f);
	if (a->balance_requirement != 2) {
		wb_number_text(a->balance_requirement, num, sizeof(num));
		tk_yflow_key(&w, "balance_requirement");
		fputs(num, f);
	}
	if (a->balance_domain != 1.5) {
		wb_number_text(a->balance_domain, num, sizeof(num));
		tk_yflow_key(&w, "balance_domain");
		fputs(num, f);
	}
	tk_yflow_end(&w);
	fputc('\n', f);
}

int wb_target(const tk_assessment *a, size_t r)
{
	if (a->override_level[r])
		return a->override_level[r];
	return a->catalog->scoring.targets[a->level][a->importance[r]];
}

static void write_ratings(FILE *f, const tk_assessment *a)
{
	const tk_catalog *cat = a->catalog;
	fputs("ratings:\n", f);
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_domain *dom = &cat->domains[d];
		tk_yaml_domain_comment(f, dom);
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			size_t r = dom->first_requirement + k;
			const tk_requirement *req = &cat->requirements[r];
			tk_yaml_entry_comment(f, req);
			fprintf(f, "（目標 %d）\n  ", wb_target(a, r));
			tk_yaml_key(f, req->id);
			fputs(": ", f);
			tk_write_rating_flow(f, cat, &a->ratings[r]);
			fputc('\n', f);
		}
	}
}

static void write_improvements(FILE *f, const tk_assessment *a)
{
	if (!a->n_improvements) {
		fputs("improvements: []\n", f);
		return;
	}
	fputs("improvements:\n", f);
	for (size_t i = 0; i < a->n_improvements; i++) {
		const tk_improvement *im = &a->improvements[i];
		tk_yflow w = { f, false };
		fputs("  - ", f);
		tk_yflow_key(&w, "requirement");
		tk_yaml_key(f, a->catalog->requirements[im->requirement].id);
		if (im->cause != TK_CAUSE_NONE) {
			tk_yflow_key(&w, "cause");
			fputs(tk_cause_name_ja(im->cause), f);
		}
		tk_yflow_str(&w, "aim", im->aim);
		tk_yflow_str(&w, "content", im->content);
		tk_yflow_str(&w, "steps", im->steps);
		tk_yflow_date(&w, "due", im->due);
		tk_yflow_str(&w, "owner", im->owner);
		tk_yflow_end(&w);
		fputc('\n', f);
	}
}

tk_status tk_assessment_write_yaml(const tk_assessment *a, FILE *out, tk_error *err)
{
	const tk_catalog *cat = a->catalog;
	if (!cat || !cat->has_scoring || a->level < 2 || a->level > 5)
		return tk_error_set(err, TK_EINPUT, a->path, 0, 0, NULL,
			"評価シートとして書き出せません（カタログか目標レベルがありません）",
			"cannot write the assessment (no catalog or target level)");
	tk_yaml_write_head(out, "評価シート", cat,
		"# 各対策要求に core（1〜5）と周辺要素のランク（A〜D）、または na: 理由 / unknown: true を記入してください。\n"
		"# 書き方: docs/guide.ja.md\n");
	write_system(out, a);
	write_importance(out, a);
	write_targets(out, a);
	write_weights(out, a);
	write_settings(out, a);
	write_ratings(out, a);
	write_improvements(out, a);
	if (ferror(out))
		return tk_error_set(err, TK_EIO, a->path, 0, 0, NULL, "書き出せません", "cannot write");
	return TK_OK;
}
