/* Many files as rounds in one transaction, parsing on a second thread.
 *
 * Reading, parsing and evaluating a full ECOM assessment costs about as
 * much as writing its rows, so a batch runs them side by side: a reader
 * thread prepares documents into a small queue, the caller's thread stores
 * them. The database is only ever touched from the caller's thread, and
 * the resolver only from the reader's. */
#include <pthread.h>
#include <stdlib.h>

#include "store_internal.h"

#define QUEUE 8 /* prepared documents waiting; bounds the memory in flight */

typedef struct slot {
	tk_store_doc *doc; /* NULL with an error: the reader stopped there */
	tk_error err;
} slot;

typedef struct pipeline {
	const char *const *paths;
	size_t n;
	tk_catalog_resolver resolve;
	void *ctx;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	slot q[QUEUE];
	size_t head, tail; /* head: next to take; tail: next to fill (counts, not wrapped) */
	bool stop;         /* the writer gave up: the reader ends */
} pipeline;

static void *reader(void *arg)
{
	pipeline *p = arg;
	for (size_t i = 0; i < p->n; i++) {
		slot s = { 0 };
		tk_status rc = tk_store_doc_read(p->paths[i], p->resolve, p->ctx, &s.doc, &s.err);
		pthread_mutex_lock(&p->lock);
		while (!p->stop && p->tail - p->head == QUEUE)
			pthread_cond_wait(&p->changed, &p->lock);
		if (p->stop) {
			pthread_mutex_unlock(&p->lock);
			tk_store_doc_free(s.doc);
			return NULL;
		}
		p->q[p->tail % QUEUE] = s;
		p->tail++;
		pthread_cond_broadcast(&p->changed);
		pthread_mutex_unlock(&p->lock);
		if (rc)
			return NULL; /* the writer sees the error in order and stops */
	}
	return NULL;
}

/* The next prepared document, in file order; waits for it. */
static slot take(pipeline *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->tail == p->head)
		pthread_cond_wait(&p->changed, &p->lock);
	slot s = p->q[p->head % QUEUE];
	p->head++;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	return s;
}

tk_status tk_store_round_import_files(tk_store *s, const char *org, const char *system,
	const char *const *paths, size_t n, tk_catalog_resolver resolve, void *ctx, size_t *imported,
	tk_error *err)
{
	if (imported)
		*imported = 0;
	if (!n)
		return TK_OK;
	tk_status rc = tk_store_begin(s, err);
	if (rc)
		return rc;
	pipeline p = { .paths = paths, .n = n, .resolve = resolve, .ctx = ctx };
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.changed, NULL);
	pthread_t th;
	if (pthread_create(&th, NULL, reader, &p) != 0) {
		tk_store_rollback(s);
		pthread_cond_destroy(&p.changed);
		pthread_mutex_destroy(&p.lock);
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "スレッドを作れません", "cannot start a thread");
	}
	size_t done = 0;
	while (!rc && done < n) {
		slot sl = take(&p);
		if (!sl.doc) {
			*err = sl.err;
			rc = err->status ? err->status : TK_EIO;
			break;
		}
		rc = tk_store_round_add(s, org, system, sl.doc, NULL, err);
		tk_store_doc_free(sl.doc);
		if (!rc)
			done++;
	}
	/* Stop the reader (it may be waiting for room), then free what it left. */
	pthread_mutex_lock(&p.lock);
	p.stop = true;
	pthread_cond_broadcast(&p.changed);
	pthread_mutex_unlock(&p.lock);
	pthread_join(th, NULL);
	for (; p.head < p.tail; p.head++)
		tk_store_doc_free(p.q[p.head % QUEUE].doc);
	pthread_cond_destroy(&p.changed);
	pthread_mutex_destroy(&p.lock);
	if (!rc && (rc = tk_store_commit(s, err)) != TK_OK)
		tk_store_rollback(s); /* a failed COMMIT may leave the transaction open */
	else if (rc)
		tk_store_rollback(s);
	if (!rc && imported)
		*imported = done;
	return rc;
}
