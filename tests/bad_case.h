/* Malformed input and the error it must give: the table-driven tests of
 * the loaders (test_malformed.c, test_assessment_errors.c, test_profile.c,
 * test_compliance.c). Header only: nothing to add to tests/meson.build. */
#ifndef TAISAKU_BAD_CASE_H
#define TAISAKU_BAD_CASE_H

#include <string.h>

#include "taisaku/error.h"
#include "testutil.h"

typedef struct bad_case {
	const char *name;
	const char *yaml;
	const char *en; /* the whole formatted message; columns count characters */
	const char *ja; /* its Japanese form, where the case checks it */
} bad_case;

/* The load of bc's text gave st and err: it must have failed with bc's
 * message (both forms shown when it did not, so that a new case is quick
 * to write). */
static inline void assert_bad_case(const bad_case *bc, tk_status st, const tk_error *err)
{
	char en[2048], ja[2048];
	tk_error_format(err, TK_LANG_EN, en, sizeof(en));
	tk_error_format(err, TK_LANG_JA, ja, sizeof(ja));
	if (st == TK_OK || strcmp(en, bc->en) != 0 || (bc->ja && strcmp(ja, bc->ja) != 0))
		print_error("case '%s'\n  want: %s\n  got:  %s\n  ja:   %s\n", bc->name, bc->en, en, ja);
	assert_int_not_equal(st, TK_OK);
	assert_string_equal(en, bc->en);
	if (bc->ja)
		assert_string_equal(ja, bc->ja);
}

#endif
