/* The rounds the rating writer (save_queue.c) saved into, kept in memory
 * between its saves: the round's assessment as stored and its evaluation,
 * so that the next save into the round neither reads nor parses its
 * document again, and knows which rows its rating changes.
 *
 * An entry is used only when the round's version key, read inside the
 * writer's transaction, is the one it was remembered at: any change by
 * another path (a plan, an upload, a close, another process) changes the
 * key, and the round is read again. Only the writer thread uses it, so
 * there is no lock. */
#include <stdlib.h>
#include <string.h>

#include "serve.h"

#define SLOTS 32
/* A save's texts stay in the assessment's memory until it is read again. */
#define MAX_SAVES 256

static cached_round slots[SLOTS];
static unsigned long clock_now;

void round_cache_forget(cached_round *c)
{
	tk_evaluation_free(c->e);
	tk_assessment_free(c->a);
	memset(c, 0, sizeof(*c));
}

void round_cache_forget_all(void)
{
	for (size_t i = 0; i < SLOTS; i++)
		round_cache_forget(&slots[i]);
}

static bool same_key(const cached_round *c, int64_t id, const tk_round_key *k)
{
	return c->a && c->id == id && c->revision == k->revision && strcmp(c->imported_at, k->imported_at) == 0;
}

cached_round *round_cache_get(tk_store *s, int64_t id, const tk_round_key *k, tk_error *err)
{
	cached_round *c = NULL, *oldest = &slots[0];
	for (size_t i = 0; i < SLOTS && !c; i++) {
		if (slots[i].id == id)
			c = &slots[i];
		else if (slots[i].used < oldest->used)
			oldest = &slots[i];
	}
	if (c && same_key(c, id, k) && c->saves < MAX_SAVES) {
		c->used = ++clock_now;
		return c;
	}
	if (!c)
		c = oldest;
	round_cache_forget(c);
	if (tk_store_round_load(s, id, serve_resolve, NULL, &c->a, err) || tk_evaluate(c->a, &c->e, err)) {
		round_cache_forget(c);
		return NULL;
	}
	c->id = id;
	c->revision = k->revision;
	memcpy(c->imported_at, k->imported_at, sizeof(c->imported_at));
	c->used = ++clock_now;
	return c;
}

void round_cache_saved(cached_round *c, tk_evaluation *e)
{
	tk_evaluation_free(c->e);
	c->e = e;
	c->revision++; /* the save's own step of the revision */
	c->saves++;
}
