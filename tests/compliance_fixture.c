/* The compliance catalogs and examples for the tests (compliance_fixture.h). */
#include <stdlib.h>
#include <string.h>

#include "compliance_fixture.h"
#include "taisaku/file.h"
#include "testutil.h"

static struct {
	const char *id;
	tk_catalog *cat;
} CATS[] = { { "atla-ssr", NULL }, { "nisc-2012", NULL }, { "space-rules", NULL }, { "port-tos", NULL },
	{ "ecom-2004", NULL } };
enum { NCATS = sizeof(CATS) / sizeof(*CATS) };

tk_status cfx_resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	for (size_t i = 0; i < NCATS; i++) {
		if (strcmp(CATS[i].id, id) != 0)
			continue;
		if (!CATS[i].cat) {
			char path[1024];
			snprintf(path, sizeof(path), "%s/catalogs/%s.yaml", TK_SOURCE_ROOT, id);
			tk_status st = tk_catalog_load_file(path, &CATS[i].cat, err);
			if (st)
				return st;
		}
		*out = CATS[i].cat;
		return TK_OK;
	}
	return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "カタログ '%s' が見つかりません",
		"catalog '%s' not found", id);
}

int cfx_teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCATS; i++) {
		tk_catalog_free(CATS[i].cat);
		CATS[i].cat = NULL;
	}
	return 0;
}

tk_compliance *cfx_load(const char *name, const char *yaml, size_t len)
{
	tk_compliance *c = NULL;
	tk_error err = { 0 };
	tk_status st = tk_compliance_load_buffer(name, yaml, len, cfx_resolve, NULL, &c, &err);
	if (st)
		fail_msg("%s: %s (%s)", name, err.en, err.key);
	return c;
}

tk_compliance *cfx_example(const char *name, char **text, size_t *len)
{
	char path[1024], *data;
	size_t n;
	tk_error err = { 0 };
	snprintf(path, sizeof(path), "%s/examples/%s", TK_SOURCE_ROOT, name);
	if (tk_file_read(path, &data, &n, &err))
		fail_msg("%s: %s", path, err.en);
	tk_compliance *c = cfx_load(path, data, n);
	if (text) {
		*text = data;
		*len = n;
	} else {
		free(data);
	}
	return c;
}

size_t cfx_item(const tk_compliance *c, const char *id)
{
	const tk_requirement *q = tk_catalog_requirement(c->catalog, id);
	if (!q)
		fail_msg("no item %s", id);
	return (size_t)(q - c->catalog->requirements);
}
