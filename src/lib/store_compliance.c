/* A compliance round's rows (issue 7): one rating per item with its status,
 * the compliance per section and the round's summary, as computed by
 * tk_compliance_evaluate (MODEL.md §8). The rounds row itself and the
 * document are written by store_import.c like any round's. */
#include <math.h>

#include "store_internal.h"
#include "taisaku/compliance.h"

/* What was entered for an item, in the ratings.rating vocabulary. */
static const char *entered(tk_item_status st)
{
	switch (st) {
	case TK_CS_UNASSESSED: return "unassessed";
	case TK_CS_NA: return "na";
	case TK_CS_UNKNOWN: return "unknown";
	default: return "rated";
	}
}

static void bind_compliance(tk_store *s, tk_db_stmt *st, int i, const tk_compliance_tally *t)
{
	if (isnan(t->compliance))
		s->ops->bind_null(st, i);
	else
		s->ops->bind_double(st, i, t->compliance);
}

static tk_status insert_items(tk_store *s, int64_t round, const tk_compliance *c, tk_error *err)
{
	const tk_catalog *cat = c->catalog;
	tk_db_stmt *st;
	tk_status rc = store_stmt(s, Q_RATING_ADD, &st, err);
	for (size_t i = 0; !rc && i < cat->n_requirements; i++) {
		tk_item_status status = c->items[i].status;
		s->ops->bind_int(st, 1, round);
		s->ops->bind_int(st, 2, (int64_t)i);
		s->ops->bind_text(st, 3, cat->requirements[i].id);
		s->ops->bind_text(st, 4, cat->domains[cat->requirements[i].domain].id);
		s->ops->bind_text(st, 5, tk_item_status_name(status));
		s->ops->bind_text(st, 6, entered(status));
		for (int k = 7; k <= 11; k++) /* importance, core, ranks, achieved, target: ECOM only */
			s->ops->bind_null(st, k);
		rc = store_done(s, st, err);
	}
	return rc;
}

static tk_status insert_sections(tk_store *s, int64_t round, const tk_compliance_result *r, tk_error *err)
{
	const tk_catalog *cat = r->assessment->catalog;
	tk_db_stmt *st;
	tk_status rc = store_stmt(s, Q_LEVEL_ADD, &st, err);
	for (size_t i = 0; !rc && i < cat->n_domains; i++) {
		s->ops->bind_int(st, 1, round);
		s->ops->bind_text(st, 2, "section");
		s->ops->bind_int(st, 3, (int64_t)i);
		s->ops->bind_text(st, 4, cat->domains[i].id);
		bind_compliance(s, st, 5, &r->sections[i]);
		s->ops->bind_null(st, 6);
		rc = store_done(s, st, err);
	}
	return rc;
}

tk_status store_insert_compliance(tk_store *s, int64_t round, const tk_compliance_result *r, tk_error *err)
{
	tk_status rc = insert_items(s, round, r->assessment, err);
	if (!rc)
		rc = insert_sections(s, round, r, err);
	tk_db_stmt *st;
	if (rc || (rc = store_stmt(s, Q_COMPLIANCE_ADD, &st, err)))
		return rc;
	const tk_compliance_tally *t = &r->overall;
	s->ops->bind_int(st, 1, round);
	bind_compliance(s, st, 2, t);
	const size_t counts[] = { t->applicable, t->n[TK_CS_IMPLEMENTED], t->n[TK_CS_PARTIAL],
		t->n[TK_CS_NOT_IMPLEMENTED], t->n[TK_CS_NA], t->n[TK_CS_UNKNOWN], t->n[TK_CS_UNASSESSED], r->n_open };
	for (int k = 0; k < 8; k++)
		s->ops->bind_int(st, 3 + k, (int64_t)counts[k]);
	return store_done(s, st, err);
}
