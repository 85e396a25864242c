/* A compliance assessment as a checklist to fill in (include/taisaku/
 * compliance_workbook.h): Excel, made of the pieces the ECOM workbook is
 * made of (workbook_xlsx.h), and CSV. Every value the import reads is a
 * cell of text that reads back the same; the item's text and role are only
 * there to read. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/chart.h"
#include "workbook_compliance.h"
#include "workbook_xlsx.h"

const wb_column wbc_columns[CC_COLUMNS] = {
	[CC_ID] = { "id", WB_ID_HEADER, WB_ID_HEADER, 11, false, true },
	[CC_TITLE] = { "title", "項目", "Item", 28, false, false },
	[CC_TEXT] = { "text", "内容", "Text", 56, false, false },
	[CC_ROLE] = { "role", "担当", "Role", 14, false, false },
	[CC_STATUS] = { "status", "状態", "Status", 11, true, true },
	[CC_REASON] = { "reason", "対象外の理由", "Reason not applicable", 22, true, true },
	[CC_NOTE] = { "note", "備考", "Notes", 30, true, true },
	[CC_EVIDENCE] = { "evidence", "根拠資料", "Evidence", 30, true, true },
	[CC_ACTION] = { "action", "対応", "Action", 26, true, true },
	[CC_DUE] = { "due", "期限", "Due", 11, true, true },
	[CC_OWNER] = { "owner", "対応の担当", "Action owner", 14, true, true },
	[CC_CHOICE] = { "choice", "組織の選択", "Chosen text", 30, true, true },
};

/* ---- cell texts ---- */

static char *dup(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

static char *evidence_text(const tk_compliance_item *it)
{
	if (!it->n_evidence)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	for (size_t k = 0; k < it->n_evidence; k++) {
		const tk_evidence *e = &it->evidence[k];
		if (k)
			fputc('\n', f);
		wb_put_field(f, e->title);
		if (e->date || e->ref) {
			fputs(" | ", f);
			wb_put_field(f, e->date ? e->date : "");
		}
		if (e->ref) {
			fputs(" | ", f);
			wb_put_field(f, e->ref);
		}
	}
	fclose(f);
	return buf;
}

void wbc_item_inputs(const tk_compliance_item *it, int lang, char *cells[WBC_N_INPUTS])
{
	cells[CC_STATUS - WBC_FIRST_INPUT] = it->status == TK_CS_UNASSESSED ? NULL
		: dup(lang < 0 ? tk_item_status_name(it->status) : tk_item_status_label(it->status, (tk_lang)lang));
	cells[CC_REASON - WBC_FIRST_INPUT] = dup(it->reason);
	cells[CC_NOTE - WBC_FIRST_INPUT] = dup(it->note);
	cells[CC_EVIDENCE - WBC_FIRST_INPUT] = evidence_text(it);
	cells[CC_ACTION - WBC_FIRST_INPUT] = it->has_action ? dup(it->action.content) : NULL;
	cells[CC_DUE - WBC_FIRST_INPUT] = it->has_action ? dup(it->action.due) : NULL;
	cells[CC_OWNER - WBC_FIRST_INPUT] = it->has_action ? dup(it->action.owner) : NULL;
}

static const char *title_in(const char *ja, const char *en, tk_lang lang)
{
	return lang == TK_LANG_EN && en && *en ? en : ja;
}

/* The item's text as the checklist shows it: its rule, then its points. */
static char *item_text(const tk_requirement *q)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	if (q->purpose_ja)
		fputs(q->purpose_ja, f);
	if (q->purpose_ja && q->n_points)
		fputc('\n', f);
	wb_points_text(q, f);
	fclose(f);
	if (buf && !*buf) {
		free(buf);
		return NULL;
	}
	return buf;
}

static char *role_text(const tk_compliance *c, const char *role)
{
	if (!role)
		return NULL;
	const char *mine = tk_compliance_role(c, role);
	if (!mine)
		return strdup(role);
	size_t n = strlen(role) + strlen(mine) + 8;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s（%s）", role, mine);
	return s;
}

/* Every cell of an item's row, malloc'd (NULL: empty). */
static void item_row(const tk_compliance *c, size_t i, tk_lang lang, char *cells[CC_COLUMNS])
{
	const tk_requirement *q = &c->catalog->requirements[i];
	cells[CC_ID] = strdup(q->id);
	cells[CC_TITLE] = dup(title_in(q->title_ja, q->title_en, lang));
	cells[CC_TEXT] = item_text(q);
	cells[CC_ROLE] = role_text(c, q->role_ja);
	wbc_item_inputs(&c->items[i], (int)lang, cells + WBC_FIRST_INPUT);
	cells[CC_CHOICE] = NULL;
}

/* The roles the checklist lists: the catalog's, then any other the
 * assessment gives a title (a role only the text names). Returns a
 * malloc'd array of *n names. */
static const char **role_list(const tk_compliance *c, size_t *n)
{
	size_t nn;
	const char **names = tk_compliance_role_names(c->catalog, &nn);
	if (!names)
		return NULL;
	const char **v = realloc(names, (nn + c->n_roles + 1) * sizeof(*v));
	if (!v) {
		free(names);
		return NULL;
	}
	for (size_t k = 0; k < c->n_roles; k++) {
		size_t j = 0;
		while (j < nn && strcmp(v[j], c->roles[k].name) != 0)
			j++;
		if (j == nn)
			v[nn++] = c->roles[k].name;
	}
	*n = nn;
	return v;
}

static const char *glossary_text(const tk_catalog *cat, const char *term)
{
	for (size_t g = 0; g < cat->n_glossary; g++)
		if (strcmp(cat->glossary[g].term_ja, term) == 0)
			return cat->glossary[g].text_ja;
	return NULL;
}

static void role_row(const tk_compliance *c, const char *name, tk_lang lang, char *cells[CC_COLUMNS])
{
	memset(cells, 0, CC_COLUMNS * sizeof(*cells));
	cells[CC_ID] = strdup(name);
	cells[CC_TITLE] = strdup(lang == TK_LANG_EN ? "role" : "役割");
	cells[CC_TEXT] = dup(glossary_text(c->catalog, name));
	cells[CC_CHOICE] = dup(tk_compliance_role(c, name));
}

static void parameter_row(const tk_compliance *c, size_t i, size_t p, tk_lang lang, char *cells[CC_COLUMNS])
{
	const tk_requirement *q = &c->catalog->requirements[i];
	memset(cells, 0, CC_COLUMNS * sizeof(*cells));
	cells[CC_ID] = strdup(q->parameters[p].id);
	cells[CC_TITLE] = strdup(q->parameters[p].title_ja);
	size_t n = strlen(q->id) + strlen(q->title_ja) + 64;
	cells[CC_TEXT] = malloc(n);
	if (cells[CC_TEXT])
		snprintf(cells[CC_TEXT], n, lang == TK_LANG_EN ? "value in %s %s" : "%s %s の値", q->id, q->title_ja);
	cells[CC_CHOICE] = dup(tk_compliance_parameter(c, q->parameters[p].id));
}

static size_t n_parameters(const tk_catalog *cat)
{
	size_t n = 0;
	for (size_t i = 0; i < cat->n_requirements; i++)
		n += cat->requirements[i].n_parameters;
	return n;
}

/* ---- Excel ---- */

typedef struct cw {
	wb_xlsx o;
	const tk_compliance *c;
} cw;

static const char *T(const cw *x, const char *ja, const char *en)
{
	return x->o.lang == TK_LANG_EN ? en : ja;
}

static double row_height(char *cells[CC_COLUMNS])
{
	double h = 30;
	for (int k = CC_TITLE; k < CC_COLUMNS; k++) {
		double hh = wb_text_lines(cells[k], wbc_columns[k].width) * (k == CC_TEXT ? 12.0 : 15.0) + 3;
		if (hh > h)
			h = hh;
	}
	return h > 409 ? 409 : h;
}

static void data_row(cw *x, lxw_worksheet *ws, uint32_t row, char *cells[CC_COLUMNS], bool item)
{
	lxw_row_col_options level2 = { .level = 2 };
	worksheet_set_row_opt(ws, row, row_height(cells), NULL, &level2);
	wb_xlsx_put(&x->o, ws, row, CC_ID, cells[CC_ID], x->o.text, true);
	wb_xlsx_put(&x->o, ws, row, CC_TITLE, cells[CC_TITLE], x->o.text, false);
	wb_xlsx_put(&x->o, ws, row, CC_TEXT, cells[CC_TEXT], x->o.points, false);
	wb_xlsx_put(&x->o, ws, row, CC_ROLE, cells[CC_ROLE], x->o.text, false);
	for (int k = CC_STATUS; k <= CC_OWNER; k++)
		wb_xlsx_put(&x->o, ws, row, (uint16_t)k, cells[k], item ? (k == CC_STATUS || k == CC_DUE ? x->o.input
			: x->o.input_wrap) : x->o.text, item);
	wb_xlsx_put(&x->o, ws, row, CC_CHOICE, cells[CC_CHOICE], item ? x->o.text : x->o.input_wrap, !item);
	wb_row_free(cells, CC_COLUMNS);
}

static void validations(cw *x, lxw_worksheet *ws, uint32_t first, uint32_t last)
{
	const char *statuses[] = { tk_item_status_label(TK_CS_IMPLEMENTED, x->o.lang),
		tk_item_status_label(TK_CS_PARTIAL, x->o.lang), tk_item_status_label(TK_CS_NOT_IMPLEMENTED, x->o.lang),
		tk_item_status_label(TK_CS_NA, x->o.lang), tk_item_status_label(TK_CS_UNKNOWN, x->o.lang), NULL };
	wb_xlsx_validate_list(ws, first, last, CC_STATUS, statuses, true, T(x, "状態", "Status"),
		T(x, "実施済み・一部実施・未実施・対象外（理由を記入）・不明。空欄は未評価。",
		   "implemented, partial, not implemented, not applicable (give the reason), unknown. Blank: not assessed."));
}

static void checklist_sheet(cw *x)
{
	const tk_compliance *c = x->c;
	const tk_catalog *cat = c->catalog;
	lxw_worksheet *ws = workbook_add_worksheet(x->o.wb, T(x, WB_SHEET_CHECKLIST_JA, WB_SHEET_CHECKLIST_EN));
	wb_xlsx_columns(ws, wbc_columns, CC_COLUMNS);
	char title[1024];
	snprintf(title, sizeof(title), "%s %s", c->system_name, T(x, "準拠性チェックリスト", "compliance checklist"));
	wb_xlsx_put(&x->o, ws, 0, 0, title, x->o.title, false);
	worksheet_set_row(ws, 0, 22, NULL);
	wb_xlsx_headers(&x->o, ws, 1, wbc_columns, CC_COLUMNS);
	uint32_t row = 2;
	char *cells[CC_COLUMNS];
	for (size_t v = 0; v < cat->n_views; v++) {
		const tk_view *view = &cat->views[v];
		wb_xlsx_group_row(&x->o, ws, row++, 0, view->id, view->title_ja, view->title_en, CC_COLUMNS);
		for (uint32_t d = view->first_domain; d < view->first_domain + view->n_domains; d++) {
			const tk_domain *dom = &cat->domains[d];
			wb_xlsx_group_row(&x->o, ws, row++, 1, dom->id, dom->title_ja, dom->title_en, CC_COLUMNS);
			uint32_t first = row;
			for (uint32_t i = dom->first_requirement; i < dom->first_requirement + dom->n_requirements; i++) {
				item_row(c, i, x->o.lang, cells);
				data_row(x, ws, row++, cells, true);
			}
			if (row > first)
				validations(x, ws, first, row - 1);
		}
	}
	size_t nr;
	const char **roles = role_list(c, &nr);
	if (!roles) {
		x->o.st = tk_error_set(x->o.err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		return;
	}
	if (nr || n_parameters(cat)) {
		wb_xlsx_group_row(&x->o, ws, row++, 0, "", T(x, "役割と組織が定める値（組織の選択の列に記入）",
			"Roles and values the organisation sets (fill in the chosen text)"), NULL, CC_COLUMNS);
		for (size_t k = 0; k < nr; k++) {
			role_row(c, roles[k], x->o.lang, cells);
			data_row(x, ws, row++, cells, false);
		}
		for (size_t i = 0; i < cat->n_requirements; i++)
			for (size_t p = 0; p < cat->requirements[i].n_parameters; p++) {
				parameter_row(c, i, p, x->o.lang, cells);
				data_row(x, ws, row++, cells, false);
			}
	}
	free((void *)roles);
	worksheet_freeze_panes(ws, 2, 2);
	worksheet_autofilter(ws, 1, 0, row > 2 ? row - 1 : 2, CC_COLUMNS - 1);
	worksheet_outline_settings(ws, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);
	wb_xlsx_print_setup(ws, 1);
	worksheet_activate(ws);
}

/* The hidden sheet: what the workbook was made from, every value as
 * exported, for import to tell what changed. */
static void meta_sheet(cw *x)
{
	const tk_compliance *c = x->c;
	const tk_catalog *cat = c->catalog;
	lxw_worksheet *ws = workbook_add_worksheet(x->o.wb, WB_SHEET_META);
	uint32_t row = 0;
	const char *v[WBC_N_INPUTS + 1];
#define META1(k, value) do { v[0] = (value); wb_xlsx_meta_row(&x->o, ws, &row, (k), v, 1); } while (0)
	META1("format", WB_FORMAT);
	META1("kind", WBC_KIND);
	META1("catalog", cat->id);
	META1("system.name", c->system_name);
	META1("system.organization", c->organization);
	META1("system.date", c->date);
	META1("system.assessor", c->assessor);
#undef META1
	for (size_t i = 0; i < cat->n_requirements; i++) {
		char *in[WBC_N_INPUTS];
		wbc_item_inputs(&c->items[i], -1, in);
		bool any = false;
		for (int k = 0; k < WBC_N_INPUTS; k++)
			any |= in[k] != NULL;
		if (any) {
			v[0] = cat->requirements[i].id;
			for (int k = 0; k < WBC_N_INPUTS; k++)
				v[k + 1] = in[k];
			wb_xlsx_meta_row(&x->o, ws, &row, "item", v, WBC_N_INPUTS + 1);
		}
		wb_row_free(in, WBC_N_INPUTS);
	}
	for (size_t k = 0; k < c->n_roles; k++) {
		v[0] = c->roles[k].name;
		v[1] = c->roles[k].value;
		wb_xlsx_meta_row(&x->o, ws, &row, "role", v, 2);
	}
	for (size_t k = 0; k < c->n_parameters; k++) {
		v[0] = c->parameters[k].name;
		v[1] = c->parameters[k].value;
		wb_xlsx_meta_row(&x->o, ws, &row, "parameter", v, 2);
	}
	worksheet_set_column(ws, 0, 0, 20, NULL);
	worksheet_set_column(ws, 1, 8, 30, NULL);
	worksheet_hide(ws);
	worksheet_protect(ws, NULL, NULL);
}

static void properties(cw *x)
{
	const tk_compliance *c = x->c;
	char title[512];
	snprintf(title, sizeof(title), "%s %s", c->system_name, T(x, "準拠性チェックリスト", "compliance checklist"));
	lxw_doc_properties p;
	memset(&p, 0, sizeof(p));
	p.title = title;
	p.subject = (char *)title_in(c->catalog->title_ja, c->catalog->title_en, x->o.lang);
	p.author = (char *)"taisaku";
	p.company = (char *)c->organization;
	p.comments = (char *)T(x, "taisaku export で作成。記入後 taisaku import で評価シートに読み込めます。",
		"Made by taisaku export; read it back with taisaku import once filled in.");
	p.created = wb_created_time(c->date);
	workbook_set_properties(x->o.wb, &p);
}

tk_status tk_compliance_workbook_xlsx(const tk_compliance *c, tk_lang lang, char **data, size_t *len,
	tk_error *err)
{
	*data = NULL;
	*len = 0;
	cw x = { .o = { .lang = lang, .path = c->path, .err = err }, .c = c };
	char path[4096];
	if (wb_xlsx_begin(&x.o, path, sizeof(path)))
		return x.o.st;
	properties(&x);
	checklist_sheet(&x);
	meta_sheet(&x);
	return wb_xlsx_end(&x.o, path, data, len);
}

/* ---- CSV ---- */

static void csv_row(FILE *out, char *cells[CC_COLUMNS])
{
	for (int k = 0; k < CC_COLUMNS; k++) {
		if (k)
			fputc(',', out);
		wb_csv_field(out, cells[k]);
	}
	fputs("\r\n", out);
	wb_row_free(cells, CC_COLUMNS);
}

tk_status tk_compliance_workbook_csv(const tk_compliance *c, tk_lang lang, FILE *out, tk_error *err)
{
	const tk_catalog *cat = c->catalog;
	fputs("\xEF\xBB\xBF", out);
	for (int k = 0; k < CC_COLUMNS; k++) {
		if (k)
			fputc(',', out);
		wb_csv_field(out, lang == TK_LANG_EN ? wbc_columns[k].en : wbc_columns[k].ja);
	}
	fputs("\r\n", out);
	char *cells[CC_COLUMNS];
	for (size_t i = 0; i < cat->n_requirements; i++) {
		item_row(c, i, lang, cells);
		csv_row(out, cells);
	}
	size_t nr;
	const char **roles = role_list(c, &nr);
	if (!roles)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	for (size_t k = 0; k < nr; k++) {
		role_row(c, roles[k], lang, cells);
		csv_row(out, cells);
	}
	free((void *)roles);
	for (size_t i = 0; i < cat->n_requirements; i++)
		for (size_t p = 0; p < cat->requirements[i].n_parameters; p++) {
			parameter_row(c, i, p, lang, cells);
			csv_row(out, cells);
		}
	if (ferror(out))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き出せません", "cannot write");
	return TK_OK;
}
