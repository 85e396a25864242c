/* A YAML document as a small tree that remembers where every node stood.
 *
 * Loaders validate against this tree instead of the event stream, so that
 * each error can name the line and column of the value at fault. The tree
 * rejects what taisaku's files never need and a hostile file could abuse:
 * anchors and aliases, several documents, duplicate keys, non-scalar keys,
 * and nesting deeper than TK_YAML_MAX_DEPTH. */
#ifndef TAISAKU_YAMLDOC_H
#define TAISAKU_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "taisaku/arena.h"
#include "taisaku/error.h"

#define TK_YAML_MAX_DEPTH 64

typedef enum tk_ykind { TK_YSCALAR = 1, TK_YSEQ, TK_YMAP } tk_ykind;

typedef struct tk_ynode {
	tk_ykind kind;
	int line, column;         /* 1-based */
	bool plain;               /* a scalar written without quotes */
	const char *str;          /* scalars: the text, NUL-terminated */
	size_t len;
	size_t n;                 /* sequences: items; mappings: pairs */
	struct tk_ynode **items;  /* mappings: key0, value0, key1, value1, ... */
} tk_ynode;

/* Parses a whole YAML text into a tree allocated in the arena. An empty
 * document is an error. */
tk_status tk_yaml_parse(tk_arena *a, const char *name, const char *data, size_t len,
	tk_ynode **root, tk_error *err);

/* The value of key in a mapping, or NULL. */
const tk_ynode *tk_ymap_get(const tk_ynode *map, const char *key);

/* Whether a scalar is YAML's null (~, null, or nothing, unquoted). */
bool tk_yscalar_is_null(const tk_ynode *n);

const char *tk_ykind_name(tk_ykind k, int lang);

#endif
