/* taisaku: arena allocation.
 *
 * A loaded document (a catalog, an assessment) lives in one arena and is
 * freed all at once, so that the loaders need no per-object cleanup and an
 * error half-way through a load leaks nothing. */
#ifndef TAISAKU_ARENA_H
#define TAISAKU_ARENA_H

#include <stddef.h>

typedef struct tk_arena tk_arena;

tk_arena *tk_arena_new(size_t first_block);
void tk_arena_free(tk_arena *a);

/* Memory aligned for any type; NULL only when memory runs out. */
void *tk_arena_alloc(tk_arena *a, size_t size);
void *tk_arena_calloc(tk_arena *a, size_t n, size_t size);
char *tk_arena_strndup(tk_arena *a, const char *s, size_t n);
char *tk_arena_strdup(tk_arena *a, const char *s);

/* Bytes handed out so far (for benchmarks and tests). */
size_t tk_arena_used(const tk_arena *a);

#endif
