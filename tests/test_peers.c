/* Peer statistics (include/taisaku/peers.h) against hand-computed cases. */
#include <math.h>
#include <string.h>

#include "taisaku/peers.h"
#include "testutil.h"

#define EPS 1e-9

static const char *const FIVE[] = { "A社", "B社", "C社", "D社", "E社" };

/* One entry over peers from the given organisations. */
static tk_peer_stat one(const double *levels, const char *const *orgs, size_t n, double self,
	tk_peer_summary *sum)
{
	const double *entries[1] = { levels };
	tk_peer_group g = { .n_peers = n, .organisations = orgs, .n_entries = 1, .levels = entries };
	tk_peer_stat st;
	tk_error err = { 0 };
	assert_int_equal(tk_peer_stats(&g, &self, &st, sum, &err), TK_OK);
	return st;
}

/* Levels 1..5, one per organisation: μ = 3, σ = √2 (population). */
static void spread_one_to_five(void **state)
{
	(void)state;
	static const double x[] = { 1, 2, 3, 4, 5 };
	tk_peer_summary sum;
	tk_peer_stat s = one(x, FIVE, 5, 3, &sum);
	assert_false(sum.suppressed);
	assert_int_equal(sum.organisations, 5);
	assert_true(s.shown);
	assert_int_equal(s.count, 5);
	assert_float_equal(s.mean, 3, EPS);
	assert_float_equal(s.sd, sqrt(2), EPS);   /* √((4+1+0+1+4)/5) */
	assert_float_equal(s.percentile, 50, EPS); /* (2 below + 1 equal / 2) / 5 */
	assert_float_equal(s.deviation, 50, EPS);

	s = one(x, FIVE, 5, 5, &sum);
	assert_float_equal(s.percentile, 90, EPS); /* (4 + 0.5) / 5 */
	assert_float_equal(s.deviation, 64.14213562373095, 1e-9); /* 2/√2 × 10 + 50 */

	s = one(x, FIVE, 5, 4.5, &sum);              /* a level no peer has */
	assert_float_equal(s.percentile, 80, EPS);   /* 4 below, none equal */
	assert_float_equal(s.deviation, 60.60660171779821, 1e-9);

	s = one(x, FIVE, 5, 1, &sum);
	assert_float_equal(s.percentile, 10, EPS);   /* (0 + 0.5) / 5 */
	assert_float_equal(s.deviation, 35.85786437626905, 1e-9);
}

/* Ties count half; two systems of one organisation both count as peers. */
static void ties_and_two_systems_of_one_organisation(void **state)
{
	(void)state;
	static const double x[] = { 3, 3, 3, 3, 4, 2 };
	static const char *const orgs[] = { "A社", "B社", "C社", "D社", "E社", "E社" };
	tk_peer_summary sum;
	tk_peer_stat s = one(x, orgs, 6, 3, &sum);
	assert_int_equal(sum.organisations, 5);
	assert_int_equal(s.count, 6);
	assert_int_equal(s.organisations, 5);
	assert_float_equal(s.mean, 3, EPS);
	assert_float_equal(s.sd, sqrt(1.0 / 3), EPS); /* √((0·4 + 1 + 1) / 6) */
	assert_float_equal(s.percentile, 50, EPS);     /* (1 below + 4 equal / 2) / 6 */
	assert_float_equal(s.deviation, 50, EPS);
	s = one(x, orgs, 6, 4, &sum);
	assert_float_equal(s.percentile, 100.0 * 5.5 / 6, EPS);
	assert_float_equal(s.deviation, 1 / sqrt(1.0 / 3) * 10 + 50, EPS);
}

/* σ = 0: every peer at the same level; the deviation value is 50. */
static void no_spread(void **state)
{
	(void)state;
	static const double x[] = { 3, 3, 3, 3, 3 };
	tk_peer_summary sum;
	tk_peer_stat s = one(x, FIVE, 5, 4, &sum);
	assert_float_equal(s.sd, 0, EPS);
	assert_float_equal(s.deviation, 50, EPS);
	assert_float_equal(s.percentile, 100, EPS);
	s = one(x, FIVE, 5, 3, &sum);
	assert_float_equal(s.percentile, 50, EPS);
}

/* Domain levels are means: the same level reached by other sums is equal. */
static void means_compare_equal(void **state)
{
	(void)state;
	double x[] = { 10.0 / 3, (1.0 + 4 + 5) / 3, 2, 4, 3 };
	tk_peer_summary sum;
	tk_peer_stat s = one(x, FIVE, 5, (3.0 + 3 + 4) / 3, &sum);
	assert_float_equal(s.percentile, 100.0 * (2 + 2 / 2.0) / 5, EPS); /* 2 and 3 below, two equal */
}

/* Ten systems from four organisations: nothing leaves the function. */
static void group_below_five_organisations(void **state)
{
	(void)state;
	static const double a[] = { 1, 2, 3, 4, 5, 1, 2, 3, 4, 5 }, b[] = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 };
	static const char *const orgs[] = { "A", "A", "A", "B", "B", "C", "C", "D", "D", "D" };
	const double *entries[] = { a, b };
	tk_peer_group g = { .n_peers = 10, .organisations = orgs, .n_entries = 2, .levels = entries };
	double self[] = { 3, 2 };
	tk_peer_stat st[2];
	tk_peer_summary sum;
	tk_error err = { 0 };
	assert_int_equal(tk_peer_stats(&g, self, st, &sum, &err), TK_OK);
	assert_true(sum.suppressed);
	assert_int_equal(sum.organisations, 4);
	assert_int_equal(sum.n_suppressed, 2);
	for (int e = 0; e < 2; e++) {
		assert_false(st[e].shown);
		assert_int_equal(st[e].count, 0);
		assert_true(isnan(st[e].mean) && isnan(st[e].sd) && isnan(st[e].percentile) && isnan(st[e].deviation));
		assert_float_equal(st[e].level, self[e], EPS); /* the system's own level is its own */
	}
}

/* Five organisations in the group, but one entry has levels from only four
 * of them (the fifth rated it na): that entry is not shown, the others are.
 * The system's own level may be missing too. */
static void entry_below_five_organisations(void **state)
{
	(void)state;
	static const double a[] = { 1, 2, 3, 4, 5 }, b[] = { 2, 3, 4, 5, NAN }, c[] = { 4, 4, NAN, 2, 2 };
	static const char *const orgs[] = { "A", "B", "C", "D", "E" };
	const double *entries[] = { a, b, c };
	tk_peer_group g = { .n_peers = 5, .organisations = orgs, .n_entries = 3, .levels = entries };
	double self[] = { NAN, 3, 2 };
	tk_peer_stat st[3];
	tk_peer_summary sum;
	tk_error err = { 0 };
	assert_int_equal(tk_peer_stats(&g, self, st, &sum, &err), TK_OK);
	assert_false(sum.suppressed);
	assert_int_equal(sum.n_suppressed, 2);
	assert_true(st[0].shown);
	assert_false(st[0].has_level);
	assert_int_equal(st[0].count, 5);
	assert_float_equal(st[0].mean, 3, EPS);
	assert_true(isnan(st[0].percentile) && isnan(st[0].deviation));
	assert_false(st[1].shown);
	assert_int_equal(st[1].organisations, 4);
	assert_true(isnan(st[1].mean));
	assert_false(st[2].shown);
}

static void bad_input(void **state)
{
	(void)state;
	static const double x[] = { 1, 2, 3, 4, 5 }, inf[] = { 1, 2, INFINITY, 4, 5 };
	static const char *const orgs[] = { "A", "B", "", "D", "E" };
	const double *entries[] = { x };
	tk_peer_group g = { .n_peers = 5, .organisations = orgs, .n_entries = 1, .levels = entries };
	double self = 3;
	tk_peer_stat st;
	tk_peer_summary sum;
	tk_error err = { 0 };
	assert_int_equal(tk_peer_stats(&g, &self, &st, &sum, &err), TK_EINPUT);
	assert_string_equal(err.en, "peer system 3 has no organisation");
	g.organisations = FIVE;
	entries[0] = inf;
	tk_error_clear(&err);
	assert_int_equal(tk_peer_stats(&g, &self, &st, &sum, &err), TK_EINPUT);
	assert_string_equal(err.en, "peer system 3 has a level that is not a finite number");
	assert_false(st.shown);
}

/* No peers at all: suppressed, not a crash. */
static void empty_group(void **state)
{
	(void)state;
	tk_peer_group g = { 0 };
	tk_peer_summary sum;
	tk_error err = { 0 };
	assert_int_equal(tk_peer_stats(&g, NULL, NULL, &sum, &err), TK_OK);
	assert_true(sum.suppressed);
	assert_int_equal(sum.organisations, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spread_one_to_five),
		cmocka_unit_test(ties_and_two_systems_of_one_organisation),
		cmocka_unit_test(no_spread),
		cmocka_unit_test(means_compare_equal),
		cmocka_unit_test(group_below_five_organisations),
		cmocka_unit_test(entry_below_five_organisations),
		cmocka_unit_test(bad_input),
		cmocka_unit_test(empty_group),
	};
	return cmocka_run_group_tests_name("peer statistics", tests, NULL, NULL);
}
