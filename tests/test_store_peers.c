/* The store's peer query (tk_store_peers) against statistics computed here
 * by hand from the example assessments, evaluated independently: the peer
 * group (latest rounds only, same attributes, other systems), the counts,
 * means, population sd, percentiles, deviation values, and k-anonymity. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ecom_fixture.h"
#include "taisaku/store.h"
#include "store_fixture.h"
#include "testutil.h"

#define EX(name) TK_SOURCE_ROOT "/examples/" name ".yaml"

static char tmpdir[256], url[512];
static tk_store *store;

/* The peer systems: organisation, file of the latest round. 乙 has two
 * systems; 戊's older round (small-company, 2026-09-18 is NOT older: so
 * 戊 gets 2025 first and 2026 last) must not count. */
static const struct {
	const char *org, *system, *older, *latest;
} PEERS[] = {
	{ "甲社", "生産管理", NULL, EX("ordinary-company-2025") },
	{ "乙社", "販売管理", NULL, EX("financial-institution") },
	{ "乙社", "設計", NULL, EX("small-company") },
	{ "丙社", "社内業務", NULL, EX("small-company") },
	{ "丁社", "基幹", NULL, EX("financial-institution") },
	{ "戊社", "受発注", EX("ordinary-company-2025"), EX("ordinary-company-2026") },
};
enum { N_PEERS = 6 };
#define SELF_ORG "北辰"
#define SELF_FILE EX("ordinary-company-2026")

static void add(const char *org, const char *system, const char *industry, const char *file)
{
	tk_error err = { 0 };
	tk_store_system y;
	tk_arena *a = tk_arena_new(4096);
	tk_status found = tk_store_system_find(store, org, system, &y, a, &err);
	tk_arena_free(a);
	if (found != TK_OK) {
		tk_store_org_add(store, org, NULL, &err); /* may exist already */
		assert_int_equal(tk_store_system_add(store, org, system, industry, "中", NULL, &err), TK_OK);
	}
	assert_int_equal(tk_store_round_import_file(store, org, system, file, ecom_resolve, NULL, NULL, &err), TK_OK);
}

static int setup(void **state)
{
	if (ecom_setup(state))
		return -1;
	return store_fixture_open("/tmp/taisaku-peers-XXXXXX", tmpdir, url, &store);
}

static int teardown(void **state)
{
	store_fixture_close(store, tmpdir);
	return ecom_teardown(state);
}

static tk_evaluation *evaluate(const char *file, tk_assessment **as)
{
	tk_error err = { 0 };
	tk_evaluation *e;
	assert_int_equal(tk_assessment_load_file(file, ecom_resolve, NULL, as, &err), TK_OK);
	assert_int_equal(tk_evaluate(*as, &e, &err), TK_OK);
	return e;
}

/* The expected statistics of one entry, by the definitions in peers.h. */
static void expect(const tk_peer_stat *got, double self, const double *x, const char *const *orgs)
{
	size_t count = 0, below = 0, equal = 0, n_orgs = 0;
	const char *seen[N_PEERS];
	double sum = 0;
	for (int p = 0; p < N_PEERS; p++) {
		if (isnan(x[p]))
			continue;
		count++;
		sum += x[p];
		below += x[p] < self - 1e-9;
		equal += fabs(x[p] - self) <= 1e-9;
		bool known = false;
		for (size_t k = 0; k < n_orgs; k++)
			known |= strcmp(seen[k], orgs[p]) == 0;
		if (!known)
			seen[n_orgs++] = orgs[p];
	}
	if (n_orgs < 5) {
		assert_false(got->shown);
		assert_true(isnan(got->mean));
		return;
	}
	assert_true(got->shown);
	assert_int_equal(got->count, count);
	double mean = sum / (double)count, ss = 0;
	for (int p = 0; p < N_PEERS; p++)
		if (!isnan(x[p]))
			ss += (x[p] - mean) * (x[p] - mean);
	double sd = sqrt(ss / (double)count);
	assert_true(fabs(got->mean - mean) < 1e-9);
	assert_true(fabs(got->sd - sd) < 1e-9);
	if (isnan(self)) {
		assert_true(isnan(got->percentile));
		return;
	}
	assert_true(fabs(got->percentile - ((double)below + (double)equal / 2) / (double)count * 100) < 1e-9);
	double dev = sd > 1e-9 ? (self - mean) / sd * 10 + 50 : 50;
	assert_true(fabs(got->deviation - dev) < 1e-9);
}

static void test_group_statistics(void **state)
{
	(void)state;
	add(SELF_ORG, "受注管理", "製造業", EX("ordinary-company-2025"));
	add(SELF_ORG, "受注管理", "製造業", SELF_FILE);
	for (int p = 0; p < N_PEERS; p++) {
		if (PEERS[p].older)
			add(PEERS[p].org, PEERS[p].system, "製造業", PEERS[p].older);
		add(PEERS[p].org, PEERS[p].system, "製造業", PEERS[p].latest);
	}
	/* Another industry: never in the group by industry. */
	add("己銀行", "勘定系", "金融", EX("financial-institution"));

	tk_assessment *as[N_PEERS + 1];
	tk_evaluation *e[N_PEERS + 1];
	const char *orgs[N_PEERS];
	for (int p = 0; p < N_PEERS; p++) {
		e[p] = evaluate(PEERS[p].latest, &as[p]);
		orgs[p] = PEERS[p].org;
	}
	e[N_PEERS] = evaluate(SELF_FILE, &as[N_PEERS]);
	const tk_evaluation *self = e[N_PEERS];

	tk_arena *a = tk_arena_new(64 * 1024);
	tk_error err = { 0 };
	tk_store_peer_result r;
	assert_int_equal(tk_store_peers(store, SELF_ORG, "受注管理", TK_PEERS_BY_INDUSTRY | TK_PEERS_BY_SIZE, a, &r,
		&err), TK_OK);
	assert_int_equal(r.n_systems, N_PEERS);
	assert_int_equal(r.summary.organisations, 5);
	assert_false(r.summary.suppressed);
	assert_string_equal(r.date, "2026-06-12");

	double x[N_PEERS];
	for (int p = 0; p < N_PEERS; p++)
		x[p] = e[p]->system.level;
	expect(&r.system_entry.stat, self->system.level, x, orgs);
	assert_int_equal(r.n_requirements, ecom->n_requirements);
	for (size_t q = 0; q < ecom->n_requirements; q++) {
		assert_string_equal(r.requirements[q].id, ecom->requirements[q].id);
		for (int p = 0; p < N_PEERS; p++)
			x[p] = e[p]->requirements[q].counted ? e[p]->requirements[q].achieved : NAN;
		expect(&r.requirements[q].stat,
			self->requirements[q].counted ? self->requirements[q].achieved : NAN, x, orgs);
	}
	assert_int_equal(r.n_domains, ecom->n_domains);
	for (size_t d = 0; d < ecom->n_domains; d++) {
		assert_string_equal(r.domains[d].id, ecom->domains[d].id);
		for (int p = 0; p < N_PEERS; p++)
			x[p] = e[p]->domains[d].counted ? e[p]->domains[d].level : NAN;
		expect(&r.domains[d].stat, self->domains[d].counted ? self->domains[d].level : NAN, x, orgs);
	}
	assert_int_equal(r.n_views, ecom->n_views);

	/* No attributes: the other industry joins (6 organisations, 7 systems). */
	assert_int_equal(tk_store_peers(store, SELF_ORG, "受注管理", 0, a, &r, &err), TK_OK);
	assert_int_equal(r.n_systems, N_PEERS + 1);
	assert_int_equal(r.summary.organisations, 6);

	/* The same target level (3): only 甲 and 戊 → suppressed, nothing shown. */
	assert_int_equal(tk_store_peers(store, SELF_ORG, "受注管理", TK_PEERS_BY_LEVEL, a, &r, &err), TK_OK);
	assert_int_equal(r.n_systems, 2);
	assert_true(r.summary.suppressed);
	assert_false(r.system_entry.stat.shown);
	assert_true(isnan(r.system_entry.stat.mean));
	for (size_t q = 0; q < r.n_requirements; q++)
		assert_int_equal(r.requirements[q].stat.count, 0);

	tk_arena_free(a);
	for (int p = 0; p <= N_PEERS; p++) {
		tk_evaluation_free(e[p]);
		tk_assessment_free(as[p]);
	}
}

/* The JSON of the group of 北辰's system (malloc'd). */
static char *peers_json(void)
{
	tk_arena *a = tk_arena_new(64 * 1024);
	tk_error err = { 0 };
	tk_store_peer_result r;
	assert_int_equal(tk_store_peers(store, SELF_ORG, "受注管理", TK_PEERS_BY_INDUSTRY | TK_PEERS_BY_SIZE, a, &r,
		&err), TK_OK);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(tk_store_peers_write(&r, TK_STORE_JSON, TK_LANG_JA, f, &err), TK_OK);
	fclose(f);
	tk_arena_free(a);
	return buf;
}

/* Deletes 戊社's rounds of the given date; how many. */
static size_t delete_rounds(const char *date)
{
	tk_arena *a = tk_arena_new(4096);
	tk_error err = { 0 };
	tk_store_round *v;
	size_t n, hit = 0;
	assert_int_equal(tk_store_round_list(store, "戊社", "受発注", a, &v, &n, &err), TK_OK);
	for (size_t i = 0; i < n; i++)
		if (v[i].date && strcmp(v[i].date, date) == 0) {
			assert_int_equal(tk_store_round_delete(store, v[i].id, &err), TK_OK);
			hit++;
		}
	tk_arena_free(a);
	return hit;
}

/* The peer group reads each system's latest round from peer_vectors, which
 * the store keeps: an older round imported last changes nothing; deleting
 * the latest round makes the one before it count; deleting every round
 * takes the system out of the group (here below k: nothing shown). */
static void test_latest_follows_changes(void **state)
{
	(void)state;
	char *before = peers_json();
	add("戊社", "受発注", "製造業", EX("ordinary-company-2025"));
	char *after = peers_json();
	assert_string_equal(before, after);
	free(after);

	assert_int_equal(delete_rounds("2026-06-12"), 1);
	tk_assessment *as[N_PEERS];
	tk_evaluation *e[N_PEERS];
	const char *orgs[N_PEERS];
	double x[N_PEERS];
	for (int p = 0; p < N_PEERS; p++) {
		/* 戊社 now counts with its 2025 round. */
		e[p] = evaluate(p == N_PEERS - 1 ? EX("ordinary-company-2025") : PEERS[p].latest, &as[p]);
		orgs[p] = PEERS[p].org;
		x[p] = e[p]->system.level;
	}
	tk_assessment *self_as;
	tk_evaluation *self = evaluate(SELF_FILE, &self_as);
	tk_arena *a = tk_arena_new(64 * 1024);
	tk_error err = { 0 };
	tk_store_peer_result r;
	assert_int_equal(tk_store_peers(store, SELF_ORG, "受注管理", TK_PEERS_BY_INDUSTRY | TK_PEERS_BY_SIZE, a, &r,
		&err), TK_OK);
	assert_int_equal(r.n_systems, N_PEERS);
	expect(&r.system_entry.stat, self->system.level, x, orgs);
	for (size_t d = 0; d < ecom->n_domains; d++) {
		for (int p = 0; p < N_PEERS; p++)
			x[p] = e[p]->domains[d].counted ? e[p]->domains[d].level : NAN;
		expect(&r.domains[d].stat, self->domains[d].counted ? self->domains[d].level : NAN, x, orgs);
	}
	char *changed = peers_json();
	assert_string_not_equal(before, changed);
	free(changed);
	free(before);

	/* 戊社 gone: 4 organisations, below k. */
	assert_int_equal(delete_rounds("2025-06-13"), 2);
	assert_int_equal(tk_store_peers(store, SELF_ORG, "受注管理", TK_PEERS_BY_INDUSTRY | TK_PEERS_BY_SIZE, a, &r,
		&err), TK_OK);
	assert_int_equal(r.n_systems, N_PEERS - 1);
	assert_int_equal(r.summary.organisations, 4);
	assert_true(r.summary.suppressed);
	tk_arena_free(a);
	tk_evaluation_free(self);
	tk_assessment_free(self_as);
	for (int p = 0; p < N_PEERS; p++) {
		tk_evaluation_free(e[p]);
		tk_assessment_free(as[p]);
	}
}

static void test_errors(void **state)
{
	(void)state;
	tk_error err = { 0 };
	unsigned g;
	assert_false(tk_store_peers_group_parse("industry,region", &g, &err));
	assert_non_null(strstr(err.en, "region"));
	err = (tk_error){ 0 };
	assert_true(tk_store_peers_group_parse("level,size", &g, &err));
	assert_int_equal(g, TK_PEERS_BY_LEVEL | TK_PEERS_BY_SIZE);
	assert_int_equal(tk_store_org_add(store, "空社", NULL, &err), TK_OK);
	assert_int_equal(tk_store_system_add(store, "空社", "未評価", NULL, NULL, NULL, &err), TK_OK);
	tk_arena *a = tk_arena_new(4096);
	tk_store_peer_result r;
	assert_int_equal(tk_store_peers(store, "空社", "未評価", 0, a, &r, &err), TK_ENOTFOUND);
	assert_non_null(strstr(err.en, "no strength-assessment round"));
	tk_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_statistics),
		cmocka_unit_test(test_latest_follows_changes),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
