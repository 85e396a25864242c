/* The real ECOM catalog as a test fixture (tests/ecom_fixture.c). */
#ifndef TAISAKU_ECOM_FIXTURE_H
#define TAISAKU_ECOM_FIXTURE_H

#include "taisaku/catalog.h"

extern tk_catalog *ecom;

/* A tk_catalog_resolver that knows "ecom-2004". */
tk_status ecom_resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err);

/* cmocka group setup and teardown: load and free the catalog. */
int ecom_setup(void **state);
int ecom_teardown(void **state);

#endif
