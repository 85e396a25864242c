/* The checklist as CSV, both ways.
 *
 * Written as Excel opens it without asking: UTF-8 with a byte-order mark,
 * CRLF between records, RFC 4180 quoting. Read strictly by RFC 4180 (a
 * quote inside an unquoted field, or text after a closing quote, is an
 * error with its row and column), taking LF or CRLF, with or without the
 * BOM. A CSV has one table, the checklist; what it cannot carry (system,
 * targets, plan) comes from the base assessment on import.
 *
 * A field that starts with = + - @, a tab or a CR would run as a formula
 * when Excel opens the file (CSV injection); such a field, and one that
 * starts with an apostrophe, is written with an apostrophe in front, which
 * import takes off again, so the round trip stays exact. */
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "workbook_internal.h"

/* ---- writing ---- */

/* Whether a spreadsheet would take the field for a formula. */
static bool formula_like(const char *s)
{
	return strchr("=+-@\t\r'", s[0]) != NULL && s[0] != '\0';
}

void wb_csv_field(FILE *f, const char *s)
{
	if (!s)
		return;
	const char *guard = formula_like(s) ? "'" : "";
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(guard, f);
		fputs(s, f);
		return;
	}
	/* Runs between quotes go out whole; each quote is doubled. */
	fputc('"', f);
	fputs(guard, f);
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		fputc('"', f);
	}
	fputs(s, f);
	fputc('"', f);
}

tk_status tk_workbook_write_csv(const tk_assessment *a, const tk_workbook_options *opt,
	FILE *out, tk_error *err)
{
	tk_lang lang = opt ? opt->lang : TK_LANG_JA;
	long dept = -1;
	if (opt && opt->department) {
		size_t d;
		tk_status st = tk_department_find(a->catalog, opt->department, &d, err);
		if (st)
			return st;
		dept = (long)d;
	}
	fputs("\xEF\xBB\xBF", out);
	for (int c = 0; c < CL_COLUMNS; c++) {
		if (c)
			fputc(',', out);
		wb_csv_field(out, lang == TK_LANG_EN ? wb_checklist_columns[c].en : wb_checklist_columns[c].ja);
	}
	fputs("\r\n", out);
	for (size_t r = 0; r < a->catalog->n_requirements; r++) {
		if (!wb_wanted(a->catalog, r, dept))
			continue;
		char *cells[CL_COLUMNS];
		wb_checklist_row(a, r, lang, cells);
		for (int c = 0; c < CL_COLUMNS; c++) {
			if (c)
				fputc(',', out);
			wb_csv_field(out, cells[c]);
		}
		fputs("\r\n", out);
		wb_row_free(cells, CL_COLUMNS);
	}
	if (ferror(out))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き出せません", "cannot write");
	return TK_OK;
}

/* ---- reading ---- */

typedef struct csv_reader {
	tk_workbook *wb;
	wb_cells cells;
	const char *p, *end;
	uint32_t row, col;    /* of the field being read, 0-based */
	int line;             /* of the file, 1-based, for records over several lines */
	char *buf;            /* the field's text */
	size_t len, cap;
	tk_error *err;
} csv_reader;

static tk_status csv_fail(csv_reader *r, int line, const char *ja, const char *en)
{
	char col[8], tja[TK_ERROR_TEXT], ten[TK_ERROR_TEXT];
	wb_column_name(r->col, col);
	snprintf(tja, sizeof(tja), "%u 行 %s 列（ファイルの %d 行目）: %s", r->row + 1, col, line, ja);
	snprintf(ten, sizeof(ten), "row %u, column %s (line %d of the file): %s", r->row + 1, col, line, en);
	return tk_error_set_texts(r->err, TK_EINPUT, r->wb->name, 0, 0, NULL, tja, ten);
}

static tk_status csv_put(csv_reader *r, char c)
{
	if (r->len + 1 >= TK_WB_MAX_CELL_TEXT)
		return csv_fail(r, r->line, "フィールドが長すぎます", "the field is too long");
	if (r->len + 1 >= r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		char *nb = realloc(r->buf, cap);
		if (!nb)
			return tk_error_set(r->err, TK_ENOMEM, r->wb->name, 0, 0, NULL, "メモリが足りません",
				"out of memory");
		r->buf = nb;
		r->cap = cap;
	}
	r->buf[r->len++] = c;
	return TK_OK;
}

/* A quoted field, from its opening quote to just after its closing one. */
static tk_status quoted_field(csv_reader *r)
{
	int start = r->line;
	tk_status st;
	r->p++;
	for (;;) {
		if (r->p == r->end)
			return csv_fail(r, start, "引用符で始まるフィールドが閉じていません（ファイルの終わりまで）",
				"a quoted field is never closed (it runs to the end of the file)");
		char c = *r->p++;
		if (c == '"') {
			if (r->p < r->end && *r->p == '"') {
				r->p++;
			} else {
				break;
			}
		}
		if (c == '\n')
			r->line++;
		if ((st = csv_put(r, c)))
			return st;
	}
	if (r->p < r->end && *r->p != ',' && *r->p != '\r' && *r->p != '\n')
		return csv_fail(r, r->line, "閉じた引用符の後に文字があります（フィールド内の \" は \"\" と書きます）",
			"text after the closing quote (a \" inside a field is written \"\")");
	return TK_OK;
}

static tk_status plain_field(csv_reader *r)
{
	tk_status st;
	while (r->p < r->end && *r->p != ',' && *r->p != '\r' && *r->p != '\n') {
		if (*r->p == '"')
			return csv_fail(r, r->line, "引用符で囲まれていないフィールドに \" があります（フィールド全体を \"…\" で囲み、\" は \"\" と書きます）",
				"a quote inside an unquoted field (quote the whole field and write \" as \"\")");
		if ((st = csv_put(r, *r->p++)))
			return st;
	}
	return TK_OK;
}

/* Reads every record: fields split by commas, records by CRLF or LF. */
static tk_status csv_records(csv_reader *r)
{
	tk_status st;
	while (r->p < r->end) {
		r->len = 0;
		st = *r->p == '"' ? quoted_field(r) : plain_field(r);
		/* The apostrophe that guards a formula-like field is not text.
		 * An empty field may have no buffer at all yet. */
		const char *text = r->buf;
		size_t len = r->len;
		if (len && text[0] == '\'') {
			text++;
			len--;
		}
		if (!st)
			st = wb_cell_add(r->wb, &r->cells, r->row, r->col, text, len, r->err);
		if (st)
			return st;
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			if (++r->col >= WB_MAX_COLS)
				return csv_fail(r, r->line, "列が多すぎます", "too many columns");
			continue;
		}
		/* The end of a record. */
		if (r->p < r->end && *r->p == '\r')
			r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		r->col = 0;
		if (++r->row >= WB_MAX_ROWS && r->p < r->end)
			return csv_fail(r, r->line, "行が多すぎます", "too many rows");
	}
	return TK_OK;
}

tk_status tk_workbook_read_csv(const char *name, const char *data, size_t len,
	tk_workbook **out, tk_error *err)
{
	*out = NULL;
	if (len > TK_WB_MAX_FILE)
		return tk_error_set(err, TK_EINPUT, name, 0, 0, NULL, "ファイルが大きすぎます（上限 %u バイト）",
			"the file is too large (at most %u bytes)", TK_WB_MAX_FILE);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	int line, column;
	if (tk_utf8_find_error(data, len, &line, &column))
		return tk_error_set(err, TK_EINPUT, name, 0, 0, NULL,
			"UTF-8 の CSV ではありません（ファイルの %d 行 %d 文字目。Excel では「CSV UTF-8（コンマ区切り）」で保存してください）",
			"not a UTF-8 CSV (line %d, character %d; in Excel, save as \"CSV UTF-8 (Comma delimited)\")",
			line, column);
	if (memchr(data, '\0', len))
		return tk_error_set(err, TK_EINPUT, name, 0, 0, NULL,
			"CSV ではありません（NUL 文字があります）", "not a CSV (it holds NUL characters)");
	tk_workbook *wb = wb_new(name, true);
	if (!wb)
		return tk_error_set(err, TK_ENOMEM, name, 0, 0, NULL, "メモリが足りません", "out of memory");
	csv_reader r = { .wb = wb, .p = data, .end = data + len, .line = 1, .err = err };
	wb_sheet *s = wb_add_sheet(wb, "", 0, err);
	tk_status st = s ? csv_records(&r) : TK_ENOMEM;
	if (!st)
		st = wb_sheet_finish(wb, s, &r.cells, err);
	free(r.cells.v);
	free(r.buf);
	if (st) {
		tk_workbook_free(wb);
		return st;
	}
	*out = wb;
	return TK_OK;
}
