/* The evaluation rules of MODEL.md §2-§6, table by table, on the real ECOM
 * catalog, and properties that must hold for any assessment. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/assessment.h"
#include "ecom_fixture.h"
#include "testutil.h"

/* Loads an assessment text that must be valid. */
static tk_assessment *load(const char *yaml)
{
	tk_assessment *a = NULL;
	tk_error err = { 0 };
	tk_status st = tk_assessment_load_buffer("a.yaml", yaml, strlen(yaml), ecom_resolve, NULL, &a, &err);
	if (st) {
		char buf[1024];
		print_error("%s\n", tk_error_format(&err, TK_LANG_EN, buf, sizeof(buf)));
	}
	assert_int_equal(st, TK_OK);
	return a;
}

static tk_evaluation *eval(const tk_assessment *a)
{
	tk_evaluation *e = NULL;
	tk_error err = { 0 };
	assert_int_equal(tk_evaluate(a, &e, &err), TK_OK);
	return e;
}

static size_t req_index(const char *id)
{
	const tk_requirement *r = tk_catalog_requirement(ecom, id);
	assert_non_null(r);
	return (size_t)(r - ecom->requirements);
}

#define A TK_RANK_A
#define B TK_RANK_B
#define C TK_RANK_C
#define D TK_RANK_D

/* §3, table 4-5 as printed: thresholds A (5), B (4), B (3), C (2). */
static void achieved_level_table(void **state)
{
	(void)state;
	static const struct { int core; tk_rank r[5]; int want; } rows[] = {
		{ 5, { A, A, A, A, A }, 5 },
		{ 5, { A, A, A, A, B }, 4 },   /* one B keeps it from 5 */
		{ 4, { A, A, A, A, A }, 4 },   /* core caps the level */
		{ 4, { B, B, B, B, B }, 4 },
		{ 3, { B, B, B, B, B }, 3 },
		{ 5, { B, B, B, B, B }, 4 },
		{ 4, { B, B, B, B, C }, 2 },   /* levels 3 and 4 both need B: one C falls to 2 */
		{ 3, { A, A, A, A, C }, 2 },
		{ 2, { C, C, C, C, C }, 2 },
		{ 5, { C, C, C, C, C }, 2 },
		{ 5, { C, C, C, C, D }, 1 },   /* D (or missing) fails every level */
		{ 1, { A, A, A, A, A }, 1 },
		{ 2, { A, A, A, A, A }, 2 },
		{ 3, { D, A, A, A, A }, 1 },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		int got = tk_level_achieved(&ecom->scoring, rows[i].core, rows[i].r);
		if (got != rows[i].want)
			print_error("row %zu: core %d -> %d, want %d\n", i, rows[i].core, got, rows[i].want);
		assert_int_equal(got, rows[i].want);
	}
}

/* §4, table 4-4: every cell, through an assessment. */
static void target_table(void **state)
{
	(void)state;
	static const int want[6][4] = {
		[5] = { 5, 5, 4, 4 }, [4] = { 4, 4, 3, 3 }, [3] = { 4, 3, 3, 2 }, [2] = { 2, 2, 2, 2 },
	};
	static const char *imp[] = { "critical", "important", "general", "low" };
	for (int s = 2; s <= 5; s++) {
		for (int k = 0; k < 4; k++) {
			assert_int_equal(ecom->scoring.targets[s][k], want[s][k]);
			char yaml[256];
			snprintf(yaml, sizeof(yaml), "catalog: ecom-2004\nsystem: { name: x, level: %d }\n"
				"importance: { Tb2.3: %s }\n", s, imp[k]);
			tk_assessment *a = load(yaml);
			tk_evaluation *e = eval(a);
			assert_int_equal(e->requirements[req_index("Tb2.3")].target, want[s][k]);
			assert_int_equal(e->requirements[req_index("Tb2.3")].derived_target, want[s][k]);
			/* Everything else stays general. */
			assert_int_equal(e->requirements[req_index("Ma1.1")].target, want[s][2]);
			tk_evaluation_free(e);
			tk_assessment_free(a);
		}
	}
}

/* §4: an override moves the derived target by one, with its reason. */
static void target_override(void **state)
{
	(void)state;
	tk_assessment *a = load("catalog: ecom-2004\nsystem: { name: x, level: 3 }\n"
		"targets: { Ma1.2: { level: 4, reason: 経営方針 }, Ma1.3: { level: 2, reason: 低リスク } }\n");
	tk_evaluation *e = eval(a);
	assert_int_equal(e->requirements[req_index("Ma1.2")].target, 4);
	assert_int_equal(e->requirements[req_index("Ma1.2")].derived_target, 3);
	assert_int_equal(e->requirements[req_index("Ma1.3")].target, 2);
	assert_string_equal(a->override_reason[req_index("Ma1.2")], "経営方針");
	tk_evaluation_free(e);
	tk_assessment_free(a);
}

/* The minimal answer that satisfies a cell. */
static tk_answer minimal(tk_cell c)
{
	switch (c) {
	case TK_CELL_O: return TK_ANSWER_O;
	case TK_CELL_T: case TK_CELL_O_OR_T: return TK_ANSWER_T;
	default: return TK_ANSWER_X;
	}
}

/* MODEL.md §2 read literally: ○ satisfies ○, △, ―; △ satisfies △, ―, △or×
 * and ○or△; × satisfies ― and △or×. */
static bool literal_accepts(tk_cell c, tk_answer a)
{
	switch (c) {
	case TK_CELL_O: return a == TK_ANSWER_O;
	case TK_CELL_T: return a != TK_ANSWER_X;
	case TK_CELL_X: return true;
	case TK_CELL_ANY: return true;
	case TK_CELL_T_OR_X: return a != TK_ANSWER_O;
	case TK_CELL_O_OR_T: return a != TK_ANSWER_X;
	}
	return false;
}

static tk_rank literal_rank(const tk_peripheral *p, const tk_answer *ans)
{
	for (size_t r = 0; r < p->n_rows; r++) {
		size_t c = 0;
		while (c < p->n_columns && literal_accepts((tk_cell)p->rows[r].cells[c], ans[c]))
			c++;
		if (c == p->n_columns)
			return p->rows[r].rank;
	}
	return TK_RANK_D;
}

/* Tables 4-8 to 4-12: each printed row's own minimal answers give its rank;
 * all-× gives D; and for every combination of answers the catalog's reading
 * of the cells agrees with the literal one of MODEL.md §2. */
static void criteria_tables(void **state)
{
	(void)state;
	for (int p = 0; p < TK_PERIPHERALS; p++) {
		const tk_peripheral *per = &ecom->scoring.peripherals[p];
		tk_answer ans[8];
		assert_true(per->n_columns <= 8);
		for (size_t r = 0; r < per->n_rows; r++) {
			for (size_t c = 0; c < per->n_columns; c++)
				ans[c] = minimal((tk_cell)per->rows[r].cells[c]);
			assert_int_equal(tk_peripheral_rank(per, ans), per->rows[r].rank);
		}
		for (size_t c = 0; c < per->n_columns; c++)
			ans[c] = TK_ANSWER_X;
		assert_int_equal(tk_peripheral_rank(per, ans), TK_RANK_D);
		size_t combos = 1;
		for (size_t c = 0; c < per->n_columns; c++)
			combos *= 3;
		for (size_t k = 0; k < combos; k++) {
			size_t x = k;
			for (size_t c = 0; c < per->n_columns; c++, x /= 3)
				ans[c] = (tk_answer)(x % 3);
			assert_int_equal(tk_peripheral_rank(per, ans), literal_rank(per, ans));
		}
	}
}

/* Table 4-10 (execution management) row by row, as printed. */
static void management_table_rows(void **state)
{
	(void)state;
	const tk_peripheral *m = &ecom->scoring.peripherals[TK_P_MANAGEMENT];
	static const struct { tk_answer a, b; tk_rank want; } rows[] = {
		{ TK_ANSWER_O, TK_ANSWER_O, A }, { TK_ANSWER_O, TK_ANSWER_T, B }, { TK_ANSWER_T, TK_ANSWER_O, B },
		{ TK_ANSWER_T, TK_ANSWER_T, C }, { TK_ANSWER_X, TK_ANSWER_T, C }, { TK_ANSWER_X, TK_ANSWER_O, C },
		{ TK_ANSWER_O, TK_ANSWER_X, D }, { TK_ANSWER_X, TK_ANSWER_X, D },
	};
	assert_int_equal(m->n_columns, 2);
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		tk_answer ans[2] = { rows[i].a, rows[i].b };
		assert_int_equal(tk_peripheral_rank(m, ans), rows[i].want);
	}
}

/* §2 coverage over assets. */
static void coverage_rule(void **state)
{
	(void)state;
	static const struct { tk_asset a[4]; size_t n; int want; } rows[] = {
		{ { { "a", true, 5 }, { "b", false, 5 } }, 2, 5 },
		{ { { "a", true, 5 }, { "b", false, 4 } }, 2, 4 },
		{ { { "a", true, 4 }, { "b", false, 3 } }, 2, 4 },
		{ { { "a", true, 4 }, { "b", false, 2 } }, 2, 3 },
		{ { { "a", true, 3 }, { "b", false, 2 } }, 2, 3 },
		{ { { "a", true, 3 }, { "b", false, 1 } }, 2, 2 },
		{ { { "a", true, 2 }, { "b", false, 1 } }, 2, 2 },
		{ { { "a", true, 1 }, { "b", false, 5 } }, 2, 1 },
		/* No asset marked important: all are important. */
		{ { { "a", false, 4 }, { "b", false, 3 } }, 2, 3 },
		{ { { "a", false, 4 }, { "b", false, 4 } }, 2, 4 },
		{ { { "a", false, 5 } }, 1, 5 },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++)
		assert_int_equal(tk_core_from_assets(rows[i].a, rows[i].n), rows[i].want);
	tk_assessment *a = load("catalog: ecom-2004\nsystem: { name: x, level: 3 }\nratings:\n"
		"  Tb2.3: { assets: [ { name: web01, important: true, core: 4 }, { name: web02, important: true, core: 3 },"
		" { name: dev01, core: 2 } ], study: B, process: B, management: B, review: B, documentation: B }\n");
	tk_evaluation *e = eval(a);
	const tk_req_result *r = &e->requirements[req_index("Tb2.3")];
	assert_int_equal(r->core, 3);
	assert_int_equal(r->achieved, 3);
	assert_true(fabs(r->coverage - 2.0 / 3.0) < 1e-12); /* 2 of 3 assets at target 3 */
	tk_evaluation_free(e);
	tk_assessment_free(a);
}

/* §2 and §6: statuses, gaps and what is missing. */
static void statuses_and_missing(void **state)
{
	(void)state;
	tk_assessment *a = load("catalog: ecom-2004\nsystem: { name: x, level: 3 }\nratings:\n"
		"  Ma1.1: { core: 3, study: B, process: B, management: A, review: C, documentation: B }\n"
		"  Ma1.2: { core: 5, study: A, process: A, management: A, review: A, documentation: A }\n"
		"  Ma1.3: { core: 3, study: B, process: B, management: B, review: B, documentation: B }\n"
		"  Ma1.4: { core: 4, study: B, process: B }\n"
		"  Ma1.5: { unknown: true }\n"
		"  Ma1.6: { na: 予算は親会社が管理 }\n");
	tk_evaluation *e = eval(a);
	const tk_req_result *r = &e->requirements[req_index("Ma1.1")];
	assert_int_equal(r->status, TK_ST_UNDER);
	assert_int_equal(r->achieved, 2);
	assert_int_equal(r->gap, -1);
	assert_int_equal(r->n_missing_target, 1);
	assert_int_equal(r->missing_target[0].element, TK_EL_REVIEW);
	assert_int_equal(r->missing_target[0].have, C);
	assert_int_equal(r->missing_target[0].need, B);
	r = &e->requirements[req_index("Ma1.2")];
	assert_int_equal(r->status, TK_ST_OVER);
	assert_int_equal(r->gap, 2);
	assert_int_equal(r->n_missing_next, 0); /* nothing above 5 */
	r = &e->requirements[req_index("Ma1.3")];
	assert_int_equal(r->status, TK_ST_MET);
	/* Next level 4 needs core 4; the ranks already are B. */
	assert_int_equal(r->n_missing_next, 1);
	assert_int_equal(r->missing_next[0].element, TK_EL_CORE);
	assert_int_equal(r->missing_next[0].need, 4);
	/* Missing ranks count as D: fails every level above 1. */
	r = &e->requirements[req_index("Ma1.4")];
	assert_int_equal(r->achieved, 1);
	assert_false(a->ratings[req_index("Ma1.4")].rank_given[TK_P_REVIEW]);
	assert_int_equal(r->n_missing_target, 3); /* management, review, documentation */
	r = &e->requirements[req_index("Ma1.5")];
	assert_int_equal(r->status, TK_ST_UNKNOWN);
	assert_int_equal(r->achieved, 1);
	assert_true(r->counted);
	r = &e->requirements[req_index("Ma1.6")];
	assert_int_equal(r->status, TK_ST_NA);
	assert_false(r->counted);
	assert_int_equal(e->n_unassessed, ecom->n_requirements - 6);
	assert_false(e->complete);
	assert_int_equal(tk_evaluation_exit_code(e), 2);
	/* Domain Ma1: (2 + 5 + 3 + 1 + 1) / 5 over the counted five. */
	const tk_aggregate *d = &e->domains[0];
	assert_true(d->counted);
	assert_true(fabs(d->level - 12.0 / 5.0) < 1e-12);
	assert_true(fabs(d->target - 3.0) < 1e-12);
	/* Only Ma1 is counted, so the system is Ma1. */
	assert_true(fabs(e->system.level - 12.0 / 5.0) < 1e-12);
	assert_false(e->domains[1].counted);
	tk_evaluation_free(e);
	tk_assessment_free(a);
}

/* §5 weights, §6 balance. */
static void weights_and_balance(void **state)
{
	(void)state;
	tk_assessment *a = load("catalog: ecom-2004\nsystem: { name: x, level: 3 }\n"
		"weights: { requirements: { Ma1.1: 3 }, domains: { Ma2: 3 } }\nratings:\n"
		"  Ma1.1: { core: 5, study: A, process: A, management: A, review: A, documentation: A }\n"
		"  Ma1.2: { core: 1, study: A, process: A, management: A, review: A, documentation: A }\n"
		"  Ma2.1: { core: 2, study: C, process: C, management: C, review: C, documentation: C }\n");
	tk_evaluation *e = eval(a);
	/* Ma1 = (3*5 + 1*1) / 4 = 4; Ma2 = 2; system = (1*4 + 3*2) / 4 = 2.5. */
	assert_true(fabs(e->domains[0].level - 4.0) < 1e-12);
	assert_true(fabs(e->domains[1].level - 2.0) < 1e-12);
	assert_true(fabs(e->system.level - 2.5) < 1e-12);
	assert_true(fabs(e->views[0].level - 2.5) < 1e-12);
	/* |1 - 4| >= 2 flags Ma1.2; |5 - 4| does not flag Ma1.1; |4 - 2.5| = 1.5 flags Ma1. */
	assert_true(e->requirements[req_index("Ma1.2")].imbalance);
	assert_false(e->requirements[req_index("Ma1.1")].imbalance);
	assert_true(e->domains[0].imbalance);
	assert_false(e->domains[1].imbalance); /* |2 - 2.5| */
	tk_evaluation_free(e);
	tk_assessment_free(a);
}

/* ---- properties, over many generated assessments (fixed seed) ---- */

static unsigned rng_state = 12345;
static unsigned rng(unsigned n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 16) % n;
}

/* A random complete assessment; some entries na or unknown. */
static char *random_assessment(int level)
{
	size_t cap = 64 * 1024, len = 0;
	char *s = malloc(cap);
	len += snprintf(s + len, cap - len, "catalog: ecom-2004\nsystem: { name: x, level: %d }\nratings:\n", level);
	static const char ranks[] = "ABCD";
	for (size_t i = 0; i < ecom->n_requirements; i++) {
		unsigned kind = rng(20);
		const char *id = ecom->requirements[i].id;
		if (kind == 0)
			len += snprintf(s + len, cap - len, "  %s: { na: 理由 }\n", id);
		else if (kind == 1)
			len += snprintf(s + len, cap - len, "  %s: { unknown: true }\n", id);
		else
			len += snprintf(s + len, cap - len,
				"  %s: { core: %u, study: %c, process: %c, management: %c, review: %c, documentation: %c }\n",
				id, 1 + rng(5), ranks[rng(4)], ranks[rng(4)], ranks[rng(4)], ranks[rng(4)], ranks[rng(4)]);
	}
	return s;
}

static void property_monotone(void **state)
{
	(void)state;
	/* Raising the core or any rank never lowers the achieved level. */
	for (int core = 1; core <= 5; core++)
		for (int x = 0; x < 1024; x++) {
			tk_rank r[5];
			for (int p = 0; p < 5; p++)
				r[p] = (tk_rank)((x >> (2 * p)) & 3);
			int base = tk_level_achieved(&ecom->scoring, core, r);
			if (core < 5)
				assert_true(tk_level_achieved(&ecom->scoring, core + 1, r) >= base);
			for (int p = 0; p < 5; p++) {
				if (r[p] == TK_RANK_A)
					continue;
				tk_rank better[5];
				memcpy(better, r, sizeof(better));
				better[p] = (tk_rank)(r[p] - 1);
				assert_true(tk_level_achieved(&ecom->scoring, core, better) >= base);
			}
		}
	/* Better answers never give a worse rank, in every criteria table. */
	for (int p = 0; p < TK_PERIPHERALS; p++) {
		const tk_peripheral *per = &ecom->scoring.peripherals[p];
		for (int k = 0; k < 500; k++) {
			tk_answer ans[8];
			for (size_t c = 0; c < per->n_columns; c++)
				ans[c] = (tk_answer)rng(3);
			tk_rank base = tk_peripheral_rank(per, ans);
			size_t c = rng((unsigned)per->n_columns);
			if (ans[c] == TK_ANSWER_O)
				continue;
			ans[c] = (tk_answer)(ans[c] - 1);
			assert_true(tk_peripheral_rank(per, ans) <= base);
		}
	}
}

static void property_aggregates_and_na(void **state)
{
	(void)state;
	for (int round = 0; round < 200; round++) {
		int level = 2 + (int)rng(4);
		char *yaml = random_assessment(level);
		tk_assessment *a = load(yaml);
		tk_evaluation *e = eval(a);
		/* Aggregates stay within 1..5. */
		for (size_t d = 0; d < ecom->n_domains; d++)
			if (e->domains[d].counted)
				assert_true(e->domains[d].level >= 1 - 1e-12 && e->domains[d].level <= 5 + 1e-12);
		if (e->system.counted)
			assert_true(e->system.level >= 1 - 1e-12 && e->system.level <= 5 + 1e-12);
		/* N/A on one requirement never changes another requirement's result. */
		size_t victim = rng((unsigned)ecom->n_requirements);
		char pattern[64];
		snprintf(pattern, sizeof(pattern), "  %s: {", ecom->requirements[victim].id);
		char *at = strstr(yaml, pattern);
		assert_non_null(at);
		char *end = strchr(at, '\n');
		size_t n = strlen(yaml) + 64;
		char *changed = malloc(n);
		snprintf(changed, n, "%.*s  %s: { na: 対象外 }%s", (int)(at - yaml), yaml,
			ecom->requirements[victim].id, end);
		tk_assessment *a2 = load(changed);
		tk_evaluation *e2 = eval(a2);
		assert_int_equal(e2->requirements[victim].status, TK_ST_NA);
		for (size_t i = 0; i < ecom->n_requirements; i++) {
			if (i == victim)
				continue;
			const tk_req_result *x = &e->requirements[i], *y = &e2->requirements[i];
			assert_int_equal(x->status, y->status);
			assert_int_equal(x->achieved, y->achieved);
			assert_int_equal(x->target, y->target);
		}
		tk_evaluation_free(e2);
		tk_assessment_free(a2);
		free(changed);
		tk_evaluation_free(e);
		tk_assessment_free(a);
		free(yaml);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(achieved_level_table),
		cmocka_unit_test(target_table),
		cmocka_unit_test(target_override),
		cmocka_unit_test(criteria_tables),
		cmocka_unit_test(management_table_rows),
		cmocka_unit_test(coverage_rule),
		cmocka_unit_test(statuses_and_missing),
		cmocka_unit_test(weights_and_balance),
		cmocka_unit_test(property_monotone),
		cmocka_unit_test(property_aggregates_and_na),
	};
	return cmocka_run_group_tests(tests, ecom_setup, ecom_teardown);
}
