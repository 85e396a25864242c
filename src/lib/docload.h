/* The steps the loaders of YAML documents share (assessments, profiles,
 * compliance assessments, mappings): an arena sized for the text holding
 * the loaded object and its parsed tree, and the catalog a document names. */
#ifndef TAISAKU_DOCLOAD_H
#define TAISAKU_DOCLOAD_H

#include "schema.h"

/* A document being loaded: its arena, the object the loader fills (size
 * bytes, zeroed, in the arena) and the parsed tree. */
typedef struct tk_doc {
	tk_arena *arena;
	void *obj;
	tk_ynode *root;
} tk_doc;

/* Makes an arena of factor * len + 8192 bytes, the object in it (none when
 * size is 0: a loader that takes the tree makes its own), and parses
 * data (named name in messages) into doc->root. On failure (out of memory,
 * malformed YAML) nothing is left to free. */
tk_status tk_doc_parse(const char *name, const char *data, size_t len, size_t factor, size_t size, tk_doc *doc,
	tk_error *err);

/* Gives up on a document whose tree could not be read (st): frees its
 * arena and returns st. */
tk_status tk_doc_fail(tk_doc *doc, tk_status st);

/* Reads the key "catalog" of root, resolves it, and checks that it is of
 * kind (and, with scoring, that it has a scoring model); a failure names that
 * key, with the resolver's own reason when the catalog cannot be had. */
tk_status tk_doc_catalog(tk_walk *w, const tk_ynode *root, tk_catalog_resolver resolve, void *ctx,
	tk_catalog_kind kind, bool scoring, const tk_catalog **out);

/* The index of the requirement id in cat, -1 when there is none. Files
 * list requirements in catalog order, so the search starts at *cursor
 * (after the last one found) and moves it past this one. */
long tk_doc_find(const tk_catalog *cat, const char *id, size_t *cursor);

/* The error for a key that names no requirement of cat, with the nearest
 * of ids (NULL-terminated) when one is close. */
tk_status tk_doc_no_requirement(tk_walk *w, const tk_catalog *cat, const tk_ynode *key, const char *const *ids);

#endif
