/* The organisation's rules as built (rules_document.c) for the writer
 * (report_rules.c). */
#ifndef TAISAKU_RULES_INTERNAL_H
#define TAISAKU_RULES_INTERNAL_H

#include "taisaku/rules.h"

/* One catalog item in the document. */
typedef struct r_item {
	bool included;          /* false: status na, left out */
	const char *heading;    /* its title when it is a heading of its own, filled in; else NULL */
	const char *text;       /* the rule, filled in; may be NULL */
	size_t n_points;
	tk_point *points;       /* filled in; a point that was a parameter as a whole has only a title */
	const char *na_title;   /* left out: the title filled in, NULL when a placeholder is left in it */
} r_item;

struct tk_rules {
	const tk_compliance *c;
	tk_arena *arena;
	const char **views, **domains;  /* the chapters' and sections' titles, filled in */
	r_item *items;                  /* per catalog item */
	const char **glossary;          /* the glossary's texts with the organisation's titles */
	size_t n_open, cap_open;
	tk_rules_open *open;
};

#endif
