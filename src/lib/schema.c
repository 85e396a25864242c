/* Schema helpers shared by the catalog and assessment loaders. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

tk_status tk_walk_fail(tk_walk *w, const tk_ynode *n, const char *key,
	const char *ja_fmt, const char *en_fmt, ...)
{
	char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	va_list ap;
	va_start(ap, en_fmt);
	tk_format_pair(ja, en, TK_ERROR_TEXT, ja_fmt, en_fmt, ap);
	va_end(ap);
	return tk_walk_fail_texts(w, n, key, ja, en);
}

tk_status tk_walk_fail_texts(tk_walk *w, const tk_ynode *n, const char *key,
	const char *ja_text, const char *en_text)
{
	char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	int nj = snprintf(ja, sizeof(ja), "%s", ja_text);
	int ne = snprintf(en, sizeof(en), "%s", en_text);
	if (w->where) {
		if (nj >= 0 && (size_t)nj < sizeof(ja))
			snprintf(ja + nj, sizeof(ja) - (size_t)nj, "（%s）", w->where);
		if (ne >= 0 && (size_t)ne < sizeof(en))
			snprintf(en + ne, sizeof(en) - (size_t)ne, " (in %s)", w->where);
	}
	return tk_error_set_texts(w->err, TK_EINPUT, w->file, n ? n->line : 0, n ? n->column : 0,
		key, ja, en);
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *tk_suggest(const char *word, const char *const *names)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; names[i]; i++) {
		size_t d = edit_distance(word, names[i]);
		if (d < best_d) {
			best_d = d;
			best = names[i];
		}
	}
	size_t len = strlen(word);
	/* Short words (IDs such as Ma1.7) tolerate one slip; longer keys more. */
	size_t limit = len < 6 ? 1 : len / 3 + 1;
	return best_d <= limit ? best : NULL;
}

static void join_names(const char *const *names, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; names[i] && n < size; i++)
		n += snprintf(buf + n, size - n, "%s%s", i ? ", " : "", names[i]);
}

static tk_status expect_kind(tk_walk *w, const tk_ynode *n, const char *key, tk_ykind kind)
{
	if (n->kind == kind)
		return TK_OK;
	/* The kinds are named in each language, so both texts are written here. */
	char ja[128], en[128];
	snprintf(ja, sizeof(ja), "%sを書いてください（%sが書かれています）",
		tk_ykind_name(kind, 0), tk_ykind_name(n->kind, 0));
	snprintf(en, sizeof(en), "expected %s, found %s", tk_ykind_name(kind, 1), tk_ykind_name(n->kind, 1));
	return tk_walk_fail_texts(w, n, key, ja, en);
}

tk_status tk_walk_map(tk_walk *w, const tk_ynode *n, const char *key, const char *const *allowed)
{
	tk_status st = expect_kind(w, n, key, TK_YMAP);
	if (st)
		return st;
	for (size_t i = 0; i < n->n; i++) {
		const tk_ynode *k = n->items[2 * i];
		size_t j = 0;
		while (allowed[j] && strcmp(allowed[j], k->str) != 0)
			j++;
		if (allowed[j])
			continue;
		const char *hint = tk_suggest(k->str, allowed);
		if (hint)
			return tk_walk_fail(w, k, k->str, "未知のキーです（'%s' のことですか？）",
				"unknown key; did you mean '%s'?", hint);
		char list[400];
		join_names(allowed, list, sizeof(list));
		return tk_walk_fail(w, k, k->str, "未知のキーです（使えるキー: %s）",
			"unknown key (known keys: %s)", list);
	}
	return TK_OK;
}

tk_status tk_walk_seq(tk_walk *w, const tk_ynode *n, const char *key, bool nonempty)
{
	tk_status st = expect_kind(w, n, key, TK_YSEQ);
	if (st)
		return st;
	if (nonempty && n->n == 0)
		return tk_walk_fail(w, n, key, "空のリストにはできません", "the list must not be empty");
	return TK_OK;
}

static const tk_ynode *required_value(tk_walk *w, const tk_ynode *map, const char *key,
	bool required, tk_status *st)
{
	*st = TK_OK;
	const tk_ynode *v = tk_ymap_get(map, key);
	if (!v && required)
		*st = tk_walk_fail(w, map, key, "必須のキーがありません", "required key is missing");
	return v;
}

static tk_status scalar_str(tk_walk *w, const tk_ynode *v, const char *key, const char **out)
{
	tk_status st = expect_kind(w, v, key, TK_YSCALAR);
	if (st)
		return st;
	if (v->len == 0 || tk_yscalar_is_null(v))
		return tk_walk_fail(w, v, key, "空にはできません", "must not be empty");
	*out = v->str;
	return TK_OK;
}

tk_status tk_walk_str(tk_walk *w, const tk_ynode *map, const char *key, bool required, const char **out)
{
	tk_status st;
	*out = NULL;
	const tk_ynode *v = required_value(w, map, key, required, &st);
	if (!v)
		return st;
	return scalar_str(w, v, key, out);
}

tk_status tk_walk_int_node(tk_walk *w, const tk_ynode *v, const char *key, long min, long max, long *out)
{
	tk_status st = expect_kind(w, v, key, TK_YSCALAR);
	if (st)
		return st;
	char *end = NULL;
	errno = 0;
	long x = strtol(v->str, &end, 10);
	if (v->len == 0 || errno || *end || !v->plain || x < min || x > max)
		return tk_walk_fail(w, v, key, "%ld から %ld までの整数を書いてください（'%s' が書かれています）",
			"expected a whole number from %ld to %ld, found '%s'", min, max, v->str);
	*out = x;
	return TK_OK;
}

tk_status tk_walk_int(tk_walk *w, const tk_ynode *map, const char *key, bool required,
	long min, long max, long *out)
{
	tk_status st;
	const tk_ynode *v = required_value(w, map, key, required, &st);
	if (!v)
		return st;
	return tk_walk_int_node(w, v, key, min, max, out);
}

tk_status tk_walk_enum_node(tk_walk *w, const tk_ynode *v, const char *key,
	const char *const *names, int *out)
{
	tk_status st = expect_kind(w, v, key, TK_YSCALAR);
	if (st)
		return st;
	for (int i = 0; names[i]; i++) {
		if (strcmp(names[i], v->str) == 0) {
			*out = i;
			return TK_OK;
		}
	}
	char list[400];
	join_names(names, list, sizeof(list));
	return tk_walk_fail(w, v, key, "'%s' は使えません（使える値: %s）",
		"'%s' is not allowed (allowed: %s)", v->str, list);
}

tk_status tk_walk_enum(tk_walk *w, const tk_ynode *map, const char *key, bool required,
	const char *const *names, int *out)
{
	tk_status st;
	const tk_ynode *v = required_value(w, map, key, required, &st);
	if (!v)
		return st;
	return tk_walk_enum_node(w, v, key, names, out);
}

tk_status tk_walk_strv(tk_walk *w, const tk_ynode *map, const char *key, bool required, tk_strv *out)
{
	tk_status st;
	out->n = 0;
	out->v = NULL;
	const tk_ynode *v = required_value(w, map, key, required, &st);
	if (!v)
		return st;
	if ((st = tk_walk_seq(w, v, key, false)))
		return st;
	out->v = tk_arena_calloc(w->a, v->n ? v->n : 1, sizeof(*out->v));
	if (!out->v)
		return tk_walk_fail(w, v, key, "メモリが足りません", "out of memory");
	for (size_t i = 0; i < v->n; i++)
		if ((st = scalar_str(w, v->items[i], key, &out->v[i])))
			return st;
	out->n = v->n;
	return TK_OK;
}

/* Where s stops being valid UTF-8: 1-based line and column (in characters)
 * of the first bad byte; false when there is none. */
bool tk_utf8_find_error(const char *s, size_t len, int *line, int *column)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + len;
	*line = 1;
	*column = 1;
	while (p < e) {
		unsigned c = *p;
		size_t n;
		unsigned min;
		if (c < 0x80) {
			p++;
			if (c == '\n') {
				++*line;
				*column = 1;
			} else {
				++*column;
			}
			continue;
		}
		if ((c & 0xE0) == 0xC0) { n = 1; min = 0x80; c &= 0x1F; }
		else if ((c & 0xF0) == 0xE0) { n = 2; min = 0x800; c &= 0x0F; }
		else if ((c & 0xF8) == 0xF0) { n = 3; min = 0x10000; c &= 0x07; }
		else return true;
		if ((size_t)(e - p) <= n)
			return true;
		for (size_t i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return true;
			c = (c << 6) | (p[i] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return true;
		p += n + 1;
		++*column;
	}
	return false;
}

bool tk_date_valid(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

tk_status tk_walk_date(tk_walk *w, const tk_ynode *map, const char *key, const char **out)
{
	tk_status st = tk_walk_str(w, map, key, false, out);
	if (st || !*out)
		return st;
	if (!tk_date_valid(*out))
		return tk_walk_fail(w, tk_ymap_get(map, key), key,
			"日付 '%s' は YYYY-MM-DD の形の実在する日付で書いてください",
			"date '%s' is not a real date written YYYY-MM-DD", *out);
	return TK_OK;
}

tk_status tk_walk_evidence(tk_walk *w, const tk_ynode *map, tk_evidence **out, size_t *n)
{
	static const char *const EVIDENCE_KEYS[] = { "title", "date", "ref", NULL };
	const tk_ynode *seq = tk_ymap_get(map, "evidence");
	*out = NULL;
	*n = 0;
	if (!seq)
		return TK_OK;
	tk_status st = tk_walk_seq(w, seq, "evidence", false);
	if (st)
		return st;
	tk_evidence *ev = tk_arena_calloc(w->a, seq->n ? seq->n : 1, sizeof(*ev));
	if (!ev)
		return tk_walk_fail(w, seq, "evidence", "メモリが足りません", "out of memory");
	for (size_t i = 0; i < seq->n; i++) {
		const tk_ynode *e = seq->items[i];
		if ((st = tk_walk_map(w, e, "evidence", EVIDENCE_KEYS)) ||
		    (st = tk_walk_str(w, e, "title", true, &ev[i].title)) ||
		    (st = tk_walk_date(w, e, "date", &ev[i].date)) ||
		    (st = tk_walk_str(w, e, "ref", false, &ev[i].ref)))
			return st;
	}
	*out = ev;
	*n = seq->n;
	return TK_OK;
}
