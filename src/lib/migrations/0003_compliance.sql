-- Compliance rounds (issue 7): the summary of a round of kind 'compliance'.
--
-- A compliance round keeps its document, catalog and one ratings row per
-- item (status implemented, partial, not-implemented, na, unknown or
-- unassessed; levels NULL) like any round. Its per-section compliance goes
-- to round_levels with scope 'section' (level = compliance 0..1, NULL when
-- nothing in the section is applicable; target NULL). What a strength round
-- keeps in the rounds row (level, met, under, ...) has no meaning here, so
-- the overall compliance and the count per status live in this table, one
-- row per compliance round (MODEL.md §8).
CREATE TABLE round_compliance (
	round_id BIGINT NOT NULL PRIMARY KEY REFERENCES rounds (id),
	compliance DOUBLE PRECISION,
	n_applicable INTEGER NOT NULL,
	n_implemented INTEGER NOT NULL,
	n_partial INTEGER NOT NULL,
	n_not_implemented INTEGER NOT NULL,
	n_na INTEGER NOT NULL,
	n_unknown INTEGER NOT NULL,
	n_unassessed INTEGER NOT NULL,
	n_open INTEGER NOT NULL
){{CLUSTERED}};
