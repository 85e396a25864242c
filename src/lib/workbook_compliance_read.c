/* Filled compliance checklists (xlsx or CSV, already read into cells by
 * workbook_xlsx_read.c and workbook_csv.c) merged into one compliance
 * assessment (include/taisaku/compliance_workbook.h).
 *
 * Each sheet's rows are compared with what it was made from: the hidden
 * sheet's originals, or, with a base assessment, the base. A row equal to
 * that is unchanged; two sheets that change one item, role or parameter
 * differently are a conflict, named with both files and rows. The merged
 * assessment is written as canonical text and loaded again with the strict
 * loader, so that it is exactly what a hand-written file would be. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "workbook_compliance.h"

/* What one workbook says. */
typedef struct cpart {
	const tk_workbook *wb;
	const wb_sheet *sheet, *meta;
	const char *catalog, *system_name, *organization, *date, *assessor;
	tk_compliance_item *items, *orig;     /* per catalog item */
	bool *has_item, *has_orig;
	uint32_t *item_row;                   /* the row + 1 of each item's row; 0: none */
	const char **choice, **choice_orig;   /* per key: roles (im->roles), then parameters */
	bool *has_choice;
	uint32_t *choice_row;
} cpart;

struct tk_cimport {
	const tk_compliance *base;
	tk_catalog_resolver resolve;
	void *ctx;
	const tk_catalog *cat;
	tk_arena *arena;
	wb_books books;
	cpart *parts;
	const char **roles;      /* the role names known: the catalog's, then others met */
	size_t n_roles, cap_roles;
	size_t n_params;         /* the catalog's parameters, flattened */
	const tk_parameter **params;
	wb_problems problems;
};

static const char *const WBC_META_KEYS[] = { "format", "kind", "catalog", "system.name", "system.organization",
	"system.date", "system.assessor", "item", "role", "parameter", NULL };

/* ---- problems ---- */

static void cell_problem_texts(tk_cimport *im, const cpart *p, const wb_sheet *s, uint32_t row, uint32_t col,
	const wb_column *column, const char *ja, const char *en)
{
	wb_cell_problem(&im->problems, p->wb->name, s->name, row, col, column, ja, en);
}

static void cell_problem(tk_cimport *im, const cpart *p, const wb_sheet *s, uint32_t row, uint32_t col,
	const wb_column *column, const char *ja, const char *en, ...) __attribute__((format(printf, 7, 9)));

static void cell_problem(tk_cimport *im, const cpart *p, const wb_sheet *s, uint32_t row, uint32_t col,
	const wb_column *column, const char *ja, const char *en, ...)
{
	char mja[TK_ERROR_TEXT], men[TK_ERROR_TEXT];
	va_list ap;
	va_start(ap, en);
	tk_format_pair(mja, men, TK_ERROR_TEXT, ja, en, ap);
	va_end(ap);
	cell_problem_texts(im, p, s, row, col, column, mja, men);
}

/* ---- keys: items, roles, parameters ---- */

static bool add_role(tk_cimport *im, const char *name)
{
	for (size_t k = 0; k < im->n_roles; k++)
		if (strcmp(im->roles[k], name) == 0)
			return true;
	if (im->n_roles == im->cap_roles) {
		size_t cap = im->cap_roles ? im->cap_roles * 2 : 32;
		const char **v = realloc(im->roles, cap * sizeof(*v));
		if (!v)
			return false;
		im->roles = v;
		im->cap_roles = cap;
	}
	im->roles[im->n_roles++] = name;
	return true;
}

static long role_index(const tk_cimport *im, const char *name)
{
	for (size_t k = 0; k < im->n_roles; k++)
		if (strcmp(im->roles[k], name) == 0)
			return (long)k;
	return -1;
}

static long param_index(const tk_cimport *im, const char *id)
{
	for (size_t k = 0; k < im->n_params; k++)
		if (strcmp(im->params[k]->id, id) == 0)
			return (long)k;
	return -1;
}

/* A role the catalog's text names (the loader takes those too). */
static bool named_in_text(const tk_catalog *cat, const char *name)
{
	for (size_t r = 0; r < cat->n_requirements; r++)
		if (cat->requirements[r].purpose_ja && strstr(cat->requirements[r].purpose_ja, name))
			return true;
	return false;
}

/* ---- cells ---- */

/* A free text exactly as written; NULL when blank. */
static const char *free_text(const char *s)
{
	return wb_blank(s) ? NULL : s;
}

static bool parse_status(const char *s, tk_item_status *out)
{
	char buf[64];
	const char *v = wb_norm(s, buf, sizeof(buf));
	if (!*v) {
		*out = TK_CS_UNASSESSED;
		return true;
	}
	if (tk_item_status_parse(v, out))
		return true;
	for (int k = 0; k < TK_CS_COUNT; k++)
		if (strcmp(v, tk_item_status_label((tk_item_status)k, TK_LANG_JA)) == 0 ||
		    strcasecmp(v, tk_item_status_label((tk_item_status)k, TK_LANG_EN)) == 0) {
			*out = (tk_item_status)k;
			return true;
		}
	return false;
}

/* An item's input cells (texts from CC_STATUS on) into *it; false after
 * reporting the first cell that cannot be read. */
static bool read_inputs(tk_cimport *im, const cpart *p, const wb_sheet *s, uint32_t row, const int *col,
	const char *const *in, tk_compliance_item *it)
{
	memset(it, 0, sizeof(*it));
	const wb_column *cols = wbc_columns;
#define IN(k) in[(k) - WBC_FIRST_INPUT]
#define AT(k) ((uint32_t)col[k])
	if (!parse_status(IN(CC_STATUS), &it->status)) {
		char sh[64];
		cell_problem(im, p, s, row, AT(CC_STATUS), &cols[CC_STATUS],
			"状態 '%s' は読めません（実施済み・一部実施・未実施・対象外・不明、または空欄）",
			"cannot read the status '%s' (implemented, partial, not implemented, not applicable, unknown, or blank)",
			wb_shown(IN(CC_STATUS), sh, sizeof(sh)));
		return false;
	}
	it->reason = free_text(IN(CC_REASON));
	it->note = free_text(IN(CC_NOTE));
	if (it->status == TK_CS_NA && !it->reason) {
		cell_problem(im, p, s, row, AT(CC_REASON), &cols[CC_REASON], "対象外には理由が必要です",
			"not applicable needs a reason");
		return false;
	}
	if (it->status != TK_CS_NA && it->reason) {
		cell_problem(im, p, s, row, AT(CC_REASON), &cols[CC_REASON],
			"理由は対象外のときだけ書きます（ほかの状態では備考に）",
			"a reason is only for not applicable (use the notes otherwise)");
		return false;
	}
	char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	int r = wb_parse_evidence(im->arena, IN(CC_EVIDENCE), &it->evidence, &it->n_evidence, ja, en);
	if (r) {
		if (r > 0)
			cell_problem_texts(im, p, s, row, AT(CC_EVIDENCE), &cols[CC_EVIDENCE], ja, en);
		return false;
	}
	const char *content = free_text(IN(CC_ACTION)), *owner = free_text(IN(CC_OWNER));
	char buf[64];
	const char *due = wb_norm(IN(CC_DUE), buf, sizeof(buf));
	if (*due && !tk_date_valid(due)) {
		char sh[64];
		cell_problem(im, p, s, row, AT(CC_DUE), &cols[CC_DUE], "期限 '%s' は YYYY-MM-DD の形の実在する日付で書いてください",
			"the due date '%s' is not a real date written YYYY-MM-DD", wb_shown(due, sh, sizeof(sh)));
		return false;
	}
	if (!content && (*due || owner)) {
		cell_problem(im, p, s, row, AT(CC_ACTION), &cols[CC_ACTION], "期限や担当があるのに対応の内容がありません",
			"a due date or owner is given but no action");
		return false;
	}
	if (content) {
		it->has_action = true;
		it->action.content = content;
		it->action.due = *due ? tk_arena_strdup(im->arena, due) : NULL;
		it->action.owner = owner;
	}
	return true;
#undef IN
#undef AT
}

/* The canonical text of an item's values, for telling what changed. */
static char *item_key(const tk_compliance_item *it)
{
	char *in[WBC_N_INPUTS], *buf = NULL;
	size_t len = 0;
	wbc_item_inputs(it, -1, in);
	FILE *f = open_memstream(&buf, &len);
	for (int k = 0; f && k < WBC_N_INPUTS; k++)
		fprintf(f, "%s\x1f", in[k] ? in[k] : "");
	if (f)
		fclose(f);
	wb_row_free(in, WBC_N_INPUTS);
	return buf;
}

static bool same_item(const tk_compliance_item *a, const tk_compliance_item *b)
{
	char *x = item_key(a), *y = item_key(b);
	bool same = x && y && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* ---- one workbook ---- */

static const char *meta_value(const wb_sheet *s, const char *key)
{
	char buf[64];
	for (size_t i = 0; s && i < s->n_rows; i++)
		if (strcmp(wb_norm(wb_sheet_cell(s, s->row_ids[i], 0), buf, sizeof(buf)), key) == 0)
			return wb_sheet_cell(s, s->row_ids[i], 1);
	return NULL;
}

bool tk_workbook_is_compliance(const tk_workbook *wb)
{
	if (!wb->csv) {
		const wb_sheet *meta = wb_find_sheet(wb, WB_SHEET_META, WB_SHEET_META);
		const char *kind = meta_value(meta, "kind");
		return kind && strcmp(kind, WBC_KIND) == 0;
	}
	/* A CSV: its header row has the compliance checklist's own columns. */
	const wb_sheet *s = wb->n_sheets ? &wb->sheets[0] : NULL;
	if (!s || !s->n_rows)
		return false;
	char buf[64];
	for (size_t j = s->row_first[0]; j < s->row_first[1]; j++) {
		const char *h = wb_norm(s->cells[j].text, buf, sizeof(buf));
		if (strcmp(h, wbc_columns[CC_CHOICE].ja) == 0 || strcasecmp(h, wbc_columns[CC_CHOICE].en) == 0)
			return true;
	}
	return false;
}

static void read_meta(tk_cimport *im, cpart *p)
{
	const wb_sheet *s = p->meta;
	char buf[64];
	for (size_t i = 0; i < s->n_rows; i++) {
		uint32_t row = s->row_ids[i];
		const char *key = wb_norm(wb_sheet_cell(s, row, 0), buf, sizeof(buf));
		const char *v1 = wb_sheet_cell(s, row, 1);
		size_t k = 0;
		while (WBC_META_KEYS[k] && strcmp(WBC_META_KEYS[k], key) != 0)
			k++;
		if (!*key)
			continue;
		if (!WBC_META_KEYS[k]) {
			cell_problem(im, p, s, row, 0, NULL, "未知のキー '%s' です", "unknown key '%s'", key);
			continue;
		}
		if (strcmp(key, "format") == 0) {
			if (!v1 || strcmp(v1, WB_FORMAT) != 0)
				cell_problem(im, p, s, row, 1, NULL, "このブックの形式は読めません（新しい taisaku で作られたものです）",
					"this workbook's format cannot be read (a newer taisaku made it)");
		} else if (strcmp(key, "system.name") == 0)
			p->system_name = v1;
		else if (strcmp(key, "system.organization") == 0)
			p->organization = v1;
		else if (strcmp(key, "system.date") == 0)
			p->date = v1;
		else if (strcmp(key, "system.assessor") == 0)
			p->assessor = v1;
		else if (strcmp(key, "catalog") == 0)
			p->catalog = v1;
		else if (strcmp(key, "item") == 0) {
			const tk_requirement *q = v1 ? tk_catalog_requirement(im->cat, v1) : NULL;
			if (!q) {
				cell_problem(im, p, s, row, 1, NULL, "カタログ %s に項目 '%s' はありません",
					"catalog %s has no item '%s'", im->cat->id, v1 ? v1 : "");
				continue;
			}
			size_t r = (size_t)(q - im->cat->requirements);
			const char *in[WBC_N_INPUTS];
			for (int c = 0; c < WBC_N_INPUTS; c++)
				in[c] = wb_sheet_cell(s, row, (uint32_t)c + 2);
			int col[CC_COLUMNS];
			for (int c = 0; c < CC_COLUMNS; c++)
				col[c] = c - WBC_FIRST_INPUT + 2;
			if (read_inputs(im, p, s, row, col, in, &p->orig[r]))
				p->has_orig[r] = true;
		} else if (strcmp(key, "role") == 0 || strcmp(key, "parameter") == 0) {
			/* the values are read by read_meta_choices, once every role is known */
			long k = !v1 ? -1 : key[0] == 'r' ? role_index(im, v1) : param_index(im, v1);
			if (k < 0 || !wb_sheet_cell(s, row, 2))
				cell_problem(im, p, s, row, 1, NULL, "'%s' は読めません", "cannot read '%s'", v1 ? v1 : "");
		}
	}
}

/* Finds the header row and where each column is (by its header in either
 * language; an officer may move or add columns). */
static long find_header(tk_cimport *im, const cpart *p, const wb_sheet *s, int *col)
{
	char buf[128];
	for (size_t i = 0; i < s->n_rows && s->row_ids[i] < 32; i++) {
		uint32_t row = s->row_ids[i];
		if (strcasecmp(wb_norm(wb_sheet_cell(s, row, 0), buf, sizeof(buf)), WB_ID_HEADER) != 0)
			continue;
		for (int k = 0; k < CC_COLUMNS; k++)
			col[k] = -1;
		for (size_t j = s->row_first[i]; j < s->row_first[i + 1]; j++) {
			const char *h = wb_norm(s->cells[j].text, buf, sizeof(buf));
			for (int k = 0; k < CC_COLUMNS; k++) {
				const wb_column *c = &wbc_columns[k];
				if (strcmp(h, c->ja) == 0 || strcasecmp(h, c->en) == 0 || strcasecmp(h, c->key) == 0) {
					if (col[k] >= 0)
						cell_problem(im, p, s, row, s->cells[j].col, c, "同じ見出しの列が二つあります",
							"two columns have this header");
					col[k] = (int)s->cells[j].col;
					break;
				}
			}
		}
		bool ok = true;
		for (int k = 0; k < CC_COLUMNS; k++)
			if (col[k] < 0 && wbc_columns[k].required) {
				cell_problem(im, p, s, row, 0, NULL, "見出しの行に列 '%s'（%s）がありません",
					"the header row has no column '%s' (%s)", wbc_columns[k].ja, wbc_columns[k].en);
				ok = false;
			}
		return ok ? (long)i : -1;
	}
	wb_problem(&im->problems, p->wb->name, "%s%s 見出しの行（A 列が ID の行）がありません", "%s%s no header row (a row whose column A reads ID)",
		s->name[0] ? s->name : "", s->name[0] ? ":" : "");
	return -1;
}

static bool any_input(const wb_sheet *s, uint32_t row, const int *col)
{
	for (int k = 0; k < CC_COLUMNS; k++)
		if (wbc_columns[k].input && col[k] >= 0 && !wb_blank(wb_sheet_cell(s, row, (uint32_t)col[k])))
			return true;
	return false;
}

static void choice_row(tk_cimport *im, cpart *p, const wb_sheet *s, uint32_t row, const int *col, size_t key)
{
	for (int k = WBC_FIRST_INPUT; k <= CC_OWNER; k++)
		if (col[k] >= 0 && !wb_blank(wb_sheet_cell(s, row, (uint32_t)col[k])))
			cell_problem(im, p, s, row, (uint32_t)col[k], &wbc_columns[k],
				"役割と値の行では「組織の選択」の列だけに記入します", "in a role or value row, fill in the chosen text only");
	if (p->has_choice[key]) {
		cell_problem(im, p, s, row, 0, NULL, "%s は %u 行にもあります", "%s is in row %u too",
			key < im->n_roles ? im->roles[key] : im->params[key - im->n_roles]->id, p->choice_row[key] + 1);
		return;
	}
	p->has_choice[key] = true;
	p->choice_row[key] = row;
	p->choice[key] = free_text(wb_sheet_cell(s, row, (uint32_t)col[CC_CHOICE]));
}

static void read_rows(tk_cimport *im, cpart *p)
{
	const wb_sheet *s = p->sheet;
	const tk_catalog *cat = im->cat;
	int col[CC_COLUMNS];
	long h = find_header(im, p, s, col);
	if (h < 0)
		return;
	for (size_t i = (size_t)h + 1; i < s->n_rows; i++) {
		uint32_t row = s->row_ids[i];
		const char *raw = wb_sheet_cell(s, row, 0);
		char buf[256], sh[64];
		const char *id = wb_norm(raw, buf, sizeof(buf));
		if (!*id) {
			if (any_input(s, row, col))
				cell_problem(im, p, s, row, 0, &wbc_columns[CC_ID], "ID がありません（この行に書かれたことを読み込めません）",
					"no ID (what is written in this row cannot be read)");
			continue;
		}
		const tk_requirement *q = tk_catalog_requirement(cat, id);
		if (q) {
			size_t r = (size_t)(q - cat->requirements);
			if (p->item_row[r]) { /* seen, whether it read or not */
				cell_problem(im, p, s, row, 0, NULL, "%s は %u 行にもあります（一つの項目は一行に）",
					"%s is in row %u too (one row per item)", id, p->item_row[r]);
				continue;
			}
			p->item_row[r] = row + 1;
			const char *in[WBC_N_INPUTS];
			for (int k = 0; k < WBC_N_INPUTS; k++)
				in[k] = wb_sheet_cell(s, row, (uint32_t)col[k + WBC_FIRST_INPUT]);
			if (col[CC_CHOICE] >= 0 && !wb_blank(wb_sheet_cell(s, row, (uint32_t)col[CC_CHOICE])))
				cell_problem(im, p, s, row, (uint32_t)col[CC_CHOICE], &wbc_columns[CC_CHOICE],
					"項目の行には「組織の選択」を書きません", "an item row takes no chosen text");
			else if (read_inputs(im, p, s, row, col, in, &p->items[r]))
				p->has_item[r] = true;
			continue;
		}
		if (tk_catalog_domain(cat, id) || tk_catalog_view(cat, id))
			continue;
		/* a role or a parameter: by the name as written (a role name may hold full-width letters) */
		const char *name = raw;
		while (name && wb_is_space(*name))
			name++;
		size_t n = name ? strlen(name) : 0;
		while (n && wb_is_space(name[n - 1]))
			n--;
		char *exact = tk_arena_strndup(im->arena, name ? name : "", n);
		long k = exact ? param_index(im, exact) : -1;
		if (k >= 0) {
			choice_row(im, p, s, row, col, im->n_roles + (size_t)k);
			continue;
		}
		k = exact ? role_index(im, exact) : -1;
		if (k >= 0) {
			choice_row(im, p, s, row, col, (size_t)k);
			continue;
		}
		cell_problem(im, p, s, row, 0, &wbc_columns[CC_ID],
			"カタログ %s に項目・役割・値 '%s' はありません", "catalog %s has no item, role or value '%s'",
			cat->id, wb_shown(exact ? exact : id, sh, sizeof(sh)));
	}
}

/* ---- the import ---- */

tk_status tk_cimport_new(const tk_compliance *base, tk_catalog_resolver resolve, void *ctx,
	tk_cimport **out, tk_error *err)
{
	*out = NULL;
	tk_cimport *im = calloc(1, sizeof(*im));
	if (!im)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	im->base = base;
	im->resolve = resolve;
	im->ctx = ctx;
	im->arena = tk_arena_new(64 * 1024);
	im->problems.v = calloc(WB_MAX_PROBLEMS, sizeof(*im->problems.v));
	if (!im->arena || !im->problems.v) {
		tk_cimport_free(im);
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	*out = im;
	return TK_OK;
}

tk_status tk_cimport_add(tk_cimport *im, const tk_workbook *wb, tk_error *err)
{
	if (!wb_books_add(&im->books, wb))
			return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	return TK_OK;
}

size_t tk_cimport_problem_count(const tk_cimport *im)
{
	return im->problems.n;
}

const tk_error *tk_cimport_problem(const tk_cimport *im, size_t i)
{
	return wb_problem_at(&im->problems, i);
}

void tk_cimport_free(tk_cimport *im)
{
	if (!im)
		return;
	tk_arena_free(im->arena);
	free(im->books.v);
	free(im->parts);
	free(im->roles);
	free(im->params);
	free(im->problems.v);
	free(im);
}

/* The catalog: the base's, else the one the first hidden sheet names. */
static bool choose_catalog(tk_cimport *im)
{
	if (im->base) {
		im->cat = im->base->catalog;
		return true;
	}
	for (size_t i = 0; i < im->books.n; i++) {
		const wb_sheet *meta = im->books.v[i]->csv ? NULL : wb_find_sheet(im->books.v[i], WB_SHEET_META, WB_SHEET_META);
		const char *id = meta_value(meta, "catalog");
		if (!id)
			continue;
		return wb_resolve_catalog(&im->problems, im->books.v[i]->name, id, im->resolve, im->ctx, TK_CATALOG_COMPLIANCE,
			&im->cat);
	}
	wb_problem(&im->problems, im->books.n ? im->books.v[0]->name : NULL,
		"CSV には評価シートの情報がありません。--base で元の評価シートを指定してください",
		"a CSV does not say which assessment it belongs to: give the original with --base");
	return false;
}

/* The keys every sheet is read against: the catalog's roles (and those
 * the base or a hidden sheet gives, and, for a row, those the text names),
 * then every parameter. */
static bool known_keys(tk_cimport *im)
{
	size_t n;
	const char **names = tk_compliance_role_names(im->cat, &n);
	if (!names)
		return false;
	for (size_t k = 0; k < n; k++)
		if (!add_role(im, names[k])) {
			free(names);
			return false;
		}
	free(names);
	for (size_t k = 0; im->base && k < im->base->n_roles; k++)
		if (!add_role(im, im->base->roles[k].name))
			return false;
	for (size_t i = 0; i < im->books.n; i++) {
		const wb_sheet *meta = im->books.v[i]->csv ? NULL : wb_find_sheet(im->books.v[i], WB_SHEET_META, WB_SHEET_META);
		char buf[64];
		for (size_t r = 0; meta && r < meta->n_rows; r++) {
			const char *v1 = wb_sheet_cell(meta, meta->row_ids[r], 1);
			if (strcmp(wb_norm(wb_sheet_cell(meta, meta->row_ids[r], 0), buf, sizeof(buf)), "role") == 0 && v1 &&
			    !add_role(im, v1))
				return false;
		}
		/* roles a sheet's rows name that the text names too */
		const wb_sheet *s = im->books.v[i]->csv ? (im->books.v[i]->n_sheets ? &im->books.v[i]->sheets[0] : NULL)
			: wb_find_sheet(im->books.v[i], WB_SHEET_CHECKLIST_JA, WB_SHEET_CHECKLIST_EN);
		for (size_t r = 0; s && r < s->n_rows; r++) {
			const char *id = wb_sheet_cell(s, s->row_ids[r], 0);
			if (id && !tk_catalog_requirement(im->cat, id) && named_in_text(im->cat, id) && !add_role(im, id))
				return false;
		}
	}
	for (size_t i = 0; i < im->cat->n_requirements; i++)
		im->n_params += im->cat->requirements[i].n_parameters;
	im->params = calloc(im->n_params ? im->n_params : 1, sizeof(*im->params));
	if (!im->params)
		return false;
	size_t k = 0;
	for (size_t i = 0; i < im->cat->n_requirements; i++)
		for (size_t p = 0; p < im->cat->requirements[i].n_parameters; p++)
			im->params[k++] = &im->cat->requirements[i].parameters[p];
	return true;
}

static bool alloc_part(tk_cimport *im, cpart *p, const tk_workbook *wb)
{
	size_t n = im->cat->n_requirements ? im->cat->n_requirements : 1, nk = im->n_roles + im->n_params + 1;
	p->wb = wb;
	p->items = tk_arena_calloc(im->arena, n, sizeof(*p->items));
	p->orig = tk_arena_calloc(im->arena, n, sizeof(*p->orig));
	p->has_item = tk_arena_calloc(im->arena, n, sizeof(bool));
	p->has_orig = tk_arena_calloc(im->arena, n, sizeof(bool));
	p->item_row = tk_arena_calloc(im->arena, n, sizeof(uint32_t));
	p->choice = tk_arena_calloc(im->arena, nk, sizeof(char *));
	p->choice_orig = tk_arena_calloc(im->arena, nk, sizeof(char *));
	p->has_choice = tk_arena_calloc(im->arena, nk, sizeof(bool));
	p->choice_row = tk_arena_calloc(im->arena, nk, sizeof(uint32_t));
	return p->items && p->orig && p->has_item && p->has_orig && p->item_row && p->choice && p->choice_orig &&
		p->has_choice && p->choice_row;
}

/* The originals of the roles and parameters, from the hidden sheet. */
static void read_meta_choices(tk_cimport *im, cpart *p)
{
	const wb_sheet *s = p->meta;
	char buf[64];
	for (size_t i = 0; s && i < s->n_rows; i++) {
		uint32_t row = s->row_ids[i];
		const char *key = wb_norm(wb_sheet_cell(s, row, 0), buf, sizeof(buf));
		const char *v1 = wb_sheet_cell(s, row, 1), *v2 = wb_sheet_cell(s, row, 2);
		long k = -1;
		if (strcmp(key, "role") == 0 && v1)
			k = role_index(im, v1);
		else if (strcmp(key, "parameter") == 0 && v1 && (k = param_index(im, v1)) >= 0)
			k += (long)im->n_roles;
		if (k >= 0)
			p->choice_orig[k] = v2;
	}
}

static void read_part(tk_cimport *im, cpart *p)
{
	const tk_workbook *wb = p->wb;
	p->sheet = wb->csv ? (wb->n_sheets ? &wb->sheets[0] : NULL)
		: wb_find_sheet(wb, WB_SHEET_CHECKLIST_JA, WB_SHEET_CHECKLIST_EN);
	p->meta = wb->csv ? NULL : wb_find_sheet(wb, WB_SHEET_META, WB_SHEET_META);
	if (!wb->csv && !p->meta) {
		wb_problem(&im->problems, wb->name, "taisaku の準拠性チェックリストではありません（隠しシート '%s' がありません）",
			"not a taisaku compliance checklist (no hidden sheet '%s')", WB_SHEET_META);
		return;
	}
	if (p->meta) {
		read_meta(im, p);
		read_meta_choices(im, p);
		if (p->catalog && strcmp(p->catalog, im->cat->id) != 0)
			wb_problem(&im->problems, wb->name, "カタログ %s のブックです（ほかは %s）", "the workbook is for catalog %s (the others: %s)",
				p->catalog, im->cat->id);
	}
	if (!p->sheet) {
		wb_problem(&im->problems, wb->name, "シート '%s' がありません", "there is no sheet '%s'", WB_SHEET_CHECKLIST_JA);
		return;
	}
	read_rows(im, p);
}

/* Every workbook is of one round: the system and the date it was made
 * from are the same (and the base's). */
static void check_same_round(tk_cimport *im)
{
	const char *name = im->base ? im->base->system_name : NULL, *date = im->base ? im->base->date : NULL;
	bool have = im->base != NULL;
	for (size_t i = 0; i < im->books.n; i++) {
		const cpart *p = &im->parts[i];
		if (!p->meta)
			continue;
		if (!have) {
			name = p->system_name;
			date = p->date;
			have = true;
			continue;
		}
		if (!same_text(name, p->system_name) || !same_text(date, p->date))
			wb_problem(&im->problems, p->wb->name, "ほかの評価（%s、%s）から作ったブックです（%s、%s）",
				"the workbook was made from another assessment (%s, %s; expected %s, %s)",
				p->system_name ? p->system_name : "-", p->date ? p->date : "-", name ? name : "-", date ? date : "-");
	}
}

/* ---- merging ---- */

static void conflict(tk_cimport *im, const char *what, const cpart *a, uint32_t ra, const cpart *b, uint32_t rb)
{
	wb_problem(&im->problems, b->wb->name, "%s を %s の %u 行とこのブックの %u 行が違う内容に変えています",
		"%s is changed differently in %s row %u and in this workbook's row %u", what, a->wb->name, ra + 1, rb + 1);
}

static bool merge(tk_cimport *im, tk_compliance *out)
{
	const tk_catalog *cat = im->cat;
	for (size_t r = 0; r < cat->n_requirements; r++) {
		const tk_compliance_item *result = im->base ? &im->base->items[r] : NULL;
		const cpart *changed_by = NULL;
		for (size_t i = 0; i < im->books.n; i++) {
			const cpart *p = &im->parts[i];
			if (!result && p->has_orig[r])
				result = &p->orig[r];
			if (!p->has_item[r])
				continue;
			static const tk_compliance_item none = { 0 };
			const tk_compliance_item *ref = im->base ? &im->base->items[r] : p->has_orig[r] ? &p->orig[r] : &none;
			if (same_item(&p->items[r], ref))
				continue;
			if (changed_by && !same_item(&changed_by->items[r], &p->items[r])) {
				conflict(im, cat->requirements[r].id, changed_by, changed_by->item_row[r] - 1, p, p->item_row[r] - 1);
				continue;
			}
			changed_by = p;
		}
		if (changed_by)
			result = &changed_by->items[r];
		if (result)
			out->items[r] = *result;
	}
	size_t nk = im->n_roles + im->n_params;
	out->roles = tk_arena_calloc(im->arena, im->n_roles + 1, sizeof(*out->roles));
	out->parameters = tk_arena_calloc(im->arena, im->n_params + 1, sizeof(*out->parameters));
	if (!out->roles || !out->parameters)
		return false;
	for (size_t k = 0; k < nk; k++) {
		const char *name = k < im->n_roles ? im->roles[k] : im->params[k - im->n_roles]->id;
		const char *base = !im->base ? NULL : k < im->n_roles ? tk_compliance_role(im->base, name)
			: tk_compliance_parameter(im->base, name);
		const char *result = base;
		const cpart *changed_by = NULL;
		bool have = im->base != NULL;
		for (size_t i = 0; i < im->books.n; i++) {
			const cpart *p = &im->parts[i];
			if (!have && p->meta) {
				result = p->choice_orig[k];
				have = true;
			}
			if (!p->has_choice[k])
				continue;
			const char *ref = im->base ? base : p->choice_orig[k];
			if (same_text(p->choice[k], ref))
				continue;
			if (changed_by && !same_text(changed_by->choice[k], p->choice[k])) {
				conflict(im, name, changed_by, changed_by->choice_row[k], p, p->choice_row[k]);
				continue;
			}
			changed_by = p;
		}
		if (changed_by)
			result = changed_by->choice[k];
		if (!result)
			continue;
		tk_compliance_choice ch = { .name = name, .value = result };
		if (k < im->n_roles)
			out->roles[out->n_roles++] = ch;
		else
			out->parameters[out->n_parameters++] = ch;
	}
	return true;
}

/* The merged assessment as canonical text, loaded again strictly. */
static tk_status reload(tk_cimport *im, const tk_compliance *merged, tk_compliance **out)
{
	char *buf = NULL;
	size_t len = 0;
	tk_error err = { 0 };
	FILE *f = open_memstream(&buf, &len);
	if (!f) {
		wb_problem(&im->problems, NULL, "メモリが足りません", "out of memory");
		return TK_ENOMEM;
	}
	tk_status st = tk_compliance_write_yaml(merged, f, &err);
	fclose(f);
	if (!st)
		st = tk_compliance_load_buffer(merged->path ? merged->path : "(import)", buf, len, im->resolve, im->ctx, out, &err);
	if (st)
		wb_problem_texts(&im->problems, err.file[0] ? err.file : NULL, err.ja, err.en);
	free(buf);
	return st;
}

tk_status tk_cimport_finish(tk_cimport *im, tk_compliance **out)
{
	*out = NULL;
	if (!im->books.n || !choose_catalog(im))
		return TK_EINPUT;
	im->parts = calloc(im->books.n, sizeof(*im->parts));
	if (!im->parts || !known_keys(im)) {
		wb_problem(&im->problems, NULL, "メモリが足りません", "out of memory");
		return TK_ENOMEM;
	}
	for (size_t i = 0; i < im->books.n; i++) {
		if (!alloc_part(im, &im->parts[i], im->books.v[i])) {
			wb_problem(&im->problems, NULL, "メモリが足りません", "out of memory");
			return TK_ENOMEM;
		}
		if (im->books.v[i]->csv && !im->base)
			wb_problem(&im->problems, im->books.v[i]->name, "CSV の読み込みには --base で元の評価シートを指定してください",
				"reading a CSV needs the original assessment: give it with --base");
		else
			read_part(im, &im->parts[i]);
	}
	check_same_round(im);
	if (im->problems.n)
		return TK_EINPUT;
	/* the system: the base's, else the first hidden sheet's */
	const cpart *first = NULL;
	for (size_t i = 0; i < im->books.n && !first; i++)
		if (im->parts[i].meta)
			first = &im->parts[i];
	const char *name = im->base ? im->base->system_name : first && first->system_name ? first->system_name : NULL;
	if (!name) {
		wb_problem(&im->problems, im->books.v[0]->name, "システムの名前がありません", "the system has no name");
		return TK_EINPUT;
	}
	tk_compliance *merged;
	tk_error err = { 0 };
	if (tk_compliance_new(im->cat, name, &merged, &err)) {
		wb_problem_texts(&im->problems, NULL, err.ja, err.en);
		return TK_ENOMEM;
	}
	merged->organization = im->base ? im->base->organization : first->organization;
	merged->date = im->base ? im->base->date : first->date;
	merged->assessor = im->base ? im->base->assessor : first->assessor;
	tk_status st = merge(im, merged) ? TK_OK : TK_ENOMEM;
	if (!st && !im->problems.n)
		st = reload(im, merged, out);
	tk_compliance_free(merged);
	return st ? st : im->problems.n ? TK_EINPUT : TK_OK;
}
