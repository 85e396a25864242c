-- Ratings saved in the web application since the round's document was last
-- written (issue 6): a save stores its rating here as JSON (the API's
-- rating object, checked by the assessment loader before it is stored),
-- with the round's summary, rating rows, levels and revision, instead of
-- rewriting the whole document each time. The document with these applied
-- is the round's content: taisaku round export, the document download and
-- every evaluation read both; writing a new document (a plan save, a
-- workbook upload, closing the round) folds them into it and deletes them.
CREATE TABLE round_edits (
	round_id BIGINT NOT NULL REFERENCES rounds (id),
	item TEXT {{BYTES}} NOT NULL,
	rating TEXT NOT NULL,
	PRIMARY KEY (round_id, item)
){{CLUSTERED}};
