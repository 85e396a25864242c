/* What the Excel writers share (workbook_xlsx.h): cells that read back as
 * written, the formats, column widths and row heights, drop-down lists,
 * view and domain rows, the print setup, the hidden sheet's rows, and the
 * temporary file libxlsxwriter needs. The ECOM checklist
 * (workbook_xlsx_write.c) and the compliance checklist
 * (workbook_compliance_write.c) are both made of these. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "taisaku/file.h"
#include "taisaku/workbook.h"
#include "schema.h"
#include "workbook_xlsx.h"

/* The most characters a cell holds (libxlsxwriter counts them as Excel does
 * for text without surrogate pairs). */
#define EXCEL_MAX_CHARS 32767


static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Excel reads "_x0041_" in a cell as the character it codes; a text that
 * holds such a sequence has its underscore written as _x005F_ so that it
 * reads back as it was. */
static char *escape_ooxml(const char *s)
{
	const char *p = strstr(s, "_x");
	bool any = false;
	for (; p && !any; p = strstr(p + 1, "_x")) {
		size_t k = 2;
		while (k < 6 && strchr("0123456789abcdefABCDEF", p[k]) && p[k])
			k++;
		any = k == 6 && p[6] == '_';
	}
	if (!any)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	for (const char *q = s; *q; q++) {
		if (q[0] == '_' && q[1] == 'x')
			fputs("_x005F_", f);
		else
			fputc(*q, f);
	}
	fclose(f);
	return buf;
}

/* Writes a cell; an empty text leaves a blank cell with the format, so
 * that an input cell keeps its colour. A value that Excel cannot hold
 * (over 32,767 characters) is an error when it is data (the round trip
 * would lose it) and is cut when it is only there to read. */
void wb_xlsx_put(wb_xlsx *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s, lxw_format *fmt,
	bool data)
{
	if (x->st)
		return;
	if (!s || !*s) {
		if (fmt)
			worksheet_write_blank(ws, row, col, fmt);
		return;
	}
	char *esc = escape_ooxml(s);
	const char *v = esc ? esc : s;
	char *cut = NULL;
	if (utf8_chars(v) > EXCEL_MAX_CHARS) {
		if (data) {
			char ref[8];
			wb_column_name(col, ref);
			x->st = tk_error_set(x->err, TK_EINPUT, x->path, 0, 0, NULL,
				"シート %u 行 %s 列の値が Excel の上限（%d 文字）を超えています",
				"the value for row %u, column %s is longer than Excel allows (%d characters)",
				row + 1, ref, EXCEL_MAX_CHARS);
			free(esc);
			return;
		}
		size_t chars = 0, i = 0;
		while (v[i] && (chars < EXCEL_MAX_CHARS - 1 || ((unsigned char)v[i] & 0xc0) == 0x80))
			chars += ((unsigned char)v[i++] & 0xc0) != 0x80;
		cut = malloc(i + 4);
		if (cut) {
			memcpy(cut, v, i);
			memcpy(cut + i, "…", 4);
			v = cut;
		}
	}
	if (worksheet_write_string(ws, row, col, v, fmt) != LXW_NO_ERROR)
		x->st = tk_error_set(x->err, TK_EIO, x->path, 0, 0, NULL, "ブックを作れません",
			"cannot make the workbook");
	free(esc);
	free(cut);
}

void wb_xlsx_put_int(wb_xlsx *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s, lxw_format *fmt)
{
	if (s && *s)
		worksheet_write_number(ws, row, col, atoi(s), fmt);
	else
		wb_xlsx_put(x, ws, row, col, NULL, fmt, false);
}

static lxw_format *fmt(wb_xlsx *x, unsigned flags, lxw_color_t bg)
{
	enum { BOLD = 1, WRAP = 2, CENTER = 4, UNLOCKED = 8, BORDER = 16, SMALL = 32, WHITE = 64, BIG = 128 };
	lxw_format *f = workbook_add_format(x->wb);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (flags & BOLD)
		format_set_bold(f);
	if (flags & WRAP)
		format_set_text_wrap(f);
	if (flags & CENTER)
		format_set_align(f, LXW_ALIGN_CENTER);
	if (flags & UNLOCKED)
		format_set_unlocked(f);
	if (flags & BORDER) {
		format_set_border(f, LXW_BORDER_THIN);
		format_set_border_color(f, 0xBFBFBF);
	}
	if (flags & SMALL)
		format_set_font_size(f, 9);
	if (flags & BIG)
		format_set_font_size(f, 13);
	if (flags & WHITE)
		format_set_font_color(f, LXW_COLOR_WHITE);
	if (bg)
		format_set_bg_color(f, bg);
	return f;
}

static void make_formats(wb_xlsx *x)
{
	enum { BOLD = 1, WRAP = 2, CENTER = 4, UNLOCKED = 8, BORDER = 16, SMALL = 32, WHITE = 64, BIG = 128 };
	x->title = fmt(x, BOLD | BIG, 0);
	x->header = fmt(x, BOLD | WRAP | BORDER, 0xD9E1F2);
	x->view = fmt(x, BOLD | WHITE, 0x44546A);
	x->domain = fmt(x, BOLD, 0xDDEBF7);
	x->text = fmt(x, WRAP | BORDER, 0);
	x->points = fmt(x, WRAP | BORDER | SMALL, 0);
	x->center = fmt(x, CENTER | BORDER, 0);
	x->input = fmt(x, CENTER | UNLOCKED | BORDER, 0xFFF2CC);
	x->input_wrap = fmt(x, WRAP | UNLOCKED | BORDER, 0xFFF2CC);
	x->label = fmt(x, BOLD, 0);
	x->level = fmt(x, CENTER | BORDER, 0);
	format_set_num_format(x->level, "0.0");
	x->locked_text = fmt(x, WRAP, 0);
}


/* Lines a text takes in a column of the given width: a CJK character is
 * about two columns wide, and the points' smaller type fits about a fifth
 * more. Excel does not fit rows to wrapped text when it opens a file, so
 * the writer sets each row's height itself. */
int wb_text_lines(const char *s, double width)
{
	int lines = 0;
	double used = 0;
	if (!s)
		return 1;
	for (const unsigned char *p = (const unsigned char *)s;; p++) {
		if (*p == '\n' || !*p) {
			lines += used > 0 ? (int)((used - 0.01) / width) + 1 : 1;
			used = 0;
			if (!*p)
				break;
			continue;
		}
		if ((*p & 0xc0) != 0x80)
			used += *p < 0x80 ? 1.0 : 1.9;
	}
	return lines;
}


void wb_xlsx_columns(lxw_worksheet *ws, const wb_column *cols, size_t n)
{
	for (size_t c = 0; c < n; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, NULL);
}

void wb_xlsx_headers(wb_xlsx *x, lxw_worksheet *ws, uint32_t row, const wb_column *cols, size_t n)
{
	for (size_t c = 0; c < n; c++)
		wb_xlsx_put(x, ws, row, (uint16_t)c, x->lang == TK_LANG_EN ? cols[c].en : cols[c].ja, x->header, false);
	worksheet_set_row(ws, row, 32, NULL);
}

/* Drop-down lists, over a run of requirement rows. */
void wb_xlsx_validate_list(lxw_worksheet *ws, uint32_t first, uint32_t last, uint16_t col,
	const char **list, bool strict, const char *title, const char *message)
{
	lxw_data_validation dv;
	memset(&dv, 0, sizeof(dv));
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = (char **)list;
	/* Ranks may also be answers (○○○○△), so a value outside the list
	 * only warns there. */
	dv.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
	dv.input_title = (char *)title;
	dv.input_message = (char *)message;
	worksheet_data_validation_range(ws, first, col, last, col, &dv);
}


/* A header row of a view (outline level 0) or domain (level 1). */
void wb_xlsx_group_row(wb_xlsx *x, lxw_worksheet *ws, uint32_t row, int level, const char *id,
	const char *title_ja, const char *title_en, size_t ncols)
{
	lxw_format *f = level ? x->domain : x->view;
	lxw_row_col_options o = { .level = (uint8_t)level };
	worksheet_set_row_opt(ws, row, LXW_DEF_ROW_HEIGHT, NULL, &o);
	wb_xlsx_put(x, ws, row, 0, id, f, false);
	wb_xlsx_put(x, ws, row, 1, x->lang == TK_LANG_EN && title_en ? title_en : title_ja, f, false);
	for (size_t c = 2; c < ncols; c++)
		worksheet_write_blank(ws, row, (lxw_col_t)c, f);
}


void wb_xlsx_print_setup(lxw_worksheet *ws, uint32_t header_row)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, header_row, header_row);
}


/* The hidden sheet: key in column A, values from column B on, always as
 * text, so that nothing is converted on the way back. */
void wb_xlsx_meta_row(wb_xlsx *x, lxw_worksheet *ws, uint32_t *row, const char *key, const char *const *values,
	size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n; i++)
		any |= values[i] != NULL;
	if (!any)
		return;
	wb_xlsx_put(x, ws, *row, 0, key, NULL, true);
	for (size_t i = 0; i < n; i++)
		wb_xlsx_put(x, ws, *row, (uint16_t)(i + 1), values[i], NULL, true);
	(*row)++;
}


/* The document's creation time: the assessment's date at midnight UTC, so
 * that the same assessment gives the same bytes. date may be NULL. */
time_t wb_created_time(const char *date)
{
	if (!date || !tk_date_valid(date))
		return 315532800; /* 1980-01-01, the zip format's epoch */
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8);
	time_t t = timegm(&tm);
	return t > 0 ? t : 315532800;
}


/* libxlsxwriter writes to a file name only, so the workbook goes to a
 * private temporary file and is read back into memory; the caller then
 * writes it where it belongs atomically. */
static tk_status temp_path(char *buf, size_t size, tk_error *err)
{
	const char *dir = getenv("TMPDIR");
	snprintf(buf, size, "%s/taisaku-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(buf);
	if (fd < 0)
		return tk_error_set(err, TK_EIO, buf, 0, 0, NULL, "一時ファイルを作れません: %s",
			"cannot make a temporary file: %s", strerror(errno));
	close(fd);
	return TK_OK;
}

tk_status wb_xlsx_begin(wb_xlsx *x, char *path, size_t size)
{
	tk_status st = temp_path(path, size, x->err);
	if (st)
		return x->st = st;
	x->wb = workbook_new(path);
	if (!x->wb) {
		unlink(path);
		return x->st = tk_error_set(x->err, TK_EIO, NULL, 0, 0, NULL, "ブックを作れません", "cannot make the workbook");
	}
	make_formats(x);
	return TK_OK;
}

tk_status wb_xlsx_end(wb_xlsx *x, const char *path, char **data, size_t *len)
{
	lxw_error le = workbook_close(x->wb);
	if (!x->st && le != LXW_NO_ERROR)
		x->st = tk_error_set(x->err, TK_EIO, NULL, 0, 0, NULL, "ブックを書き出せません: %s",
			"cannot write the workbook: %s", lxw_strerror(le));
	if (!x->st)
		x->st = tk_file_read(path, data, len, x->err);
	unlink(path);
	/* libxlsxwriter does not check its writes to the temporary files that
	 * hold the sheets: with TMPDIR full (or a file-size limit) it zips cut-off
	 * sheets and reports success. Reading the workbook back catches that
	 * before a damaged file reaches the user. */
	tk_workbook *check = NULL;
	tk_error why = { 0 };
	if (!x->st && tk_workbook_read_xlsx("xlsx", *data, *len, &check, &why) != TK_OK) {
		free(*data);
		*data = NULL;
		const char *tmp = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
		snprintf(ja, sizeof(ja), "ブックを書き出せません。一時ファイルの書き込みに失敗しました（%.60s がいっぱいではありませんか）: %.300s",
			tmp, why.ja);
		snprintf(en, sizeof(en), "cannot write the workbook: writing a temporary file failed (is %.60s full?): %.300s",
			tmp, why.en);
		x->st = tk_error_set_texts(x->err, TK_EIO, NULL, 0, 0, NULL, ja, en);
	}
	tk_workbook_free(check);
	return x->st;
}
