/* Benchmark: the cost of getting a catalog ready.
 *   catalog_load FILE.yaml [ROUNDS]
 * Prints, as "name median_us p10_us p90_us", the time of
 *   scan     a bare libyaml event scan of the file's bytes (the baseline),
 *   load     taisaku's parse + validation of the same bytes,
 *   cached   tk_catalog_load_cached from the file with a valid cache,
 * each measured ROUNDS times, interleaved so that all three see the same
 * machine state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "taisaku/catalog.h"
#include "taisaku/file.h"

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void scan(const char *data, size_t len)
{
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev))
			abort();
		int done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (done)
			break;
	}
	yaml_parser_delete(&p);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *name, double *v, int n)
{
	qsort(v, n, sizeof(*v), cmp);
	printf("%-7s %9.1f %9.1f %9.1f\n", name, v[n / 2], v[n / 10], v[n * 9 / 10]);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: catalog_load FILE.yaml [ROUNDS]\n");
		return 1;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 50;
	if (rounds < 5)
		rounds = 5;
	char *data;
	size_t len;
	tk_error err = { 0 };
	if (tk_file_read(argv[1], &data, &len, &err))
		return 1;
	unsetenv("TAISAKU_NO_CACHE");
	tk_catalog *cat;
	if (tk_catalog_load_cached(argv[1], &cat, &err)) /* makes sure the cache exists */
		return 1;
	tk_catalog_free(cat);
	double *t_scan = calloc(rounds, sizeof(double)), *t_load = calloc(rounds, sizeof(double)),
	       *t_cached = calloc(rounds, sizeof(double));
	for (int i = 0; i < rounds; i++) {
		double t0 = now_us();
		scan(data, len);
		double t1 = now_us();
		if (tk_catalog_load_buffer(argv[1], data, len, &cat, &err))
			return 1;
		tk_catalog_free(cat);
		double t2 = now_us();
		if (tk_catalog_load_cached(argv[1], &cat, &err) || !cat->from_cache)
			return 1;
		tk_catalog_free(cat);
		double t3 = now_us();
		t_scan[i] = t1 - t0;
		t_load[i] = t2 - t1;
		t_cached[i] = t3 - t2;
	}
	printf("# %s, %zu bytes, %d rounds; microseconds: median p10 p90\n", argv[1], len, rounds);
	report("scan", t_scan, rounds);
	report("load", t_load, rounds);
	report("cached", t_cached, rounds);
	free(data);
	return 0;
}
