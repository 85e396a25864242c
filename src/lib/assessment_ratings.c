/* Ratings given as JSON ({"Ma1.1": {...}, ...}) set into a loaded
 * assessment: the web application's saves (store_edits.c). Each rating is
 * read by the assessment loader itself, inside a document of the same
 * catalog and level, so that it is checked exactly as in a file; then it is
 * copied into the assessment's arena. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/arena.h"
#include "taisaku/assessment.h"

static tk_status nomem(tk_error *err)
{
	return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
}

static char *dup(tk_arena *a, const char *s, bool *ok)
{
	if (!s)
		return NULL;
	char *d = tk_arena_strdup(a, s);
	*ok &= d != NULL;
	return d;
}

/* from into to, every string and array in a. */
static bool rating_copy(tk_arena *a, const tk_catalog *c, const tk_rating *from, tk_rating *to)
{
	bool ok = true;
	*to = *from;
	to->na_reason = dup(a, from->na_reason, &ok);
	to->note = dup(a, from->note, &ok);
	if (from->n_assets) {
		if (!(to->assets = tk_arena_calloc(a, from->n_assets, sizeof(*to->assets))))
			return false;
		for (size_t i = 0; i < from->n_assets; i++) {
			to->assets[i] = from->assets[i];
			to->assets[i].name = dup(a, from->assets[i].name, &ok);
		}
	}
	if (from->n_evidence) {
		if (!(to->evidence = tk_arena_calloc(a, from->n_evidence, sizeof(*to->evidence))))
			return false;
		for (size_t i = 0; i < from->n_evidence; i++) {
			to->evidence[i].title = dup(a, from->evidence[i].title, &ok);
			to->evidence[i].date = dup(a, from->evidence[i].date, &ok);
			to->evidence[i].ref = dup(a, from->evidence[i].ref, &ok);
		}
	}
	for (int p = 0; p < TK_PERIPHERALS; p++) {
		if (!from->answers[p])
			continue;
		size_t n = c->scoring.peripherals[p].n_columns;
		if (!(to->answers[p] = tk_arena_calloc(a, n ? n : 1, sizeof(tk_answer))))
			return false;
		memcpy(to->answers[p], from->answers[p], n * sizeof(tk_answer));
	}
	return ok;
}

tk_status tk_assessment_set_ratings(tk_assessment *a, const char *name, const char *json, size_t len,
	tk_catalog_resolver resolve, void *ctx, tk_error *err)
{
	const tk_catalog *c = a->catalog;
	json_error_t je;
	json_t *ratings = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	if (!json_is_object(ratings)) {
		json_decref(ratings);
		return tk_error_set(err, TK_EINPUT, name, je.line, je.column, NULL, "評価が JSON のオブジェクトではありません",
			"the ratings are not a JSON object");
	}
	json_t *doc = json_pack("{s:s,s:{s:s,s:i},s:O}", "catalog", c->id, "system", "name", "rating", "level", a->level,
		"ratings", ratings);
	char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
	json_decref(doc);
	tk_assessment *one = NULL;
	tk_status rc = text ? tk_assessment_load_buffer(name, text, strlen(text), resolve, ctx, &one, err) : nomem(err);
	free(text);
	const char *key;
	json_t *val;
	json_object_foreach(ratings, key, val) {
		if (rc)
			break;
		/* The loader has refused unknown requirements already. */
		const tk_requirement *q = tk_catalog_requirement(c, key);
		if (!q)
			continue;
		size_t i = (size_t)(q - c->requirements);
		if (!rating_copy(a->arena, c, &one->ratings[i], &a->ratings[i]))
			rc = nomem(err);
	}
	tk_assessment_free(one);
	json_decref(ratings);
	return rc;
}
