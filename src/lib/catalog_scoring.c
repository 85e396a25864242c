/* Loading and applying the scoring model of a strength catalog
 * (docs/catalog-format.en.md, "The scoring model"; MODEL.md §2–§4). */
#include <string.h>

#include "catalog_internal.h"

static const char *const SCORING_KEYS[] = {
	"model", "levels", "thresholds", "targets", "system_levels", "requirement_levels",
	"core_criteria", "system_factors", "peripherals", "notes", NULL };
static const char *const LEVEL_KEYS[] = { "level", "rating_ja", "definition_ja", NULL };
static const char *const SYSTEM_LEVEL_KEYS[] = { "level", "concept_ja", "image_ja", NULL };
static const char *const REQ_LEVEL_KEYS[] = { "level", "concept_ja", NULL };
static const char *const CORE_KINDS[] = { "technical", "management", NULL };
static const char *const CORE_KEYS[] = { "level", "summary_ja", "conditions_ja", NULL };
static const char *const FACTOR_KEYS[] = { "id", "title_ja", "items_ja", NULL };
static const char *const PERIPHERAL_KEYS[] = {
	"id", "title_ja", "title_en", "table_ja", "columns", "rows", "legend_ja", NULL };
static const char *const COLUMN_KEYS[] = { "id", "title_ja", "note_ja", NULL };
static const char *const ROW_KEYS[] = { "rank", "cells", "remark_ja", NULL };
static const char *const TARGET_LEVELS[] = { "2", "3", "4", "5", NULL };
static const char *const THRESHOLD_LEVELS[] = { "2", "3", "4", "5", NULL };

static const char *const RANKS[] = { "A", "B", "C", "D", NULL };
static const char *const CELLS[] = { "o", "t", "x", "-", "t|x", "o|t", NULL };
static const char *const IMPORTANCES[] = { "critical", "important", "general", "low", NULL };
static const char *const PERIPHERAL_IDS[] = {
	"study", "process", "management", "review", "documentation", NULL };

const char *tk_rank_name(tk_rank r) { return (unsigned)r < 4 ? RANKS[r] : "?"; }
const char *tk_cell_name(tk_cell c) { return (unsigned)c < 6 ? CELLS[c] : "?"; }
const char *tk_importance_name(tk_importance i) { return (unsigned)i < 4 ? IMPORTANCES[i] : "?"; }
const char *tk_kind_name(tk_kind k) { return k == TK_KIND_TECHNICAL ? "technical" : "management"; }

bool tk_cell_accepts(tk_cell cell, tk_answer answer)
{
	switch (cell) {
	case TK_CELL_O: return answer == TK_ANSWER_O;
	case TK_CELL_T:
	case TK_CELL_O_OR_T: return answer <= TK_ANSWER_T;
	case TK_CELL_X:
	case TK_CELL_ANY:
	case TK_CELL_T_OR_X: return true;
	}
	return false;
}

tk_rank tk_peripheral_rank(const tk_peripheral *p, const tk_answer *answers)
{
	for (size_t r = 0; r < p->n_rows; r++) {
		const tk_criteria_row *row = &p->rows[r];
		size_t c = 0;
		while (c < p->n_columns && tk_cell_accepts((tk_cell)row->cells[c], answers[c]))
			c++;
		if (c == p->n_columns)
			return row->rank;
	}
	return TK_RANK_D;
}

#define ALLOC(w, node, ptr, n) \
	((ptr) = tk_arena_calloc((w)->a, (n) ? (n) : 1, sizeof(*(ptr)))) == NULL \
		? tk_walk_fail((w), (node), NULL, "メモリが足りません", "out of memory") : TK_OK

/* A list of {level, a, b} entries, each level 1..5 at most once. */
static tk_status read_level_texts(tk_walk *w, const tk_ynode *s, const char *key,
	const char *const *keys, const char *a_key, const char *b_key,
	tk_level_text **out, size_t *n_out)
{
	const tk_ynode *seq = tk_ymap_get(s, key);
	*n_out = 0;
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(w, seq, key, false);
	if (st || (st = ALLOC(w, seq, *out, seq->n)))
		return st;
	bool seen[6] = { false };
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_level_text *t = &(*out)[i];
		long level;
		if ((st = tk_walk_map(w, n, key, keys)) ||
		    (st = tk_walk_int(w, n, "level", true, 1, 5, &level)) ||
		    (st = tk_walk_str(w, n, a_key, true, &t->a_ja)) ||
		    (b_key && (st = tk_walk_str(w, n, b_key, false, &t->b_ja))))
			return st;
		if (seen[level])
			return tk_walk_fail(w, tk_ymap_get(n, "level"), "level",
				"レベル %ld が重複しています", "level %ld is given twice", level);
		seen[level] = true;
		t->level = (int)level;
	}
	*n_out = seq->n;
	return TK_OK;
}

static tk_status read_core(tk_walk *w, const tk_ynode *s, tk_scoring *sc)
{
	const tk_ynode *m = tk_ymap_get(s, "core_criteria");
	if (!m)
		return TK_OK;
	tk_status st = tk_walk_map(w, m, "core_criteria", CORE_KINDS);
	if (st)
		return st;
	for (int k = 0; k < 2; k++) {
		const tk_ynode *seq = tk_ymap_get(m, CORE_KINDS[k]);
		if (!seq)
			continue;
		tk_core_criterion **out = k == 0 ? &sc->core_technical : &sc->core_management;
		size_t *n_out = k == 0 ? &sc->n_core_technical : &sc->n_core_management;
		if ((st = tk_walk_seq(w, seq, CORE_KINDS[k], false)) || (st = ALLOC(w, seq, *out, seq->n)))
			return st;
		for (size_t i = 0; i < seq->n; i++) {
			const tk_ynode *n = seq->items[i];
			tk_core_criterion *c = &(*out)[i];
			long level;
			if ((st = tk_walk_map(w, n, CORE_KINDS[k], CORE_KEYS)) ||
			    (st = tk_walk_int(w, n, "level", true, 1, 5, &level)) ||
			    (st = tk_walk_str(w, n, "summary_ja", true, &c->summary_ja)) ||
			    (st = tk_walk_strv(w, n, "conditions_ja", false, &c->conditions_ja)))
				return st;
			c->level = (int)level;
		}
		*n_out = seq->n;
	}
	return TK_OK;
}

static tk_status read_factors(tk_walk *w, const tk_ynode *s, tk_scoring *sc)
{
	const tk_ynode *seq = tk_ymap_get(s, "system_factors");
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(w, seq, "system_factors", false);
	if (st || (st = ALLOC(w, seq, sc->factors, seq->n)))
		return st;
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *n = seq->items[i];
		tk_factor *f = &sc->factors[i];
		if ((st = tk_walk_map(w, n, "system_factors", FACTOR_KEYS)) ||
		    (st = tk_walk_str(w, n, "id", true, &f->id)) ||
		    (st = tk_walk_str(w, n, "title_ja", true, &f->title_ja)) ||
		    (st = tk_walk_strv(w, n, "items_ja", false, &f->items_ja)))
			return st;
	}
	sc->n_factors = seq->n;
	return TK_OK;
}

/* thresholds: { 2: C, 3: B, 4: B, 5: A }, all four levels required. */
static tk_status read_thresholds(tk_walk *w, const tk_ynode *s, tk_scoring *sc)
{
	const tk_ynode *m = tk_ymap_get(s, "thresholds");
	if (!m)
		return tk_walk_fail(w, s, "thresholds", "必須のキーがありません", "required key is missing");
	tk_status st = tk_walk_map(w, m, "thresholds", THRESHOLD_LEVELS);
	if (st)
		return st;
	for (int level = 2; level <= 5; level++) {
		int rank;
		if ((st = tk_walk_enum(w, m, THRESHOLD_LEVELS[level - 2], true, RANKS, &rank)))
			return st;
		sc->thresholds[level] = (tk_rank)rank;
	}
	return TK_OK;
}

/* targets: { 5: {critical: 5, important: 5, general: 4, low: 4}, ... } */
static tk_status read_targets(tk_walk *w, const tk_ynode *s, tk_scoring *sc)
{
	const tk_ynode *m = tk_ymap_get(s, "targets");
	if (!m)
		return tk_walk_fail(w, s, "targets", "必須のキーがありません", "required key is missing");
	tk_status st = tk_walk_map(w, m, "targets", TARGET_LEVELS);
	if (st)
		return st;
	for (int level = 2; level <= 5; level++) {
		const char *key = TARGET_LEVELS[level - 2];
		const tk_ynode *row = tk_ymap_get(m, key);
		if (!row)
			return tk_walk_fail(w, m, key, "必須のキーがありません", "required key is missing");
		if ((st = tk_walk_map(w, row, key, IMPORTANCES)))
			return st;
		for (int imp = 0; imp < 4; imp++) {
			long t;
			if ((st = tk_walk_int(w, row, IMPORTANCES[imp], true, 2, 5, &t)))
				return st;
			sc->targets[level][imp] = (uint8_t)t;
		}
	}
	return TK_OK;
}

static tk_status read_peripheral(tk_walk *w, const tk_ynode *n, tk_scoring *sc, bool *seen)
{
	int id;
	tk_status st;
	if ((st = tk_walk_map(w, n, "peripherals", PERIPHERAL_KEYS)) ||
	    (st = tk_walk_enum(w, n, "id", true, PERIPHERAL_IDS, &id)))
		return st;
	if (seen[id])
		return tk_walk_fail(w, tk_ymap_get(n, "id"), "id", "周辺要素 '%s' が重複しています",
			"peripheral element '%s' is given twice", PERIPHERAL_IDS[id]);
	seen[id] = true;
	tk_peripheral *p = &sc->peripherals[id];
	p->id = PERIPHERAL_IDS[id];
	if ((st = tk_walk_str(w, n, "title_ja", true, &p->title_ja)) ||
	    (st = tk_walk_str(w, n, "title_en", true, &p->title_en)) ||
	    (st = tk_walk_str(w, n, "table_ja", false, &p->table_ja)) ||
	    (st = tk_walk_str(w, n, "legend_ja", false, &p->legend_ja)))
		return st;
	const tk_ynode *cols = tk_ymap_get(n, "columns"), *rows = tk_ymap_get(n, "rows");
	if (!cols || !rows)
		return tk_walk_fail(w, n, cols ? "rows" : "columns", "必須のキーがありません",
			"required key is missing");
	if ((st = tk_walk_seq(w, cols, "columns", true)) || (st = tk_walk_seq(w, rows, "rows", true)) ||
	    (st = ALLOC(w, cols, p->columns, cols->n)) || (st = ALLOC(w, rows, p->rows, rows->n)))
		return st;
	for (size_t i = 0; i < cols->n; i++) {
		const tk_ynode *c = cols->items[i];
		tk_column *col = &p->columns[i];
		if ((st = tk_walk_map(w, c, "columns", COLUMN_KEYS)) ||
		    (st = tk_walk_str(w, c, "id", true, &col->id)) ||
		    (st = tk_walk_str(w, c, "title_ja", false, &col->title_ja)) ||
		    (st = tk_walk_str(w, c, "note_ja", false, &col->note_ja)))
			return st;
		for (size_t j = 0; j < i; j++)
			if (strcmp(p->columns[j].id, col->id) == 0)
				return tk_walk_fail(w, tk_ymap_get(c, "id"), "id", "列 '%s' が重複しています",
					"column '%s' is given twice", col->id);
	}
	p->n_columns = cols->n;
	for (size_t i = 0; i < rows->n; i++) {
		const tk_ynode *r = rows->items[i];
		tk_criteria_row *row = &p->rows[i];
		int rank;
		if ((st = tk_walk_map(w, r, "rows", ROW_KEYS)) ||
		    (st = tk_walk_enum(w, r, "rank", true, RANKS, &rank)) ||
		    (st = tk_walk_str(w, r, "remark_ja", false, &row->remark_ja)))
			return st;
		row->rank = (tk_rank)rank;
		const tk_ynode *cells = tk_ymap_get(r, "cells");
		if (!cells)
			return tk_walk_fail(w, r, "cells", "必須のキーがありません", "required key is missing");
		if ((st = tk_walk_seq(w, cells, "cells", true)))
			return st;
		if (cells->n != p->n_columns)
			return tk_walk_fail(w, cells, "cells", "列が %zu 個あるのにセルが %zu 個です",
				"there are %zu columns but %zu cells", p->n_columns, cells->n);
		if ((st = ALLOC(w, cells, row->cells, cells->n)))
			return st;
		for (size_t c = 0; c < cells->n; c++) {
			int cell;
			if ((st = tk_walk_enum_node(w, cells->items[c], "cells", CELLS, &cell)))
				return st;
			row->cells[c] = (uint8_t)cell;
		}
	}
	p->n_rows = rows->n;
	return TK_OK;
}

static tk_status read_peripherals(tk_walk *w, const tk_ynode *s, tk_scoring *sc)
{
	const tk_ynode *seq = tk_ymap_get(s, "peripherals");
	if (!seq)
		return tk_walk_fail(w, s, "peripherals", "必須のキーがありません", "required key is missing");
	tk_status st = tk_walk_seq(w, seq, "peripherals", true);
	if (st)
		return st;
	bool seen[TK_PERIPHERALS] = { false };
	for (size_t i = 0; i < seq->n; i++)
		if ((st = read_peripheral(w, seq->items[i], sc, seen)))
			return st;
	for (int i = 0; i < TK_PERIPHERALS; i++)
		if (!seen[i])
			return tk_walk_fail(w, seq, "peripherals", "周辺要素 '%s' がありません",
				"peripheral element '%s' is missing", PERIPHERAL_IDS[i]);
	return TK_OK;
}

tk_status tk_load_scoring(tk_walk *w, const tk_ynode *s, tk_scoring *sc)
{
	tk_status st;
	if ((st = tk_walk_map(w, s, "scoring", SCORING_KEYS)) ||
	    (st = tk_walk_str(w, s, "model", true, &sc->model)) ||
	    (st = read_thresholds(w, s, sc)) ||
	    (st = read_targets(w, s, sc)) ||
	    (st = read_level_texts(w, s, "levels", LEVEL_KEYS, "rating_ja", "definition_ja",
		    &sc->levels, &sc->n_levels)) ||
	    (st = read_level_texts(w, s, "system_levels", SYSTEM_LEVEL_KEYS, "concept_ja", "image_ja",
		    &sc->system_levels, &sc->n_system_levels)) ||
	    (st = read_level_texts(w, s, "requirement_levels", REQ_LEVEL_KEYS, "concept_ja", NULL,
		    &sc->requirement_levels, &sc->n_requirement_levels)) ||
	    (st = read_core(w, s, sc)) ||
	    (st = read_factors(w, s, sc)) ||
	    (st = read_peripherals(w, s, sc)) ||
	    (st = tk_load_notes(w, s, &sc->notes)))
		return st;
	/* A stricter level must not accept a weaker rank than a lower level. */
	for (int level = 3; level <= 5; level++)
		if (sc->thresholds[level] > sc->thresholds[level - 1])
			return tk_walk_fail(w, tk_ymap_get(s, "thresholds"), "thresholds",
				"レベル %d のしきい値がレベル %d より緩くなっています",
				"the threshold of level %d is looser than that of level %d",
				level, level - 1);
	return TK_OK;
}
