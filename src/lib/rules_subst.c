/* Filling a sample's open choices into its text (include/taisaku/rules.h):
 * leftmost-longest replacement, whole-point matching and the placeholder
 * check. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/rules.h"

/* A growing string. */
typedef struct sbuf {
	char *s;
	size_t len, cap;
	bool failed;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->failed = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

char *tk_subst_apply(const char *text, const tk_subst *v, size_t n)
{
	sbuf b = { 0 };
	put(&b, "", 0);
	const char *s = text ? text : "";
	const char *plain = s; /* start of the text not yet copied */
	while (*s) {
		size_t best = 0, best_len = 0;
		for (size_t k = 0; k < n; k++) {
			const char *f = v[k].from;
			if (!f || !*f || *f != *s)
				continue;
			size_t len = strlen(f);
			if (len > best_len && strncmp(s, f, len) == 0) {
				best = k;
				best_len = len;
			}
		}
		if (!best_len) {
			s++;
			continue;
		}
		put(&b, plain, (size_t)(s - plain));
		put(&b, v[best].to ? v[best].to : "", v[best].to ? strlen(v[best].to) : 0);
		s += best_len;
		plain = s;
	}
	put(&b, plain, (size_t)(s - plain));
	if (b.failed) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* Appends s without white space (ASCII and the ideographic space U+3000)
 * and without 「・」 (U+30FB): the two ways the catalog's joined table cells
 * differ from the points they were cut into. */
static void put_squashed(sbuf *b, const char *s)
{
	while (s && *s) {
		unsigned char ch = (unsigned char)*s;
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			s++;
			continue;
		}
		if (strncmp(s, "\xe3\x80\x80", 3) == 0 || strncmp(s, "\xe3\x83\xbb", 3) == 0) {
			s += 3;
			continue;
		}
		put(b, s, 1);
		s++;
	}
}

static void put_items(sbuf *b, const tk_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		put_squashed(b, items[i].text_ja);
		put_items(b, items[i].items, items[i].n_items);
	}
}

bool tk_point_is_fragment(const tk_point *p, const char *fragment)
{
	sbuf a = { 0 }, f = { 0 };
	put(&a, "", 0);
	put(&f, "", 0);
	put_squashed(&a, p->title_ja);
	put_squashed(&a, p->text_ja);
	put_items(&a, p->items, p->n_items);
	put_squashed(&f, fragment);
	bool same = !a.failed && !f.failed && f.len && strcmp(a.s, f.s) == 0;
	free(a.s);
	free(f.s);
	return same;
}

/* The sample's placeholders: the circles, dots, triangles and diamonds it
 * prints where the company writes its own (○○課長, 〇〇〇〇, ●●●●, △△システム,
 * ◇◇マネージドサーバー), masked digits (090-****-****) and the year of a date
 * (20yy.mm.dd). The same set tools/space2yaml.py makes parameters of. */
const char *tk_placeholder_find(const char *text)
{
	static const char *const MARKS[] = { "\xe2\x97\x8b" /* ○ */, "\xe3\x80\x87" /* 〇 */,
		"\xe2\x97\x8f" /* ● */, "\xe2\x96\xb3" /* △ */, "\xe2\x97\x87" /* ◇ */, "***", "20yy" };
	const char *first = NULL;
	for (size_t k = 0; text && k < sizeof(MARKS) / sizeof(*MARKS); k++) {
		const char *p = strstr(text, MARKS[k]);
		if (p && (!first || p < first))
			first = p;
	}
	return first;
}
