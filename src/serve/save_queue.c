/* Rating saves, committed together (docs/serve.en.md, "Performance").
 *
 * A saved rating is small, but its commit waits for the disk (SQLite's
 * fsync; PostgreSQL's WAL flush). When every save commits alone, saves
 * queue behind each other's flushes: 64 people saving at once waited a
 * quarter of a second. Here a save is checked on the request's own thread,
 * then its connection is set aside (libmicrohttpd's suspend) and the save
 * is queued; one writer thread takes everything queued, does each save in
 * one transaction, each in a part of its own that is undone alone if it
 * fails, and commits them all with one flush. Only then is each answered,
 * so an answer still means the save is on disk.
 *
 * The writer also keeps the rounds it saved into in memory (round_cache.c),
 * so that a save does not read and parse the round's document again, and
 * writes only the rows the rating changed (tk_store_round_rate). */
#include <pthread.h>
#include <stdlib.h>

#include "serve.h"

/* A batch larger than this is split: its first saves need not wait for
 * the work of hundreds more. */
#define MAX_BATCH 128

typedef struct job {
	req *r;
	save_fn fn;
	bool kept;
	struct job *next;
} job;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static job *head, *tail;
static bool running, stopping;
static pthread_t writer;

/* One batch: every save in one transaction, each in a part of its own.
 * When the batch as a whole fails (the database refused the commit, or a
 * part could not be kept), nothing of it is kept and every save that had
 * succeeded is answered with the failure instead. */
static void run_batch(job *jobs)
{
	tk_error err = { 0 };
	tk_store *s = serve_store(&err);
	bool serial = s && writer_lock(s);
	tk_status rc = s ? tk_store_begin(s, &err) : err.status ? err.status : TK_EIO;
	bool open = !rc;
	for (job *j = jobs; j; j = j->next) {
		j->r->s = s;
		if (rc || (rc = tk_store_mark(s, &err)))
			break;
		if ((j->kept = j->fn(j->r)))
			rc = tk_store_keep(s, &err);
		else
			tk_store_undo(s); /* its own failure, answered by fn */
	}
	if (open && !rc)
		rc = tk_store_commit(s, &err);
	if (open && rc)
		tk_store_rollback(s);
	if (rc) {
		/* What the writer remembers of the rounds may be ahead of the database. */
		round_cache_forget_all();
		for (job *j = jobs; j; j = j->next)
			if (j->kept || !j->r->status)
				reply_internal(j->r, &err);
	}
	if (serial)
		writer_unlock();
	/* Readers' remembered round versions are stale from now on. */
	cache_forget_rounds();
}

static void *writer_main(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&lock);
	for (;;) {
		while (!head && !stopping)
			pthread_cond_wait(&wake, &lock);
		if (!head)
			break;
		job *batch = head, *last = head;
		for (int n = 1; n < MAX_BATCH && last->next; n++)
			last = last->next;
		head = last->next;
		if (!head)
			tail = NULL;
		last->next = NULL;
		pthread_mutex_unlock(&lock);
		run_batch(batch);
		for (job *j = batch, *next; j; j = next) {
			next = j->next;
			MHD_resume_connection(j->r->conn);
			free(j);
		}
		pthread_mutex_lock(&lock);
	}
	pthread_mutex_unlock(&lock);
	round_cache_forget_all();
	return NULL;
}

bool save_queue_start(void)
{
	pthread_mutex_lock(&lock);
	stopping = false;
	running = pthread_create(&writer, NULL, writer_main, NULL) == 0;
	pthread_mutex_unlock(&lock);
	return running;
}

void save_queue_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(writer, NULL); /* what was queued is saved and answered first */
	pthread_mutex_lock(&lock);
	running = false;
	pthread_mutex_unlock(&lock);
}

void save_queue_submit(req *r, save_fn fn)
{
	job *j = calloc(1, sizeof(*j));
	if (j) {
		j->r = r;
		j->fn = fn;
		pthread_mutex_lock(&lock);
		/* Once the writer is told to stop, nothing more is queued: it
		 * would never be answered. */
		if (running && !stopping) {
			/* Set aside before it is queued: the writer may answer at once. */
			r->queued = true;
			MHD_suspend_connection(r->conn);
			if (tail)
				tail->next = j;
			else
				head = j;
			tail = j;
			pthread_cond_signal(&wake);
			j = NULL;
		}
		pthread_mutex_unlock(&lock);
		if (!j)
			return;
		free(j);
	}
	reply_error(r, 503, "unavailable", "いまは保存できません。しばらくしてからやり直してください",
		"cannot save now; try again later");
}
