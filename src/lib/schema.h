/* Walking a tk_ynode tree against what a file format allows.
 *
 * Each helper checks one thing and, when it fails, records an error that
 * names the file, the line and column of the offending node, the key, and the
 * nearest enclosing ID (`where`, such as "Ma1.1") so that a long file's
 * errors can be found. Unknown keys come with the nearest known key. */
#ifndef TAISAKU_SCHEMA_H
#define TAISAKU_SCHEMA_H

#include <stdbool.h>

#include "taisaku/assessment.h"
#include "taisaku/catalog.h"
#include "yamldoc.h"

typedef struct tk_walk {
	tk_arena *a;
	const char *file;
	tk_error *err;
	const char *where; /* the ID being read, for messages; may be NULL */
} tk_walk;

/* Records an input error at node n (or the file when n is NULL). */
tk_status tk_walk_fail(tk_walk *w, const tk_ynode *n, const char *key,
	const char *ja_fmt, const char *en_fmt, ...) __attribute__((format(printf, 5, 6)));

/* The same with both messages already written. */
tk_status tk_walk_fail_texts(tk_walk *w, const tk_ynode *n, const char *key,
	const char *ja, const char *en);

/* n must be a mapping whose keys are all in allowed (NULL-terminated). */
tk_status tk_walk_map(tk_walk *w, const tk_ynode *n, const char *key, const char *const *allowed);

/* n must be a sequence; with nonempty, of at least one item. */
tk_status tk_walk_seq(tk_walk *w, const tk_ynode *n, const char *key, bool nonempty);

/* Reads map[key] as a non-empty string into *out (arena memory); a missing
 * optional key leaves *out NULL. */
tk_status tk_walk_str(tk_walk *w, const tk_ynode *map, const char *key, bool required, const char **out);

/* Reads map[key] as a whole number in [min, max]. */
tk_status tk_walk_int(tk_walk *w, const tk_ynode *map, const char *key, bool required,
	long min, long max, long *out);

/* Reads map[key] as one of names (NULL-terminated); *out is its index. */
tk_status tk_walk_enum(tk_walk *w, const tk_ynode *map, const char *key, bool required,
	const char *const *names, int *out);

/* Reads a scalar node as one of names. */
tk_status tk_walk_enum_node(tk_walk *w, const tk_ynode *n, const char *key,
	const char *const *names, int *out);

/* Reads map[key] as a list of non-empty strings. */
tk_status tk_walk_strv(tk_walk *w, const tk_ynode *map, const char *key, bool required, tk_strv *out);

/* Reads a scalar node as a whole number in [min, max]. */
tk_status tk_walk_int_node(tk_walk *w, const tk_ynode *n, const char *key, long min, long max, long *out);

/* The nearest of names to word by edit distance, or NULL when none is close. */
const char *tk_suggest(const char *word, const char *const *names);

/* Where s stops being valid UTF-8 (line, column of the first bad byte);
 * false when all of it is valid. */
bool tk_utf8_find_error(const char *s, size_t len, int *line, int *column);

/* A real date written YYYY-MM-DD. */
bool tk_date_valid(const char *s);

/* Reads map[key] as a real date written YYYY-MM-DD. */
tk_status tk_walk_date(tk_walk *w, const tk_ynode *map, const char *key, const char **out);

/* Reads map["evidence"], when present, as a list of { title, date, ref }. */
tk_status tk_walk_evidence(tk_walk *w, const tk_ynode *map, tk_evidence **out, size_t *n);

#endif
