/* The tree builder shared by the two YAML readers: libyaml's event stream
 * (yamldoc.c) and the fast reader for the plain subset (yamlfast.c). Both
 * hand it the same three operations, so every check on the tree (duplicate
 * keys, depth, NUL characters, keys that are not strings) happens once. */
#ifndef TAISAKU_YAMLBUILD_H
#define TAISAKU_YAMLBUILD_H

#include "yamldoc.h"

/* A container being filled: its children are linked until it closes, then
 * copied into an array of the right size. */
typedef struct child {
	tk_ynode *node;
	struct child *next;
} child;

typedef struct frame {
	tk_ynode *node;
	child *first, *last;
	size_t count;
} frame;

typedef struct tk_ybuilder {
	tk_arena *a;
	const char *name;
	tk_error *err;
	frame stack[TK_YAML_MAX_DEPTH + 1];
	int depth;
	tk_ynode *root;
} tk_ybuilder;


/* A scalar at line, column (1-based, columns in characters). */
tk_status tk_ybuild_scalar(tk_ybuilder *b, int line, int column, const char *str, size_t len, bool plain);
/* A mapping or sequence opens at line, column. */
tk_status tk_ybuild_open(tk_ybuilder *b, tk_ykind kind, int line, int column);
/* The innermost open mapping or sequence closes. */
tk_status tk_ybuild_close(tk_ybuilder *b);

/* The fast reader: fills b from data, or returns false, having built nothing
 * the caller keeps, when the text is outside the subset it reads. */
bool tk_yaml_fast_parse(tk_ybuilder *b, const char *data, size_t len);

/* The reference reader alone (for the differential fuzzer and benchmarks). */
tk_status tk_yaml_libyaml_parse(tk_ybuilder *b, const char *data, size_t len);

#endif
