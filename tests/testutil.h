/* Helpers shared by the unit tests. */
#ifndef TAISAKU_TESTUTIL_H
#define TAISAKU_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#ifndef TK_SOURCE_ROOT
#define TK_SOURCE_ROOT "."
#endif

#define TEST_DATA(name) TK_SOURCE_ROOT "/tests/data/" name
#define CATALOG(name) TK_SOURCE_ROOT "/catalogs/" name

#endif
