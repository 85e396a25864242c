/* libFuzzer target, differential: whatever the fast YAML reader accepts,
 * libyaml must accept too, and read to the same tree: the same kinds,
 * strings, quoting and positions. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/lib/yamlbuild.h"

static int same(const tk_ynode *a, const tk_ynode *b)
{
	if (a->kind != b->kind || a->line != b->line || a->column != b->column || a->n != b->n)
		return 0;
	if (a->kind == TK_YSCALAR)
		return a->plain == b->plain && a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	size_t items = a->kind == TK_YMAP ? 2 * a->n : a->n;
	for (size_t i = 0; i < items; i++)
		if (!same(a->items[i], b->items[i]))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tk_arena *a1 = tk_arena_new(4096), *a2 = tk_arena_new(4096);
	tk_error e1 = { 0 }, e2 = { 0 };
	tk_ybuilder fast = { .a = a1, .name = "f", .err = &e1 };
	tk_ybuilder ref = { .a = a2, .name = "r", .err = &e2 };
	if (tk_yaml_fast_parse(&fast, (const char *)data, size)) {
		if (tk_yaml_libyaml_parse(&ref, (const char *)data, size) != TK_OK || !ref.root)
			abort();
		if (!same(fast.root, ref.root))
			abort();
	}
	tk_arena_free(a1);
	tk_arena_free(a2);
	return 0;
}
