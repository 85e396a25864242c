/* A short-lived memory of checked sessions and round keys, so that a read
 * (GET or HEAD) does not ask the database who the caller is and where the
 * round belongs on every request (docs/serve.en.md, "Performance").
 *
 * What it may answer, and for how long:
 * - A session entry is the session row and its user with roles, as read
 *   from the database; it is used for at most SESSION_TTL_S seconds and only
 *   while nothing has changed in this process since it was read: every
 *   state-changing request that may touch users, roles or sessions (sign-out,
 *   revocation, role and password changes, anything not known to leave them
 *   alone) forgets every entry (cache_forget_identities). Changes made by
 *   another process (taisaku user disable at the console, a second server on
 *   PostgreSQL) are therefore seen after SESSION_TTL_S seconds at most.
 * - The expiry, idle timeout and revocation are still decided on every
 *   request from the remembered row, and the idle clock is still written
 *   back at the same pace as without the cache (auth.c).
 * - State changes never use it: they read the database as before.
 * Entries are keyed by the SHA-256 of the session id, never the id itself,
 * and hold no password hash. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve.h"

#define SESSION_TTL_S 2
#define ROUND_TTL_S 1
#define SESSION_SLOTS 512
#define ROUND_SLOTS 256

/* Bumped whenever what an entry holds may have changed in this process. */
static atomic_ulong identity_generation = 1, round_generation = 1;

typedef struct session_slot {
	char sid_hash[65];
	unsigned long generation;
	int64_t read_at;   /* monotonic seconds */
	tk_session sess;
	tk_user user;      /* strings and roles in arena */
	tk_arena *arena;
} session_slot;

typedef struct round_slot {
	int64_t round;
	unsigned long generation;
	int64_t read_at;
	tk_round_key key;
} round_slot;

static session_slot sessions[SESSION_SLOTS];
static round_slot rounds[ROUND_SLOTS];
static pthread_mutex_t session_lock = PTHREAD_MUTEX_INITIALIZER, round_lock = PTHREAD_MUTEX_INITIALIZER;

static int64_t mono_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

static char *dup_or_null(tk_arena *a, const char *s)
{
	return s ? tk_arena_strdup(a, s) : NULL;
}

/* The user's fields into a (pw_hash left out: reads never need it). */
static bool user_copy(tk_arena *a, const tk_user *from, tk_user *to)
{
	*to = *from;
	to->pw_hash = "";
	to->username = dup_or_null(a, from->username);
	to->created_at = dup_or_null(a, from->created_at);
	to->totp_secret = dup_or_null(a, from->totp_secret);
	to->totp_pending = dup_or_null(a, from->totp_pending);
	to->roles = from->n_roles ? tk_arena_calloc(a, from->n_roles, sizeof(*to->roles)) : NULL;
	if (!to->username || (from->created_at && !to->created_at) || (from->totp_secret && !to->totp_secret) ||
		(from->totp_pending && !to->totp_pending) || (from->n_roles && !to->roles))
		return false;
	for (size_t i = 0; i < from->n_roles; i++) {
		to->roles[i].org_id = from->roles[i].org_id;
		to->roles[i].org = dup_or_null(a, from->roles[i].org);
		to->roles[i].role = dup_or_null(a, from->roles[i].role);
		if (!to->roles[i].role || (from->roles[i].org && !to->roles[i].org))
			return false;
	}
	return true;
}

static unsigned slot_of(const char *sid_hash)
{
	/* The hash is uniformly random hex: its first digits make a fine index. */
	return (unsigned)strtoul((char[9]){ sid_hash[0], sid_hash[1], sid_hash[2], sid_hash[3], sid_hash[4],
		sid_hash[5], sid_hash[6], sid_hash[7], 0 }, NULL, 16) % SESSION_SLOTS;
}

bool cache_session_get(const char *sid_hash, tk_arena *a, tk_session *sess, tk_user *user)
{
	bool hit = false;
	session_slot *e = &sessions[slot_of(sid_hash)];
	pthread_mutex_lock(&session_lock);
	if (e->arena && e->generation == atomic_load(&identity_generation) && mono_s() - e->read_at < SESSION_TTL_S &&
		strcmp(e->sid_hash, sid_hash) == 0) {
		*sess = e->sess;
		hit = user_copy(a, &e->user, user);
	}
	pthread_mutex_unlock(&session_lock);
	return hit;
}

unsigned long cache_identity_generation(void)
{
	return atomic_load(&identity_generation);
}

void cache_session_put(unsigned long generation, const char *sid_hash, const tk_session *sess, const tk_user *user)
{
	tk_arena *a = tk_arena_new(512);
	tk_user copy;
	if (!a || !user_copy(a, user, &copy)) {
		tk_arena_free(a);
		return;
	}
	session_slot *e = &sessions[slot_of(sid_hash)];
	pthread_mutex_lock(&session_lock);
	tk_arena *old = e->arena;
	memcpy(e->sid_hash, sid_hash, sizeof(e->sid_hash));
	e->generation = generation;
	e->read_at = mono_s();
	e->sess = *sess;
	e->user = copy;
	e->arena = a;
	pthread_mutex_unlock(&session_lock);
	tk_arena_free(old);
}

void cache_session_seen(const char *sid_hash, int64_t last_seen)
{
	session_slot *e = &sessions[slot_of(sid_hash)];
	pthread_mutex_lock(&session_lock);
	if (e->arena && strcmp(e->sid_hash, sid_hash) == 0)
		e->sess.last_seen = last_seen;
	pthread_mutex_unlock(&session_lock);
}

void cache_forget_identities(void)
{
	atomic_fetch_add(&identity_generation, 1);
}

bool cache_round_get(int64_t round, tk_round_key *out)
{
	bool hit = false;
	round_slot *e = &rounds[(uint64_t)round % ROUND_SLOTS];
	pthread_mutex_lock(&round_lock);
	if (e->round == round && e->generation == atomic_load(&round_generation) && mono_s() - e->read_at < ROUND_TTL_S) {
		*out = e->key;
		hit = true;
	}
	pthread_mutex_unlock(&round_lock);
	return hit;
}

unsigned long cache_round_generation(void)
{
	return atomic_load(&round_generation);
}

void cache_round_put(unsigned long generation, int64_t round, const tk_round_key *key)
{
	round_slot *e = &rounds[(uint64_t)round % ROUND_SLOTS];
	pthread_mutex_lock(&round_lock);
	e->round = round;
	e->generation = generation;
	e->read_at = mono_s();
	e->key = *key;
	pthread_mutex_unlock(&round_lock);
}

void cache_forget_rounds(void)
{
	atomic_fetch_add(&round_generation, 1);
}
