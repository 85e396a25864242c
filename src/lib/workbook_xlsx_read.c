/* Reading workbooks back: the cells of an xlsx file (libzip and expat).
 * workbook_import.c turns the cells of filled checklists into an assessment.
 *
 * An xlsx file comes from outside, by mail, from anyone: nothing in it is
 * trusted. The zip is opened from memory with its consistency checked;
 * only the parts the workbook's relationships name are read, by exact
 * name, never with ".." or a backslash; each part's stated size is checked
 * before it is unpacked (against TK_WB_MAX_ENTRY, TK_WB_MAX_UNPACKED and a
 * packing ratio that only a zip bomb reaches), and reading stops at that
 * size whatever the data says. The XML may not have a DTD (so no entity
 * can expand), and every count (sheets, strings, cells, text) has a cap. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <expat.h>
#include <zip.h>

#include "taisaku/file.h"
#include "taisaku/report.h"
#include "schema.h"
#include "workbook_internal.h"

/* ---- cells ---- */

tk_workbook *wb_new(const char *name, bool csv)
{
	tk_arena *arena = tk_arena_new(64 * 1024);
	tk_workbook *wb = arena ? tk_arena_calloc(arena, 1, sizeof(*wb)) : NULL;
	if (!wb) {
		tk_arena_free(arena);
		return NULL;
	}
	wb->arena = arena;
	wb->csv = csv;
	wb->name = tk_arena_strdup(arena, name ? name : "");
	if (!wb->name) {
		tk_arena_free(arena);
		return NULL;
	}
	return wb;
}

void tk_workbook_free(tk_workbook *wb)
{
	if (wb)
		tk_arena_free(wb->arena);
}

static tk_status oom(tk_error *err, const char *name)
{
	return tk_error_set(err, TK_ENOMEM, name, 0, 0, NULL, "メモリが足りません", "out of memory");
}

wb_sheet *wb_add_sheet(tk_workbook *wb, const char *name, size_t len, tk_error *err)
{
	if (wb->n_sheets == TK_WB_MAX_SHEETS) {
		tk_error_set(err, TK_EINPUT, wb->name, 0, 0, NULL, "シートが多すぎます（上限 %d）",
			"too many sheets (at most %d)", TK_WB_MAX_SHEETS);
		return NULL;
	}
	wb_sheet *s = &wb->sheets[wb->n_sheets];
	memset(s, 0, sizeof(*s));
	s->name = tk_arena_strndup(wb->arena, name, len);
	if (!s->name) {
		oom(err, wb->name);
		return NULL;
	}
	wb->n_sheets++;
	return s;
}

tk_status wb_cell_add(tk_workbook *wb, wb_cells *cells, uint32_t row, uint32_t col,
	const char *text, size_t len, tk_error *err)
{
	if (len == 0)
		return TK_OK;
	if (wb->n_cells >= TK_WB_MAX_CELLS)
		return tk_error_set(err, TK_EINPUT, wb->name, 0, 0, NULL, "セルが多すぎます（上限 %d）",
			"too many cells (at most %d)", TK_WB_MAX_CELLS);
	if (cells->n == cells->cap) {
		size_t cap = cells->cap ? cells->cap * 2 : 256;
		wb_cell *v = realloc(cells->v, cap * sizeof(*v));
		if (!v)
			return oom(err, wb->name);
		cells->v = v;
		cells->cap = cap;
	}
	char *t = tk_arena_strndup(wb->arena, text, len);
	if (!t)
		return oom(err, wb->name);
	cells->v[cells->n++] = (wb_cell){ row, col, t };
	wb->n_cells++;
	return TK_OK;
}

/* Cells sort by place; of two at one place, the later in the file wins,
 * so the sort keeps the order of reading as the last key. */
typedef struct ordered {
	wb_cell cell;
	size_t seq;
} ordered;

static int cmp_ordered(const void *x, const void *y)
{
	const ordered *a = x, *b = y;
	if (a->cell.row != b->cell.row)
		return a->cell.row < b->cell.row ? -1 : 1;
	if (a->cell.col != b->cell.col)
		return a->cell.col < b->cell.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

tk_status wb_sheet_finish(tk_workbook *wb, wb_sheet *s, wb_cells *cells, tk_error *err)
{
	size_t n = cells->n;
	ordered *o = malloc((n ? n : 1) * sizeof(*o));
	s->cells = tk_arena_calloc(wb->arena, n ? n : 1, sizeof(*s->cells));
	s->row_ids = tk_arena_calloc(wb->arena, n ? n : 1, sizeof(*s->row_ids));
	s->row_first = tk_arena_calloc(wb->arena, n + 1, sizeof(*s->row_first));
	if (!o || !s->cells || !s->row_ids || !s->row_first) {
		free(o);
		free(cells->v);
		cells->v = NULL;
		return oom(err, wb->name);
	}
	for (size_t i = 0; i < n; i++)
		o[i] = (ordered){ cells->v[i], i };
	qsort(o, n, sizeof(*o), cmp_ordered);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && s->cells[k - 1].row == o[i].cell.row && s->cells[k - 1].col == o[i].cell.col)
			k--;
		s->cells[k++] = o[i].cell;
	}
	s->n_cells = k;
	for (size_t i = 0; i < k; i++) {
		if (!s->n_rows || s->row_ids[s->n_rows - 1] != s->cells[i].row) {
			s->row_ids[s->n_rows] = s->cells[i].row;
			s->row_first[s->n_rows++] = i;
		}
	}
	s->row_first[s->n_rows] = k;
	free(o);
	free(cells->v);
	cells->v = NULL;
	cells->n = cells->cap = 0;
	return TK_OK;
}

/* The cell at (row, col), or NULL: a binary search for the row, then a
 * walk along it (rows are short). */
const char *wb_sheet_cell(const wb_sheet *s, uint32_t row, uint32_t col)
{
	size_t lo = 0, hi = s->n_rows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->row_ids[mid] < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->n_rows || s->row_ids[lo] != row)
		return NULL;
	for (size_t i = s->row_first[lo]; i < s->row_first[lo + 1]; i++)
		if (s->cells[i].col == col)
			return s->cells[i].text;
	return NULL;
}

size_t tk_workbook_sheet_count(const tk_workbook *wb)
{
	return wb->n_sheets;
}

const char *tk_workbook_sheet_name(const tk_workbook *wb, size_t sheet)
{
	return sheet < wb->n_sheets ? wb->sheets[sheet].name : NULL;
}

const char *tk_workbook_cell(const tk_workbook *wb, size_t sheet, unsigned row, unsigned col)
{
	return sheet < wb->n_sheets ? wb_sheet_cell(&wb->sheets[sheet], row, col) : NULL;
}

void wb_column_name(uint32_t col, char buf[8])
{
	char tmp[8];
	int n = 0;
	col++;
	while (col && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

/* ---- the zip ---- */

typedef struct zipr {
	zip_t *za;
	const char *name;
	size_t unpacked;
	tk_error *err;
} zipr;

static tk_status zfail(zipr *z, const char *ja, const char *en, ...)
	__attribute__((format(printf, 3, 4)));

static tk_status zfail(zipr *z, const char *ja, const char *en, ...)
{
	char tja[TK_ERROR_TEXT], ten[TK_ERROR_TEXT];
	va_list ap;
	va_start(ap, en);
	tk_format_pair(tja, ten, TK_ERROR_TEXT, ja, en, ap);
	va_end(ap);
	return tk_error_set_texts(z->err, TK_EINPUT, z->name, 0, 0, NULL, tja, ten);
}

static int cmp_names(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* Two entries of one name would let two programs see two different
 * workbooks in one file; such a zip is refused. */
static tk_status check_entries(zipr *z)
{
	zip_int64_t n = zip_get_num_entries(z->za, 0);
	if (n < 0 || n > TK_WB_MAX_ENTRIES)
		return zfail(z, "zip の項目が多すぎます（上限 %d）", "the zip has too many entries (at most %d)",
			TK_WB_MAX_ENTRIES);
	const char **names = malloc((size_t)(n ? n : 1) * sizeof(*names));
	if (!names)
		return oom(z->err, z->name);
	zip_int64_t k = 0;
	for (zip_int64_t i = 0; i < n; i++) {
		const char *nm = zip_get_name(z->za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
		if (nm)
			names[k++] = nm;
	}
	qsort(names, (size_t)k, sizeof(*names), cmp_names);
	for (zip_int64_t i = 1; i < k; i++) {
		if (strcasecmp(names[i - 1], names[i]) == 0) {
			tk_status st = zfail(z, "zip に同じ名前の項目 '%s' が二つあります",
				"the zip has two entries named '%s'", names[i]);
			free(names);
			return st;
		}
	}
	free(names);
	return TK_OK;
}

/* Reads one entry (a part) whole, within the limits; *data is NULL when
 * an optional part is absent. */
static tk_status zip_part(zipr *z, const char *path, bool required, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	zip_int64_t i = zip_name_locate(z->za, path, ZIP_FL_NOCASE);
	if (i < 0)
		return required ? zfail(z, "ブックに '%s' がありません（xlsx ではないか、壊れています）",
				"the workbook has no part '%s' (not an xlsx file, or a damaged one)", path) : TK_OK;
	zip_stat_t sb;
	zip_stat_init(&sb);
	if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &sb) < 0 || !(sb.valid & ZIP_STAT_SIZE))
		return zfail(z, "'%s' を読めません", "cannot read '%s'", path);
	if ((sb.valid & ZIP_STAT_ENCRYPTION_METHOD) && sb.encryption_method != ZIP_EM_NONE)
		return zfail(z, "'%s' は暗号化されています", "'%s' is encrypted", path);
	if (sb.size > TK_WB_MAX_ENTRY)
		return zfail(z, "'%s' が大きすぎます（展開後 %llu バイト、上限 %u バイト）",
			"'%s' is too large (%llu bytes unpacked, at most %u)", path,
			(unsigned long long)sb.size, TK_WB_MAX_ENTRY);
	if (z->unpacked + sb.size > TK_WB_MAX_UNPACKED)
		return zfail(z, "展開後の大きさの合計が上限（%u バイト）を超えます",
			"the parts unpack to more than %u bytes", TK_WB_MAX_UNPACKED);
	if ((sb.valid & ZIP_STAT_COMP_SIZE) && sb.size > (1u << 20) &&
	    sb.size / (sb.comp_size ? sb.comp_size : 1) > TK_WB_MAX_RATIO)
		return zfail(z, "'%s' の圧縮率が異常です（%llu バイトが %llu バイトに展開されます: zip 爆弾）",
			"'%s' packs too well to be a workbook (%llu bytes unpack to %llu: a zip bomb)", path,
			(unsigned long long)sb.comp_size, (unsigned long long)sb.size);
	zip_file_t *zf = zip_fopen_index(z->za, (zip_uint64_t)i, 0);
	if (!zf)
		return zfail(z, "'%s' を開けません: %s", "cannot open '%s': %s", path, zip_strerror(z->za));
	char *buf = malloc((size_t)sb.size + 2);
	if (!buf) {
		zip_fclose(zf);
		return oom(z->err, z->name);
	}
	/* One byte more than stated is asked for: a part that has it lies
	 * about its size. */
	size_t got = 0;
	for (;;) {
		zip_int64_t r = zip_fread(zf, buf + got, (zip_uint64_t)(sb.size + 1 - got));
		if (r < 0) {
			tk_status st = zfail(z, "'%s' を展開できません: %s", "cannot unpack '%s': %s", path,
				zip_file_strerror(zf));
			zip_fclose(zf);
			free(buf);
			return st;
		}
		if (r == 0)
			break;
		got += (size_t)r;
		if (got > sb.size)
			break;
	}
	int closed = zip_fclose(zf);
	if (got != sb.size || closed != 0) {
		free(buf);
		return zfail(z, "'%s' が壊れています（大きさか CRC が合いません）",
			"'%s' is damaged (its size or CRC does not match)", path);
	}
	buf[got] = '\0';
	z->unpacked += got;
	*data = buf;
	*len = got;
	return TK_OK;
}

/* ---- XML ---- */

/* What every XML handler shares: the parser, the part's name, and the
 * first error, after which the parser is stopped. */
typedef struct xml {
	XML_Parser p;
	zipr *z;
	const char *part;
	tk_status st;
} xml;

/* Namespaces are resolved ("uri|local"); the part after the bar is the
 * local name, the same in transitional and strict OOXML. */
static const char *local(const char *name)
{
	const char *bar = strrchr(name, '|');
	return bar ? bar + 1 : name;
}

static bool in_namespace(const char *name)
{
	return strchr(name, '|') != NULL;
}

static const char *attr(const char **atts, const char *want, bool namespaced)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(local(atts[i]), want) == 0 && in_namespace(atts[i]) == namespaced)
			return atts[i + 1];
	return NULL;
}

static void xml_stop(xml *x, tk_status st)
{
	if (!x->st)
		x->st = st;
	XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL no_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
	const XML_Char *pubid, int has_internal)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	xml *x = ud;
	xml_stop(x, zfail(x->z, "'%s' に DTD があります（ブックの XML には使われません）",
		"'%s' has a DTD (workbook XML never does)", x->part));
}

/* Parses a part with the handlers; x must be the first member of ud. */
static tk_status xml_parse(xml *x, const char *data, size_t len, XML_StartElementHandler start,
	XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	x->p = XML_ParserCreateNS("UTF-8", '|');
	if (!x->p)
		return oom(x->z->err, x->z->name);
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, start, end);
	if (text)
		XML_SetCharacterDataHandler(x->p, text);
	XML_SetStartDoctypeDeclHandler(x->p, no_doctype);
	if (len > INT32_MAX)
		len = INT32_MAX;
	if (XML_Parse(x->p, data, (int)len, 1) == XML_STATUS_ERROR && !x->st)
		x->st = zfail(x->z, "'%s' の %lu 行 %lu 列が XML として正しくありません: %s",
			"'%s' is not well-formed XML at line %lu, column %lu: %s", x->part,
			(unsigned long)XML_GetCurrentLineNumber(x->p),
			(unsigned long)XML_GetCurrentColumnNumber(x->p) + 1,
			XML_ErrorString(XML_GetErrorCode(x->p)));
	XML_ParserFree(x->p);
	x->p = NULL;
	return x->st;
}

/* Text gathered between tags, within the cap on a cell. */
typedef struct textbuf {
	char *v;
	size_t n, cap;
} textbuf;

static bool text_add(textbuf *t, const char *s, size_t len)
{
	if (t->n + len >= TK_WB_MAX_CELL_TEXT)
		return false;
	if (t->n + len + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		while (cap < t->n + len + 1)
			cap *= 2;
		char *v = realloc(t->v, cap);
		if (!v)
			return false;
		t->v = v;
		t->cap = cap;
	}
	memcpy(t->v + t->n, s, len);
	t->n += len;
	t->v[t->n] = '\0';
	return true;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes Excel's _xHHHH_ escapes (control characters, and _x005F_ for
 * an underscore that starts such a sequence) in place. */
static void decode_ooxml(textbuf *t)
{
	size_t o = 0;
	for (size_t i = 0; i < t->n;) {
		if (i + 7 <= t->n && t->v[i] == '_' && t->v[i + 1] == 'x' && t->v[i + 6] == '_') {
			int h[4], ok = 1;
			for (int k = 0; k < 4; k++)
				ok &= (h[k] = hexval(t->v[i + 2 + k])) >= 0;
			if (ok) {
				unsigned c = (unsigned)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
				if (c && !(c >= 0xD800 && c <= 0xDFFF)) {
					if (c < 0x80) {
						t->v[o++] = (char)c;
					} else if (c < 0x800) {
						t->v[o++] = (char)(0xC0 | c >> 6);
						t->v[o++] = (char)(0x80 | (c & 0x3F));
					} else {
						t->v[o++] = (char)(0xE0 | c >> 12);
						t->v[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
						t->v[o++] = (char)(0x80 | (c & 0x3F));
					}
				}
				i += 7;
				continue;
			}
		}
		t->v[o++] = t->v[i++];
	}
	t->n = o;
	if (t->v)
		t->v[o] = '\0';
}

/* ---- relationships ---- */

typedef struct rel {
	char *id, *target, *type;
	bool external;
} rel;

typedef struct rels {
	xml x;
	rel *v;
	size_t n, cap;
} rels;

static char *xdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	rels *r = ud;
	if (strcmp(local(name), "Relationship") != 0)
		return;
	if (r->n == 1000) {
		xml_stop(&r->x, zfail(r->x.z, "'%s' の関係が多すぎます", "'%s' has too many relationships", r->x.part));
		return;
	}
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		rel *v = realloc(r->v, cap * sizeof(*v));
		if (!v) {
			xml_stop(&r->x, oom(r->x.z->err, r->x.z->name));
			return;
		}
		r->v = v;
		r->cap = cap;
	}
	const char *mode = attr(atts, "TargetMode", false);
	rel *e = &r->v[r->n++];
	e->id = xdup(attr(atts, "Id", false));
	e->target = xdup(attr(atts, "Target", false));
	e->type = xdup(attr(atts, "Type", false));
	e->external = mode && strcmp(mode, "External") == 0;
}

static void XMLCALL ignore_end(void *ud, const XML_Char *name)
{
	(void)ud, (void)name;
}

static void rels_free(rels *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].id);
		free(r->v[i].target);
		free(r->v[i].type);
	}
	free(r->v);
}

static tk_status read_rels(zipr *z, const char *path, rels *out)
{
	memset(out, 0, sizeof(*out));
	char *data;
	size_t len;
	tk_status st = zip_part(z, path, false, &data, &len);
	if (st || !data)
		return st;
	out->x = (xml){ .z = z, .part = path };
	st = xml_parse(&out->x, data, len, rels_start, ignore_end, NULL);
	free(data);
	return st;
}

static const rel *rel_by_type(const rels *r, const char *suffix)
{
	size_t sl = strlen(suffix);
	for (size_t i = 0; i < r->n; i++) {
		const char *t = r->v[i].type;
		size_t tl = t ? strlen(t) : 0;
		if (t && tl >= sl && strcmp(t + tl - sl, suffix) == 0 && !r->v[i].external && r->v[i].target)
			return &r->v[i];
	}
	return NULL;
}

static const rel *rel_by_id(const rels *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].id && id && strcmp(r->v[i].id, id) == 0)
			return &r->v[i];
	return NULL;
}

/* The zip name of a relationship's target, relative to the directory of
 * the part that names it. ".." and the like are refused, not resolved:
 * the parts of a workbook never need them, and a path that climbs out is
 * a trick. */
static tk_status resolve_target(zipr *z, const char *dir, const char *target, char *out, size_t size)
{
	bool bad = !*target || strstr(target, "..") || strchr(target, '\\') || strchr(target, ':') ||
		strstr(target, "//") || strstr(target, "/./") || strncmp(target, "./", 2) == 0;
	if (bad)
		return zfail(z, "ブックの部品のパス '%s' は使えません", "the workbook names a part by the path '%s', which is not allowed",
			target);
	int n = target[0] == '/' ? snprintf(out, size, "%s", target + 1) : snprintf(out, size, "%s%s", dir, target);
	if (n < 0 || (size_t)n >= size || !out[0])
		return zfail(z, "ブックの部品のパス '%s' が長すぎます", "the path '%s' is too long", target);
	return TK_OK;
}

/* ---- workbook.xml ---- */

typedef struct sheet_ref {
	char *name, *rid;
} sheet_ref;

typedef struct book {
	xml x;
	sheet_ref v[TK_WB_MAX_SHEETS];
	size_t n;
} book;

static void XMLCALL book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	book *b = ud;
	if (strcmp(local(name), "sheet") != 0)
		return;
	if (b->n == TK_WB_MAX_SHEETS) {
		xml_stop(&b->x, zfail(b->x.z, "シートが多すぎます（上限 %d）", "too many sheets (at most %d)",
			TK_WB_MAX_SHEETS));
		return;
	}
	const char *nm = attr(atts, "name", false), *rid = attr(atts, "id", true);
	if (!nm || !rid) {
		xml_stop(&b->x, zfail(b->x.z, "'%s' のシートに名前か id がありません",
			"a sheet in '%s' has no name or id", b->x.part));
		return;
	}
	b->v[b->n].name = strdup(nm);
	b->v[b->n].rid = strdup(rid);
	b->n++;
}

/* ---- sharedStrings.xml ---- */

typedef struct strings {
	xml x;
	tk_workbook *wb;
	const char **v;
	size_t n, cap;
	textbuf t;
	int depth_si, depth_t, depth_rph;
} strings;

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	(void)atts;
	strings *s = ud;
	const char *ln = local(name);
	if (strcmp(ln, "si") == 0) {
		s->depth_si = 1;
		s->t.n = 0;
	} else if (strcmp(ln, "rPh") == 0) {
		s->depth_rph++; /* furigana: not part of the text */
	} else if (strcmp(ln, "t") == 0 && s->depth_si) {
		s->depth_t++;
	}
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
	strings *s = ud;
	const char *ln = local(name);
	if (strcmp(ln, "rPh") == 0 && s->depth_rph) {
		s->depth_rph--;
	} else if (strcmp(ln, "t") == 0 && s->depth_t) {
		s->depth_t--;
	} else if (strcmp(ln, "si") == 0 && s->depth_si) {
		s->depth_si = 0;
		if (s->n == TK_WB_MAX_STRINGS) {
			xml_stop(&s->x, zfail(s->x.z, "共有文字列が多すぎます（上限 %d）",
				"too many shared strings (at most %d)", TK_WB_MAX_STRINGS));
			return;
		}
		if (s->n == s->cap) {
			size_t cap = s->cap ? s->cap * 2 : 256;
			const char **v = realloc(s->v, cap * sizeof(*v));
			if (!v) {
				xml_stop(&s->x, oom(s->x.z->err, s->x.z->name));
				return;
			}
			s->v = v;
			s->cap = cap;
		}
		decode_ooxml(&s->t);
		s->v[s->n] = tk_arena_strndup(s->wb->arena, s->t.v ? s->t.v : "", s->t.n);
		if (!s->v[s->n]) {
			xml_stop(&s->x, oom(s->x.z->err, s->x.z->name));
			return;
		}
		s->n++;
	}
}

static void XMLCALL sst_text(void *ud, const XML_Char *text, int len)
{
	strings *s = ud;
	if (!s->depth_t || s->depth_rph || !s->depth_si)
		return;
	if (!text_add(&s->t, text, (size_t)len))
		xml_stop(&s->x, zfail(s->x.z, "'%s' の文字列が長すぎます", "a string in '%s' is too long", s->x.part));
}

/* ---- a worksheet ---- */

typedef struct sheetr {
	xml x;
	tk_workbook *wb;
	const strings *sst;
	wb_cells cells;
	uint32_t row, col;      /* of the current cell; row is 1-based, 0 before any */
	bool in_cell, in_v, in_is;
	int depth_t, depth_rph;
	char type[16];
	textbuf v, is;
} sheetr;

/* "B12" into column 1 and row 12. */
static bool parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
	uint32_t c = 0, r = 0;
	int letters = 0, digits = 0;
	const char *p = ref;
	for (; *p >= 'A' && *p <= 'Z' && letters < 4; p++, letters++)
		c = c * 26 + (uint32_t)(*p - 'A' + 1);
	for (; *p >= '0' && *p <= '9' && digits < 8; p++, digits++)
		r = r * 10 + (uint32_t)(*p - '0');
	if (*p || !letters || !digits || c > WB_MAX_COLS || r < 1 || r > WB_MAX_ROWS)
		return false;
	*row = r;
	*col = c - 1;
	return true;
}

static void sheet_fail_cell(sheetr *s, const char *ja, const char *en)
{
	char col[8], tja[TK_ERROR_TEXT], ten[TK_ERROR_TEXT];
	wb_column_name(s->col, col);
	snprintf(tja, sizeof(tja), "'%s' のセル %s%u: %s", s->x.part, col, s->row, ja);
	snprintf(ten, sizeof(ten), "'%s', cell %s%u: %s", s->x.part, col, s->row, en);
	xml_stop(&s->x, tk_error_set_texts(s->x.z->err, TK_EINPUT, s->x.z->name, 0, 0, NULL, tja, ten));
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	sheetr *s = ud;
	const char *ln = local(name);
	if (strcmp(ln, "row") == 0) {
		const char *r = attr(atts, "r", false);
		char *end;
		unsigned long n = r ? strtoul(r, &end, 10) : s->row + 1ul;
		if ((r && (*end || end == r)) || n < 1 || n > WB_MAX_ROWS || n <= s->row) {
			xml_stop(&s->x, zfail(s->x.z, "'%s' の行番号 '%s' が正しくありません",
				"'%s' has a bad row number '%s'", s->x.part, r ? r : "?"));
			return;
		}
		s->row = (uint32_t)n;
		s->col = UINT32_MAX; /* the next cell without a reference is column A */
	} else if (strcmp(ln, "c") == 0) {
		const char *r = attr(atts, "r", false), *t = attr(atts, "t", false);
		uint32_t row = s->row, col = s->col + 1;
		if (r && !parse_ref(r, &row, &col)) {
			xml_stop(&s->x, zfail(s->x.z, "'%s' のセル参照 '%s' が正しくありません",
				"'%s' has a bad cell reference '%s'", s->x.part, r));
			return;
		}
		if (!row || row != s->row || col >= WB_MAX_COLS) {
			xml_stop(&s->x, zfail(s->x.z, "'%s' のセル '%s' が行 %u の外にあります",
				"'%s' has cell '%s' outside its row %u", s->x.part, r ? r : "?", s->row));
			return;
		}
		s->col = col;
		s->in_cell = true;
		snprintf(s->type, sizeof(s->type), "%s", t ? t : "n");
		s->v.n = s->is.n = 0;
	} else if (s->in_cell && strcmp(ln, "v") == 0) {
		s->in_v = true;
	} else if (s->in_cell && strcmp(ln, "is") == 0) {
		s->in_is = true;
	} else if (s->in_is && strcmp(ln, "rPh") == 0) {
		s->depth_rph++;
	} else if (s->in_is && strcmp(ln, "t") == 0) {
		s->depth_t++;
	}
}

static const char *cell_value(sheetr *s, size_t *len)
{
	const char *v = s->v.v ? s->v.v : "";
	*len = s->v.n;
	if (strcmp(s->type, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		if (!*v || *end || i >= s->sst->n) {
			sheet_fail_cell(s, "共有文字列の番号が範囲の外です", "the shared string index is out of range");
			return NULL;
		}
		*len = strlen(s->sst->v[i]);
		return s->sst->v[i];
	}
	if (strcmp(s->type, "inlineStr") == 0) {
		decode_ooxml(&s->is);
		*len = s->is.n;
		return s->is.v ? s->is.v : "";
	}
	if (strcmp(s->type, "b") == 0) {
		*len = strcmp(v, "1") == 0 ? 4 : 5;
		return strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
	}
	if (strcmp(s->type, "str") == 0)
		decode_ooxml(&s->v);
	*len = s->v.n;
	return s->v.v ? s->v.v : "";
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
	sheetr *s = ud;
	const char *ln = local(name);
	if (strcmp(ln, "v") == 0) {
		s->in_v = false;
	} else if (strcmp(ln, "is") == 0) {
		s->in_is = false;
	} else if (strcmp(ln, "rPh") == 0 && s->depth_rph) {
		s->depth_rph--;
	} else if (strcmp(ln, "t") == 0 && s->depth_t) {
		s->depth_t--;
	} else if (strcmp(ln, "c") == 0 && s->in_cell) {
		s->in_cell = false;
		size_t len;
		const char *v = cell_value(s, &len);
		if (!v)
			return;
		tk_status st = wb_cell_add(s->wb, &s->cells, s->row - 1, s->col, v, len, s->x.z->err);
		if (st)
			xml_stop(&s->x, st);
	}
}

static void XMLCALL sheet_text(void *ud, const XML_Char *text, int len)
{
	sheetr *s = ud;
	textbuf *t = s->in_v ? &s->v : (s->in_is && s->depth_t && !s->depth_rph) ? &s->is : NULL;
	if (t && !text_add(t, text, (size_t)len))
		sheet_fail_cell(s, "文字列が長すぎます", "the text is too long");
}

static tk_status read_sheet(zipr *z, tk_workbook *wb, const strings *sst, const char *sheet_name,
	const char *path)
{
	char *data;
	size_t len;
	tk_status st = zip_part(z, path, true, &data, &len);
	if (st)
		return st;
	wb_sheet *ws = wb_add_sheet(wb, sheet_name, strlen(sheet_name), z->err);
	if (!ws) {
		free(data);
		return z->err->status ? z->err->status : TK_EINPUT;
	}
	sheetr s = { .x = { .z = z, .part = path }, .wb = wb, .sst = sst };
	st = xml_parse(&s.x, data, len, sheet_start, sheet_end, sheet_text);
	free(data);
	free(s.v.v);
	free(s.is.v);
	if (!st)
		st = wb_sheet_finish(wb, ws, &s.cells, z->err);
	free(s.cells.v);
	return st;
}

/* ---- the whole file ---- */

static void book_free(book *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].name);
		free(b->v[i].rid);
	}
}

/* The directory part of a zip name, with its slash ("xl/"). */
static void dir_of(const char *path, char *out, size_t size)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path + 1) : 0;
	if (n >= size)
		n = 0;
	memcpy(out, path, n);
	out[n] = '\0';
}

/* The part that holds the workbook: what _rels/.rels names, else the
 * usual xl/workbook.xml. */
static tk_status find_book(zipr *z, char *path, size_t size)
{
	rels root;
	tk_status st = read_rels(z, "_rels/.rels", &root);
	const rel *r = st ? NULL : rel_by_type(&root, "/officeDocument");
	if (!st && r)
		st = resolve_target(z, "", r->target, path, size);
	else if (!st)
		snprintf(path, size, "xl/workbook.xml");
	rels_free(&root);
	return st;
}

static tk_status read_book(zipr *z, tk_workbook *wb)
{
	char book_path[512], dir[512], rels_path[1100], path[1100];
	tk_status st = find_book(z, book_path, sizeof(book_path));
	if (st)
		return st;
	dir_of(book_path, dir, sizeof(dir));
	snprintf(rels_path, sizeof(rels_path), "%s_rels/%s.rels", dir, book_path + strlen(dir));
	char *data;
	size_t len;
	if ((st = zip_part(z, book_path, true, &data, &len)))
		return st;
	book b = { .x = { .z = z, .part = book_path } };
	st = xml_parse(&b.x, data, len, book_start, ignore_end, NULL);
	free(data);
	rels r = { 0 };
	strings sst = { .x = { .z = z }, .wb = wb };
	if (!st)
		st = read_rels(z, rels_path, &r);
	const rel *sr = st ? NULL : rel_by_type(&r, "/sharedStrings");
	if (sr && !(st = resolve_target(z, dir, sr->target, path, sizeof(path))) &&
	    !(st = zip_part(z, path, false, &data, &len)) && data) {
		sst.x.part = path;
		st = xml_parse(&sst.x, data, len, sst_start, sst_end, sst_text);
		free(data);
	}
	for (size_t i = 0; !st && i < b.n; i++) {
		const rel *e = rel_by_id(&r, b.v[i].rid);
		if (!e || e->external || !e->target)
			st = zfail(z, "シート '%s' の中身がブックにありません", "the workbook has no part for sheet '%s'",
				b.v[i].name);
		else if (!e->type || !strstr(e->type, "/worksheet"))
			continue; /* a chart sheet or the like: no cells */
		else if (!(st = resolve_target(z, dir, e->target, path, sizeof(path))))
			st = read_sheet(z, wb, &sst, b.v[i].name, path);
	}
	free(sst.v);
	free(sst.t.v);
	rels_free(&r);
	book_free(&b);
	return st;
}

tk_status tk_workbook_read_xlsx(const char *name, const void *data, size_t len,
	tk_workbook **out, tk_error *err)
{
	*out = NULL;
	zipr z = { .name = name, .err = err };
	if (len > TK_WB_MAX_FILE)
		return zfail(&z, "ファイルが大きすぎます（上限 %u バイト）", "the file is too large (at most %u bytes)",
			TK_WB_MAX_FILE);
	if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return zfail(&z, "xlsx ではありません（パスワード付きのブックか、古い .xls 形式です。パスワードなしの .xlsx で保存してください）",
			"not an xlsx file (a password-protected workbook or the old .xls format; save it as .xlsx without a password)");
	/* Every xlsx starts with a zip entry; libzip would take an empty file
	 * for an empty archive. */
	if (len < 4 || memcmp(data, "PK\x03\x04", 4) != 0)
		return zfail(&z, "xlsx ではありません（zip ではありません）", "not an xlsx file (it is not a zip archive)");
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	if (src)
		z.za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!z.za) {
		tk_status st = zfail(&z, "xlsx（zip）として読めません: %s", "not an xlsx file (zip): %s",
			zip_error_strerror(&ze));
		zip_error_fini(&ze);
		if (src)
			zip_source_free(src);
		return st;
	}
	zip_error_fini(&ze);
	tk_workbook *wb = wb_new(name, false);
	tk_status st = wb ? check_entries(&z) : oom(err, name);
	if (!st)
		st = read_book(&z, wb);
	zip_discard(z.za);
	if (st) {
		tk_workbook_free(wb);
		return st;
	}
	*out = wb;
	return TK_OK;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

tk_status tk_workbook_read_file(const char *path, tk_workbook **out, tk_error *err)
{
	char *data;
	size_t len;
	struct stat sb;
	*out = NULL;
	/* Refused before it is read into memory. */
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size > TK_WB_MAX_FILE)
		return tk_error_set(err, TK_EINPUT, path, 0, 0, NULL, "ファイルが大きすぎます（上限 %u バイト）",
			"the file is too large (at most %u bytes)", TK_WB_MAX_FILE);
	tk_status st = tk_file_read(path, &data, &len, err);
	if (st)
		return st;
	if (ends_with(path, ".xlsx") || (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0))
		st = tk_workbook_read_xlsx(path, data, len, out, err);
	else
		st = tk_workbook_read_csv(path, data, len, out, err);
	free(data);
	return st;
}
