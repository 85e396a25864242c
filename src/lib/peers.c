/* Peer statistics with k-anonymity (definitions in include/taisaku/peers.h). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/peers.h"

/* Levels this close are equal: domain and view levels are means, and the
 * same mean reached by two sums may differ in the last bits. */
#define EQUAL_EPS 1e-9

static int cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(**(const char *const *const *)a, **(const char *const *const *)b);
}

/* Numbers each peer's organisation 0..n_orgs-1 (equal names, equal numbers). */
static tk_status number_organisations(const tk_peer_group *g, uint32_t *org, size_t *n_orgs, tk_error *err)
{
	*n_orgs = 0;
	if (!g->n_peers)
		return TK_OK;
	const char *const **order = malloc(g->n_peers * sizeof(*order));
	if (!order)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	for (size_t p = 0; p < g->n_peers; p++)
		order[p] = &g->organisations[p];
	qsort(order, g->n_peers, sizeof(*order), cmp_str_ptr);
	uint32_t id = 0;
	for (size_t k = 0; k < g->n_peers; k++) {
		if (k && strcmp(*order[k], *order[k - 1]) != 0)
			id++;
		org[order[k] - g->organisations] = id;
	}
	*n_orgs = (size_t)id + 1;
	free(order);
	return TK_OK;
}

static tk_status check_input(const tk_peer_group *g, tk_error *err)
{
	for (size_t p = 0; p < g->n_peers; p++)
		if (!g->organisations[p] || !*g->organisations[p])
			return tk_error_set(err, TK_EINPUT, NULL, 0, 0, "organisation",
				"比較対象 %zu 番目のシステムに組織がありません",
				"peer system %zu has no organisation", p + 1);
	for (size_t e = 0; e < g->n_entries; e++)
		for (size_t p = 0; p < g->n_peers; p++)
			if (isinf(g->levels[e][p]))
				return tk_error_set(err, TK_EINPUT, NULL, 0, 0, "level",
					"比較対象 %zu 番目のシステムのレベルが有限の数ではありません",
					"peer system %zu has a level that is not a finite number", p + 1);
	return TK_OK;
}

/* Count, mean, population sd (two passes, for accuracy), the percentile and
 * deviation value of self, and the distinct organisations counted. The loop
 * has no data-dependent branches: a NaN compares false with everything, so it
 * adds nothing to below or equal; levels are random to the branch predictor. */
static void one_entry(const double *x, size_t n, const uint32_t *org, uint32_t *seen, uint32_t stamp,
	double self, tk_peer_stat *out)
{
	size_t count = 0, orgs = 0, below = 0, equal = 0;
	double sum = 0;
	for (size_t p = 0; p < n; p++) {
		bool has = !isnan(x[p]);
		count += has;
		sum += has ? x[p] : 0;
		/* An organisation is counted the first time one of its systems has a level. */
		uint32_t mark = has ? stamp : seen[org[p]];
		orgs += seen[org[p]] != mark;
		seen[org[p]] = mark;
		equal += fabs(x[p] - self) <= EQUAL_EPS;
		below += x[p] < self - EQUAL_EPS;
	}
	out->level = self;
	out->has_level = !isnan(self);
	out->organisations = orgs;
	out->mean = out->sd = out->percentile = out->deviation = NAN;
	out->count = 0;
	out->shown = orgs >= TK_PEERS_MIN_ORGANISATIONS;
	if (!out->shown)
		return;
	double mean = sum / (double)count, ss = 0;
	for (size_t p = 0; p < n; p++) {
		double d = isnan(x[p]) ? 0 : x[p] - mean;
		ss += d * d;
	}
	out->count = count;
	out->mean = mean;
	out->sd = sqrt(ss / (double)count);
	if (out->has_level) {
		out->percentile = ((double)below + (double)equal / 2) / (double)count * 100;
		out->deviation = out->sd > EQUAL_EPS ? (self - mean) / out->sd * 10 + 50 : 50;
	}
}

tk_status tk_peer_stats(const tk_peer_group *g, const double *self, tk_peer_stat *out,
	tk_peer_summary *summary, tk_error *err)
{
	*summary = (tk_peer_summary){ 0 };
	for (size_t e = 0; e < g->n_entries; e++)
		out[e] = (tk_peer_stat){ .level = self[e], .has_level = !isnan(self[e]),
			.mean = NAN, .sd = NAN, .percentile = NAN, .deviation = NAN };
	tk_status st = check_input(g, err);
	if (st)
		return st;
	uint32_t *org = malloc((g->n_peers ? g->n_peers : 1) * sizeof(*org));
	uint32_t *seen = NULL;
	if (!org)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	if ((st = number_organisations(g, org, &summary->organisations, err)))
		goto done;
	if (summary->organisations < TK_PEERS_MIN_ORGANISATIONS) {
		/* The whole group is too small: nothing about it may leave here. */
		summary->suppressed = true;
		summary->n_suppressed = g->n_entries;
		goto done;
	}
	seen = calloc(summary->organisations, sizeof(*seen));
	if (!seen) {
		st = tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		goto done;
	}
	for (size_t e = 0; e < g->n_entries; e++) {
		/* The entry number + 1 marks the organisations seen for this entry,
		 * so that the marks need no clearing between entries. */
		one_entry(g->levels[e], g->n_peers, org, seen, (uint32_t)e + 1, self[e], &out[e]);
		summary->n_suppressed += !out[e].shown;
	}
done:
	free(seen);
	free(org);
	return st;
}
