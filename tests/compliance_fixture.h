/* The compliance catalogs and examples, loaded once for the tests of what
 * is built on compliance assessments (test_rules.c, test_compliance_workbook.c). */
#ifndef TAISAKU_COMPLIANCE_FIXTURE_H
#define TAISAKU_COMPLIANCE_FIXTURE_H

#include "taisaku/compliance.h"

/* A tk_catalog_resolver over catalogs/ (each catalog loaded once). */
tk_status cfx_resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err);
/* Frees the catalogs (a cmocka group teardown). */
int cfx_teardown(void **state);
/* Loads a compliance assessment from text; fails the test when it does not load. */
tk_compliance *cfx_load(const char *name, const char *yaml, size_t len);
/* Loads examples/NAME; the text is kept in *text (malloc'd) when text is not NULL. */
tk_compliance *cfx_example(const char *name, char **text, size_t *len);
/* The index of an item by ID; fails the test when it is not there. */
size_t cfx_item(const tk_compliance *c, const char *id);

#endif
