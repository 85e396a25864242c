-- Each system's latest strength round as one row (issue 9), so that peer
-- statistics read one row per system instead of its ~150 rating and level
-- rows: 100,000 systems are 100,000 rows, not 15 million.
--
-- Derived data, kept by the store (store_peer_vectors.c): written at round
-- import, rewritten when a round is replaced or deleted, rebuilt for every
-- system when this migration is applied and after a restore. Backups leave
-- it out. No foreign keys: it is rewritten inside the same transactions that
-- change rounds, and a restore empties and rebuilds it.
--
-- The row is the round's, chosen like every "latest round" of the store: the
-- highest (assessed_on, round_id) among the system's 'ecom' rounds.
-- catalog_hash names the layout of levels (the catalog text fixes the order
-- of views, domains and requirements). levels: a little-endian header of
-- three 16-bit counts (views, domains, requirements), then each view and
-- domain level as an IEEE 754 double (NaN: no level), then each
-- requirement's achieved level as one byte (255: none).
CREATE TABLE peer_vectors (
	round_id BIGINT NOT NULL PRIMARY KEY,
	system_id BIGINT NOT NULL UNIQUE,
	assessed_on TEXT NOT NULL,
	catalog_id TEXT NOT NULL,
	catalog_hash TEXT NOT NULL,
	target_level INTEGER NOT NULL,
	level DOUBLE PRECISION,
	levels {{BLOB}} NOT NULL
){{CLUSTERED}};
