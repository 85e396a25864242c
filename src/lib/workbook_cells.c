/* Reading the cells of a filled-in checklist (workbook_internal.h): values
 * as typed, and the structured cells wb_put_field writes. Shared by the
 * ECOM import (workbook_import.c) and the compliance import
 * (workbook_compliance_read.c). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "schema.h"

#include "workbook_internal.h"

bool wb_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* An enumerated cell as typed: full-width letters, digits and spaces
 * (Ａ, ３, the ideographic space), which a Japanese keyboard often gives,
 * made ASCII, and the spaces around dropped. A long text is cut; it then
 * matches nothing. */
const char *wb_norm(const char *s, char *buf, size_t size)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && n + 1 < size;) {
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF) {
			buf[n++] = (char)(p[2] - 0x81 + 0x21); /* U+FF01..FF3F */
			p += 3;
		} else if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0x9E) {
			buf[n++] = (char)(p[2] - 0x80 + 0x60); /* U+FF40..FF5E */
			p += 3;
		} else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
			buf[n++] = ' ';
			p += 3;
		} else {
			buf[n++] = (char)*p++;
		}
	}
	buf[n] = '\0';
	while (n && wb_is_space(buf[n - 1]))
		buf[--n] = '\0';
	size_t a = 0;
	while (wb_is_space(buf[a]))
		a++;
	return buf + a;
}

bool wb_blank(const char *s)
{
	for (; s && *s; s++)
		if (!wb_is_space(*s))
			return false;
	return true;
}

/* A value shown in a message: cut at a character boundary. */
const char *wb_shown(const char *s, char *buf, size_t size)
{
	size_t n = strlen(s);
	if (n < size)
		return s;
	n = size - 4;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "…", 4);
	return buf;
}

/* ---- structured cells (wb_put_field) ---- */

/* One field: the spaces around it dropped (not an escaped one), then the
 * escapes undone. */
static char *wb_field_text(tk_arena *arena, const char *s, size_t len)
{
	size_t a = 0, b = len;
	while (a < b && s[a] == ' ')
		a++;
	while (b > a && s[b - 1] == ' ') {
		size_t bs = 0; /* backslashes before the space: odd means escaped */
		while (b - 1 - bs > a && s[b - 2 - bs] == '\\')
			bs++;
		if (bs % 2)
			break;
		b--;
	}
	char *out = tk_arena_alloc(arena, b - a + 1);
	if (!out)
		return NULL;
	size_t n = 0;
	for (size_t i = a; i < b; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < b) {
			c = s[++i];
			c = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
		}
		out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

/* Splits a line at each "|" that no backslash escapes. Returns how many
 * fields there are (more than WB_MAX_FIELDS: WB_MAX_FIELDS + 1). */
size_t wb_split_fields(tk_arena *arena, const char *line, size_t len, char *fields[WB_MAX_FIELDS])
{
	size_t n = 0, start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && line[i] == '\\') {
			i++;
			continue;
		}
		if (i >= len || line[i] == '|') {
			if (n == WB_MAX_FIELDS)
				return WB_MAX_FIELDS + 1;
			fields[n++] = wb_field_text(arena, line + start, (i < len ? i : len) - start);
			start = i + 1;
		}
	}
	return n;
}

/* The next line of a structured cell that is not blank. */
bool wb_next_line(const char **p, const char **line, size_t *len)
{
	while (**p) {
		const char *s = *p, *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		*p = e ? e + 1 : s + n;
		if (n && s[n - 1] == '\r')
			n--; /* a line break typed in Windows */
		size_t k = 0;
		while (k < n && wb_is_space(s[k]))
			k++;
		if (k < n) {
			*line = s;
			*len = n;
			return true;
		}
	}
	return false;
}

size_t wb_count_lines(const char *s)
{
	const char *line;
	size_t len, n = 0;
	while (s && wb_next_line(&s, &line, &len))
		n++;
	return n;
}

void wb_cell_texts(const char *sheet, uint32_t row, uint32_t col, const wb_column *column, const char *ja,
	const char *en, char tja[TK_ERROR_TEXT], char ten[TK_ERROR_TEXT])
{
	char c[8], sja[160] = "", sen[160] = "", cja[96] = "", cen[96] = "";
	wb_column_name(col, c);
	if (sheet && sheet[0]) {
		snprintf(sja, sizeof(sja), "シート '%s' ", sheet);
		snprintf(sen, sizeof(sen), "sheet '%s', ", sheet);
	}
	if (column) {
		snprintf(cja, sizeof(cja), "（%s）", column->ja);
		snprintf(cen, sizeof(cen), " (%s)", column->en);
	}
	snprintf(tja, TK_ERROR_TEXT, "%s%u 行 %s 列%s: %s", sja, row + 1, c, cja, ja);
	snprintf(ten, TK_ERROR_TEXT, "%srow %u, column %s%s: %s", sen, row + 1, c, cen, en);
}

static void pair(char *ja, char *en, size_t size, const char *ja_fmt, const char *en_fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Both texts of a message from one argument list. */
static void pair(char *ja, char *en, size_t size, const char *ja_fmt, const char *en_fmt, ...)
{
	va_list ap;
	va_start(ap, en_fmt);
	tk_format_pair(ja, en, size, ja_fmt, en_fmt, ap);
	va_end(ap);
}

int wb_parse_evidence(tk_arena *arena, const char *cell, tk_evidence **out, size_t *n,
	char ja[TK_ERROR_TEXT], char en[TK_ERROR_TEXT])
{
	const char *line;
	size_t len, count = wb_count_lines(cell);
	*out = NULL;
	*n = 0;
	if (!count)
		return 0;
	tk_evidence *v = tk_arena_calloc(arena, count, sizeof(*v));
	if (!v)
		return -1;
	for (size_t i = 0; wb_next_line(&cell, &line, &len); i++) {
		char *f[WB_MAX_FIELDS] = { NULL, NULL, NULL }, sh[64];
		size_t nf = wb_split_fields(arena, line, len, f);
		char lbuf[256];
		snprintf(lbuf, sizeof(lbuf), "%.*s", (int)(len < 200 ? len : 200), line);
		if (nf > WB_MAX_FIELDS || !f[0] || !*f[0]) {
			pair(ja, en, TK_ERROR_TEXT,
				"%zu 行目 '%s' は「資料名 | 日付 | 文書番号」と書いてください（日付と番号は省けます）",
				"line %zu '%s' should read \"title | date | reference\" (date and reference may be left out)",
				i + 1, wb_shown(lbuf, sh, sizeof(sh)));
			return 1;
		}
		const char *date = nf > 1 && *f[1] ? f[1] : NULL;
		if (date && !tk_date_valid(date)) {
			pair(ja, en, TK_ERROR_TEXT, "%zu 行目の日付 '%s' は YYYY-MM-DD の形の実在する日付で書いてください",
				"line %zu: date '%s' is not a real date written YYYY-MM-DD", i + 1, wb_shown(date, sh, sizeof(sh)));
			return 1;
		}
		v[i] = (tk_evidence){ f[0], date, nf > 2 && *f[2] ? f[2] : NULL };
		*n = i + 1;
	}
	*out = v;
	return 0;
}

void wb_problem_texts(wb_problems *p, const char *file, const char *ja, const char *en)
{
	if (p->n == WB_MAX_PROBLEMS) {
		p->dropped++;
		return;
	}
	tk_error *e = &p->v[p->n++];
	tk_error_clear(e);
	tk_error_set_texts(e, TK_EINPUT, file, 0, 0, NULL, ja, en);
}

void wb_problem(wb_problems *p, const char *file, const char *ja, const char *en, ...)
{
	char tja[TK_ERROR_TEXT], ten[TK_ERROR_TEXT];
	va_list ap;
	va_start(ap, en);
	tk_format_pair(tja, ten, TK_ERROR_TEXT, ja, en, ap);
	va_end(ap);
	wb_problem_texts(p, file, tja, ten);
}

void wb_cell_problem(wb_problems *p, const char *file, const char *sheet, uint32_t row, uint32_t col,
	const wb_column *column, const char *ja, const char *en)
{
	char tja[TK_ERROR_TEXT], ten[TK_ERROR_TEXT];
	wb_cell_texts(sheet, row, col, column, ja, en, tja, ten);
	wb_problem_texts(p, file, tja, ten);
}

const tk_error *wb_problem_at(const wb_problems *p, size_t i)
{
	return i < p->n ? &p->v[i] : NULL;
}

bool wb_books_add(wb_books *b, const tk_workbook *wb)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;
		const tk_workbook **v = realloc(b->v, cap * sizeof(*v));
		if (!v)
			return false;
		b->v = v;
		b->cap = cap;
	}
	b->v[b->n++] = wb;
	return true;
}

const wb_sheet *wb_find_sheet(const tk_workbook *wb, const char *ja, const char *en)
{
	for (size_t i = 0; i < wb->n_sheets; i++)
		if (strcmp(wb->sheets[i].name, ja) == 0 || strcasecmp(wb->sheets[i].name, en) == 0)
			return &wb->sheets[i];
	return NULL;
}

bool wb_resolve_catalog(wb_problems *p, const char *file, const char *id, tk_catalog_resolver resolve,
	void *ctx, tk_catalog_kind kind, const tk_catalog **out)
{
	tk_error err = { 0 };
	if (resolve(ctx, id, out, &err) != TK_OK) {
		wb_problem_texts(p, file, err.ja, err.en);
		return false;
	}
	if ((*out)->kind == kind)
		return true;
	if (kind == TK_CATALOG_COMPLIANCE)
		wb_problem(p, file, "カタログ %s は準拠性を評価するカタログではありません",
			"catalog %s is not a compliance catalog", id);
	else
		wb_problem(p, file, "カタログ %s は強度レベルで評価するカタログではありません",
			"catalog %s is not a strength-level catalog", id);
	return false;
}
