/* taisaku: peer statistics (MODEL.md §7, seed 002 §1.4(3)): how a system's
 * levels compare with those of similar systems.
 *
 * A pure function over numbers: the caller (the store, from SQL) gives, for
 * each entry (a requirement, a domain, a view or the system), the level of
 * every peer system, and the organisation each peer system belongs to; the
 * function gives per entry:
 *
 *   count       peers with a level for the entry (NaN = no level: na, unassessed)
 *   mean        μ = Σx / count
 *   sd          σ, the population standard deviation: sqrt(Σ(x − μ)² / count)
 *   percentile  (B + E/2) / count × 100, where B = peers strictly below this
 *               system's level and E = peers equal to it (levels within 1e-9
 *               count as equal): the share of the group this system is at or
 *               above, ties counted half. 50 for a system in the middle.
 *   deviation   偏差値 (x − μ) / σ × 10 + 50; 50 when σ = 0
 *
 * k-anonymity (issue 9): a group whose peers come from fewer than
 * TK_PEERS_MIN_ORGANISATIONS distinct organisations yields nothing; and an
 * entry whose counted peers come from fewer than that many organisations
 * yields nothing for that entry. Both are enforced here, not by callers, and
 * flagged so that a caller can say why nothing is shown.
 *
 * Whether the system itself is among the peers is the caller's choice; the
 * function treats the group as given. */
#ifndef TAISAKU_PEERS_H
#define TAISAKU_PEERS_H

#include <stdbool.h>
#include <stddef.h>

#include "taisaku/error.h"

#define TK_PEERS_MIN_ORGANISATIONS 5

typedef struct tk_peer_group {
	size_t n_peers;
	const char *const *organisations; /* per peer: its organisation (non-empty) */
	size_t n_entries;
	const double *const *levels;      /* levels[entry][peer]; NaN where the peer has none */
} tk_peer_group;

typedef struct tk_peer_stat {
	bool shown;          /* false: too few organisations for this entry (or the group) */
	bool has_level;      /* this system has a level for the entry */
	size_t count;        /* 0 when not shown */
	size_t organisations;/* distinct organisations among the counted peers */
	double level;        /* this system's level; NaN when it has none */
	double mean, sd;     /* NaN when not shown */
	double percentile, deviation; /* NaN when not shown or the system has no level */
} tk_peer_stat;

typedef struct tk_peer_summary {
	size_t organisations;   /* distinct organisations in the group */
	bool suppressed;        /* the whole group is below the k-anonymity floor */
	size_t n_suppressed;    /* entries not shown (all of them when suppressed) */
} tk_peer_summary;

/* Computes out[0..n_entries) from the group and this system's levels
 * (self[entry], NaN where it has none). TK_EINPUT when a peer has no
 * organisation or a level is not finite and not NaN. */
tk_status tk_peer_stats(const tk_peer_group *g, const double *self, tk_peer_stat *out,
	tk_peer_summary *summary, tk_error *err);

#endif
