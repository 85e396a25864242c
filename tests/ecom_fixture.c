/* The real ECOM catalog as a test fixture: loaded once per test group,
 * and a resolver that gives it to assessments naming "ecom-2004". */
#include <string.h>

#include "ecom_fixture.h"
#include "testutil.h"

tk_catalog *ecom;

tk_status ecom_resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	if (strcmp(id, ecom->id) != 0)
		return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL,
			"カタログ '%s' が見つかりません", "catalog '%s' not found", id);
	*out = ecom;
	return TK_OK;
}

int ecom_setup(void **state)
{
	(void)state;
	tk_error err = { 0 };
	return tk_catalog_load_file(CATALOG("ecom-2004.yaml"), &ecom, &err) == TK_OK ? 0 : -1;
}

int ecom_teardown(void **state)
{
	(void)state;
	tk_catalog_free(ecom);
	return 0;
}
