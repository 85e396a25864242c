/* Arena allocation: a chain of blocks, bump allocation inside each. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/arena.h"

#define ALIGN 16

typedef struct block {
	struct block *next;
	size_t size, used;
	_Alignas(ALIGN) unsigned char data[];
} block;

struct tk_arena {
	block *head;
	size_t next_size, total;
};

static block *block_new(size_t size)
{
	block *b = malloc(sizeof(block) + size);
	if (!b)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

tk_arena *tk_arena_new(size_t first_block)
{
	tk_arena *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->next_size = first_block < 4096 ? 4096 : first_block;
	return a;
}

void tk_arena_free(tk_arena *a)
{
	if (!a)
		return;
	for (block *b = a->head, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	free(a);
}

void *tk_arena_alloc(tk_arena *a, size_t size)
{
	size_t need = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (need < size)
		return NULL; /* overflow */
	block *b = a->head;
	if (!b || b->size - b->used < need) {
		size_t bs = a->next_size;
		while (bs < need)
			bs *= 2;
		block *nb = block_new(bs);
		if (!nb)
			return NULL;
		nb->next = a->head;
		a->head = nb;
		/* Blocks double so that a large document needs few of them. */
		if (a->next_size < (64u << 20))
			a->next_size *= 2;
		b = nb;
	}
	void *p = b->data + b->used;
	b->used += need;
	a->total += need;
	return p;
}

void *tk_arena_calloc(tk_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *p = tk_arena_alloc(a, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

char *tk_arena_strndup(tk_arena *a, const char *s, size_t n)
{
	char *p = tk_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *tk_arena_strdup(tk_arena *a, const char *s)
{
	return tk_arena_strndup(a, s, strlen(s));
}

size_t tk_arena_used(const tk_arena *a)
{
	return a->total;
}
