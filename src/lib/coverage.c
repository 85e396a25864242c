/* Coverage: how much of catalog B catalog A covers, through the mappings to
 * ECOM (docs/mappings.en.md).
 *
 * A mapping entry relates an item to an ECOM requirement set. The item is
 * covered fully by ECOM when it asks for no more than the set (equal,
 * subset) and partly when it asks for more or only overlaps (superset,
 * intersect); read the other way, the set is covered fully by the item when
 * the item asks for all of it (equal, superset) and partly otherwise. Two
 * compliance catalogs meet through ECOM: B's item is fully covered when
 * ECOM covers it fully and A fully covers every requirement it maps to. */
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "taisaku/arena.h"
#include "taisaku/mapping.h"

const char *tk_cover_name(tk_cover c)
{
	static const char *const n[] = { "full", "partial", "none" };
	return (unsigned)c <= TK_COVER_NONE ? n[c] : "?";
}

static bool item_within_set(tk_relation r)
{
	return r == TK_REL_EQUAL || r == TK_REL_SUBSET;
}

static bool item_spans_set(tk_relation r)
{
	return r == TK_REL_EQUAL || r == TK_REL_SUPERSET;
}

/* How A's items cover one ECOM requirement; *rel gets the strongest
 * relation among the items that reach it. */
static tk_cover cover_requirement(const tk_mapping *ma, uint32_t req, tk_relation *rel)
{
	static const int strength[] = { 0, 2, 1, 3, 4 }; /* equal, superset, subset, intersect */
	tk_cover best = TK_COVER_NONE;
	*rel = TK_REL_NONE;
	for (size_t i = 0; i < ma->from->n_requirements; i++) {
		const tk_map_entry *e = &ma->entries[i];
		for (size_t k = 0; k < e->n_to; k++) {
			if (e->to[k] != req)
				continue;
			tk_cover c = item_spans_set(e->relation) ? TK_COVER_FULL : TK_COVER_PARTIAL;
			if (c < best)
				best = c;
			if (strength[e->relation] < strength[*rel])
				*rel = e->relation;
		}
	}
	return best;
}

/* B's item through its own mapping, and A's coverage of the requirements. */
static tk_cover cover_through_ecom(const tk_mapping *ma, const tk_map_entry *eb)
{
	if (eb->relation == TK_REL_NONE)
		return TK_COVER_NONE;
	if (!ma) /* A is ECOM itself */
		return item_within_set(eb->relation) ? TK_COVER_FULL : TK_COVER_PARTIAL;
	size_t full = 0, any = 0;
	for (size_t k = 0; k < eb->n_to; k++) {
		tk_relation rel;
		tk_cover c = cover_requirement(ma, eb->to[k], &rel);
		full += c == TK_COVER_FULL;
		any += c != TK_COVER_NONE;
	}
	if (!any)
		return TK_COVER_NONE;
	return full == eb->n_to && item_within_set(eb->relation) ? TK_COVER_FULL : TK_COVER_PARTIAL;
}

tk_status tk_coverage_compute(const tk_catalog *a, const tk_catalog *b, const tk_catalog *ecom,
	const tk_mapping *ma, const tk_mapping *mb, tk_coverage **out, tk_error *err)
{
	*out = NULL;
	(void)ecom;
	tk_arena *arena = tk_arena_new(16384);
	tk_coverage *c = arena ? tk_arena_calloc(arena, 1, sizeof(*c)) : NULL;
	if (c) {
		c->arena = arena;
		c->items = tk_arena_calloc(arena, b->n_requirements + 1, sizeof(*c->items));
		c->sections = tk_arena_calloc(arena, b->n_domains + 1, sizeof(*c->sections));
	}
	if (!c || !c->items || !c->sections) {
		tk_arena_free(arena);
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	c->a = a;
	c->b = b;
	c->n_items = b->n_requirements;
	c->n_sections = b->n_domains;
	for (size_t d = 0; d < b->n_domains; d++)
		c->sections[d] = (tk_cover_section){ .id = b->domains[d].id, .title_ja = b->domains[d].title_ja };
	for (size_t i = 0; i < b->n_requirements; i++) {
		tk_cover_item *it = &c->items[i];
		it->id = b->requirements[i].id;
		it->title_ja = b->requirements[i].title_ja;
		it->section = b->requirements[i].domain;
		if (mb) {
			const tk_map_entry *eb = &mb->entries[i];
			it->relation = eb->relation;
			it->cover = cover_through_ecom(ma, eb);
			if (eb->relation == TK_REL_NONE)
				it->reason_ja = eb->rationale_ja;
		} else if (ma) {
			it->cover = cover_requirement(ma, (uint32_t)i, &it->relation);
		} else { /* ECOM against itself */
			it->cover = TK_COVER_FULL;
			it->relation = TK_REL_EQUAL;
		}
		c->counts[it->cover]++;
		c->relations[it->relation]++;
		c->sections[it->section].n++;
		c->sections[it->section].counts[it->cover]++;
	}
	*out = c;
	return TK_OK;
}

void tk_coverage_free(tk_coverage *c)
{
	if (c)
		tk_arena_free(c->arena);
}

static double pct(size_t x, size_t n)
{
	return n ? 100.0 * (double)x / (double)n : 0;
}

tk_status tk_coverage_write_text(const tk_coverage *c, tk_lang lang, FILE *f, tk_error *err)
{
	bool en = lang == TK_LANG_EN;
	fprintf(f, en ? "coverage of %s by %s (through the mappings to ECOM)\n"
		      : "%s を %s がどれだけ覆うか（ECOM への対応表による）\n", c->b->id, c->a->id);
	fprintf(f, en ? "%zu items: full %zu (%.1f%%), partial %zu (%.1f%%), none %zu (%.1f%%)\n"
		      : "%zu 項目: 全部 %zu（%.1f%%）、一部 %zu（%.1f%%）、なし %zu（%.1f%%）\n",
		c->n_items, c->counts[TK_COVER_FULL], pct(c->counts[TK_COVER_FULL], c->n_items),
		c->counts[TK_COVER_PARTIAL], pct(c->counts[TK_COVER_PARTIAL], c->n_items),
		c->counts[TK_COVER_NONE], pct(c->counts[TK_COVER_NONE], c->n_items));
	fputs(en ? "relations:" : "関係:", f);
	for (int r = 0; r < TK_RELATIONS; r++)
		fprintf(f, " %s %zu", tk_relation_name((tk_relation)r), c->relations[r]);
	fprintf(f, "\n\n%s\n", en ? "per section (items, full, partial, none):"
				 : "対策ドメインごと（項目数, 全部, 一部, なし）:");
	for (size_t s = 0; s < c->n_sections; s++) {
		const tk_cover_section *sec = &c->sections[s];
		if (!sec->n)
			continue;
		fprintf(f, "  %-10s %4zu %4zu %4zu %4zu  %s\n", sec->id, sec->n, sec->counts[TK_COVER_FULL],
			sec->counts[TK_COVER_PARTIAL], sec->counts[TK_COVER_NONE], sec->title_ja ? sec->title_ja : "");
	}
	fprintf(f, "\n%s: %zu\n", en ? "items with no counterpart" : "対応のない項目", c->counts[TK_COVER_NONE]);
	for (size_t i = 0; i < c->n_items; i++) {
		const tk_cover_item *it = &c->items[i];
		if (it->cover != TK_COVER_NONE)
			continue;
		fprintf(f, "  %s %s\n", it->id, it->title_ja ? it->title_ja : "");
		if (it->reason_ja)
			fprintf(f, "    %s\n", it->reason_ja);
	}
	return ferror(f) ? tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き出せません", "cannot write") : TK_OK;
}

tk_status tk_coverage_write_json(const tk_coverage *c, FILE *f, tk_error *err)
{
	json_t *counts = json_object(), *rels = json_object(), *secs = json_array(), *items = json_array();
	for (int k = 0; k <= TK_COVER_NONE; k++)
		json_object_set_new(counts, tk_cover_name((tk_cover)k), json_integer((json_int_t)c->counts[k]));
	for (int r = 0; r < TK_RELATIONS; r++)
		json_object_set_new(rels, tk_relation_name((tk_relation)r), json_integer((json_int_t)c->relations[r]));
	for (size_t s = 0; s < c->n_sections; s++) {
		const tk_cover_section *sec = &c->sections[s];
		if (sec->n)
			json_array_append_new(secs, json_pack("{s:s, s:s?, s:I, s:I, s:I, s:I}", "id", sec->id,
				"title_ja", sec->title_ja, "items", (json_int_t)sec->n,
				"full", (json_int_t)sec->counts[TK_COVER_FULL],
				"partial", (json_int_t)sec->counts[TK_COVER_PARTIAL],
				"none", (json_int_t)sec->counts[TK_COVER_NONE]));
	}
	for (size_t i = 0; i < c->n_items; i++) {
		const tk_cover_item *it = &c->items[i];
		json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "id", it->id, "section", c->sections[it->section].id,
			"cover", tk_cover_name(it->cover), "relation", tk_relation_name(it->relation));
		if (it->reason_ja)
			json_object_set_new(o, "none_reason_ja", json_string(it->reason_ja));
		json_array_append_new(items, o);
	}
	json_t *doc = json_pack("{s:s, s:s, s:I, s:o, s:o, s:o, s:o}", "a", c->a->id, "b", c->b->id,
		"items_total", (json_int_t)c->n_items, "counts", counts, "relations", rels,
		"sections", secs, "items", items);
	return tk_json_write(doc, f, err);
}
