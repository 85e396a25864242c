/* bench/peer_stats: the time tk_peer_stats takes for one peer group of N
 * systems from N/5 organisations over the ECOM entries (117 requirements,
 * 30 domains, 4 views, the system = 152), levels random with 5 % missing.
 * The store's SQL comes on top of this (issue 9 asks for under 1 s at
 * 100,000 rounds in all).
 *   bench/peer_stats [N]   (default 100000); prints the median of 11 runs */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "taisaku/peers.h"

enum { ENTRIES = 152, RUNS = 11 };

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
	if (n < 1)
		return 1;
	srand(20261122);
	char (*names)[32] = malloc(n * sizeof(*names));
	const char **orgs = malloc(n * sizeof(*orgs));
	double **levels = malloc(ENTRIES * sizeof(*levels));
	double self[ENTRIES];
	tk_peer_stat *out = malloc(ENTRIES * sizeof(*out));
	if (!names || !orgs || !levels || !out)
		return 1;
	for (size_t p = 0; p < n; p++) {
		snprintf(names[p], sizeof(names[p]), "org-%zu", (size_t)rand() % (n / 5 + 1));
		orgs[p] = names[p];
	}
	for (int e = 0; e < ENTRIES; e++) {
		if (!(levels[e] = malloc(n * sizeof(double))))
			return 1;
		for (size_t p = 0; p < n; p++) /* requirements: whole levels; the rest: means */
			levels[e][p] = rand() % 20 == 0 ? NAN : e < 117 ? 1 + rand() % 5 : 1 + (rand() % 4001) / 1000.0;
		self[e] = 3;
	}
	tk_peer_group g = { .n_peers = n, .organisations = orgs, .n_entries = ENTRIES,
		.levels = (const double *const *)levels };
	double t[RUNS];
	tk_peer_summary sum = { 0 };
	for (int r = 0; r < RUNS; r++) {
		tk_error err = { 0 };
		double t0 = now();
		if (tk_peer_stats(&g, self, out, &sum, &err) != TK_OK) {
			fprintf(stderr, "%s\n", err.en);
			return 1;
		}
		t[r] = now() - t0;
	}
	qsort(t, RUNS, sizeof(*t), cmp_double);
	printf("peers %zu, organisations %zu, entries %d, values %zu: median %.1f ms (min %.1f, max %.1f)\n",
		n, sum.organisations, ENTRIES, n * ENTRIES, t[RUNS / 2] * 1e3, t[0] * 1e3, t[RUNS - 1] * 1e3);
	printf("system entry: count %zu, mean %.3f, sd %.3f, percentile %.1f, deviation %.1f\n",
		out[ENTRIES - 1].count, out[ENTRIES - 1].mean, out[ENTRIES - 1].sd, out[ENTRIES - 1].percentile,
		out[ENTRIES - 1].deviation);
	for (int e = 0; e < ENTRIES; e++)
		free(levels[e]);
	free(levels);
	free(out);
	free(orgs);
	free(names);
	return 0;
}
