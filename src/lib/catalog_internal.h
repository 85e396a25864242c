/* Pieces of catalog loading shared between the library's own files. */
#ifndef TAISAKU_CATALOG_INTERNAL_H
#define TAISAKU_CATALOG_INTERNAL_H

#include "taisaku/catalog.h"
#include "schema.h"

tk_status tk_load_notes(tk_walk *w, const tk_ynode *map, tk_notes *out);
tk_status tk_load_scoring(tk_walk *w, const tk_ynode *n, tk_scoring *s);

/* The cache image body without its header: for tests and the fuzzer. */
tk_catalog *tk_catalog_cache_decode(const char *body, size_t len, const char *path);
char *tk_catalog_cache_encode(tk_catalog *cat, size_t *len);

#endif
