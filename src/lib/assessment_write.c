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

/* An ID is written plain when YAML would read it back as the same string;
 * catalogs' IDs always are, but a catalog is data and may surprise. */
static void write_key(FILE *f, const char *id)
{
	bool plain = *id != '\0';
	for (const char *p = id; *p && plain; p++)
		plain = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			*p == '.' || *p == '_' || *p == '-';
	if (plain && (*id == '-' || *id == '.'))
		plain = false;
	if (plain)
		fputs(id, f);
	else
		tk_yaml_quote(f, id);
}

/* A flow mapping is written as "{ a: 1, b: 2 }"; sep keeps track of the
 * comma. */
typedef struct flow {
	FILE *f;
	bool any;
} flow;

static void key(flow *w, const char *k)
{
	fputs(w->any ? ", " : "{ ", w->f);
	fprintf(w->f, "%s: ", k);
	w->any = true;
}

static void str_field(flow *w, const char *k, const char *v)
{
	if (!v)
		return;
	key(w, k);
	tk_yaml_quote(w->f, v);
}

/* Dates were checked as YYYY-MM-DD when read, so they go plain, as people
 * write them. */
static void date_field(flow *w, const char *k, const char *v)
{
	if (!v)
		return;
	key(w, k);
	fputs(v, w->f);
}

static void end_flow(flow *w)
{
	fputs(w->any ? " }" : "{}", w->f);
}

static void write_answers(FILE *f, const tk_peripheral *per, const tk_answer *answers)
{
	static const char *const names[] = { "o", "t", "x" };
	flow w = { f, false };
	for (size_t c = 0; c < per->n_columns; c++) {
		key(&w, per->columns[c].id);
		fputs(names[answers[c] <= TK_ANSWER_X ? answers[c] : TK_ANSWER_X], f);
	}
	end_flow(&w);
}

static void write_assets(FILE *f, const tk_rating *rt)
{
	fputs("[ ", f);
	for (size_t i = 0; i < rt->n_assets; i++) {
		const tk_asset *as = &rt->assets[i];
		flow w = { f, false };
		if (i)
			fputs(", ", f);
		str_field(&w, "name", as->name);
		if (as->important) {
			key(&w, "important");
			fputs("true", f);
		}
		key(&w, "core");
		fprintf(f, "%d", as->core);
		end_flow(&w);
	}
	fputs(" ]", f);
}

static void write_evidence(FILE *f, const tk_rating *rt)
{
	fputs("[ ", f);
	for (size_t i = 0; i < rt->n_evidence; i++) {
		const tk_evidence *e = &rt->evidence[i];
		flow w = { f, false };
		if (i)
			fputs(", ", f);
		str_field(&w, "title", e->title);
		date_field(&w, "date", e->date);
		str_field(&w, "ref", e->ref);
		end_flow(&w);
	}
	fputs(" ]", f);
}

void tk_write_rating_flow(FILE *f, const tk_catalog *cat, const tk_rating *rt)
{
	flow w = { f, false };
	switch (rt->kind) {
	case TK_RATING_RATED:
		key(&w, rt->n_assets ? "assets" : "core");
		if (rt->n_assets)
			write_assets(f, rt);
		else
			fprintf(f, "%d", rt->core);
		for (int p = 0; p < TK_PERIPHERALS; p++) {
			if (!rt->rank_given[p])
				continue; /* a missing rank counts as D and stays missing */
			const tk_peripheral *per = &cat->scoring.peripherals[p];
			key(&w, per->id);
			if (rt->from_answers[p] && rt->answers[p])
				write_answers(f, per, rt->answers[p]);
			else
				fputs(tk_rank_name(rt->ranks[p]), f);
		}
		break;
	case TK_RATING_NA:
		str_field(&w, "na", rt->na_reason);
		break;
	case TK_RATING_UNKNOWN:
		key(&w, "unknown");
		fputs("true", f);
		break;
	case TK_RATING_UNASSESSED:
		break;
	}
	if (rt->n_evidence) {
		key(&w, "evidence");
		write_evidence(f, rt);
	}
	str_field(&w, "note", rt->note);
	end_flow(&w);
}

static void write_system(FILE *f, const tk_assessment *a)
{
	flow w = { f, false };
	fputs("system: ", f);
	str_field(&w, "name", a->system_name);
	key(&w, "level");
	fprintf(f, "%d", a->level);
	str_field(&w, "organization", a->organization);
	date_field(&w, "date", a->date);
	str_field(&w, "assessor", a->assessor);
	str_field(&w, "reason", a->level_reason);
	end_flow(&w);
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
		write_key(f, cat->requirements[r].id);
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
		flow w = { f, false };
		fputs("\n  ", f);
		write_key(f, cat->requirements[r].id);
		fputs(": ", f);
		key(&w, "level");
		fprintf(f, "%d", a->override_level[r]);
		str_field(&w, "reason", a->override_reason[r]);
		end_flow(&w);
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
			write_key(f, cat->requirements[r].id);
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
			write_key(f, cat->domains[d].id);
			fprintf(f, ": %s\n", num);
		}
	}
}

static void write_settings(FILE *f, const tk_assessment *a)
{
	char num[40];
	flow w = { f, false };
	if (a->balance_requirement == 2 && a->balance_domain == 1.5)
		return;
	fputs("settings: ", f);
	if (a->balance_requirement != 2) {
		wb_number_text(a->balance_requirement, num, sizeof(num));
		key(&w, "balance_requirement");
		fputs(num, f);
	}
	if (a->balance_domain != 1.5) {
		wb_number_text(a->balance_domain, num, sizeof(num));
		key(&w, "balance_domain");
		fputs(num, f);
	}
	end_flow(&w);
	fputc('\n', f);
}

int wb_target(const tk_assessment *a, size_t r)
{
	if (a->override_level[r])
		return a->override_level[r];
	return a->catalog->scoring.targets[a->level][a->importance[r]];
}

/* A title in a comment: on one line, whatever the catalog holds. */
static void comment_text(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void write_ratings(FILE *f, const tk_assessment *a)
{
	const tk_catalog *cat = a->catalog;
	fputs("ratings:\n", f);
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_domain *dom = &cat->domains[d];
		fprintf(f, "  # ---- %s ", dom->id);
		comment_text(f, dom->title_ja);
		fputc('\n', f);
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			size_t r = dom->first_requirement + k;
			const tk_requirement *req = &cat->requirements[r];
			fprintf(f, "  # %s ", req->id);
			comment_text(f, req->title_ja);
			fprintf(f, "（目標 %d）\n  ", wb_target(a, r));
			write_key(f, req->id);
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
		flow w = { f, false };
		fputs("  - ", f);
		key(&w, "requirement");
		write_key(f, a->catalog->requirements[im->requirement].id);
		if (im->cause != TK_CAUSE_NONE) {
			key(&w, "cause");
			fputs(tk_cause_name_ja(im->cause), f);
		}
		str_field(&w, "aim", im->aim);
		str_field(&w, "content", im->content);
		str_field(&w, "steps", im->steps);
		date_field(&w, "due", im->due);
		str_field(&w, "owner", im->owner);
		end_flow(&w);
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
	fputs("# taisaku 評価シート: ", out);
	comment_text(out, cat->title_ja);
	fprintf(out, " (%s)\n", cat->id);
	fputs("# 各対策要求に core（1〜5）と周辺要素のランク（A〜D）、または na: 理由 / unknown: true を記入してください。\n"
	      "# 書き方: docs/guide.ja.md\n", out);
	fputs("catalog: ", out);
	write_key(out, cat->id);
	fputc('\n', out);
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
