/* The canonical text of a compliance assessment.
 *
 * Every program that writes a compliance assessment (plan, projection,
 * workbook import) writes it this way, so that the same content is the same
 * bytes and a diff shows only what changed: the system on one line, every
 * item of the catalog in catalog order under a comment with its section and
 * title, then the roles and parameters in catalog order. Written from the
 * loaded structure only, so write(load(write(A))) == write(A). */
#include "taisaku/compliance.h"
#include "taisaku/report.h"
#include "yaml_flow.h"

static void write_system(FILE *f, const tk_compliance *c)
{
	tk_yflow w = { f, false };
	fputs("system: ", f);
	tk_yflow_str(&w, "name", c->system_name);
	tk_yflow_str(&w, "organization", c->organization);
	tk_yflow_date(&w, "date", c->date);
	tk_yflow_str(&w, "assessor", c->assessor);
	tk_yflow_end(&w);
	fputc('\n', f);
}

static void write_item(FILE *f, const tk_compliance_item *it)
{
	bool bare = !it->note && !it->reason && !it->n_evidence && !it->has_action;
	if (it->status == TK_CS_UNASSESSED && bare)
		return; /* `"ID":` alone: to be filled in */
	fputc(' ', f);
	if (bare) {
		fputs(tk_item_status_name(it->status), f);
		return;
	}
	tk_yflow w = { f, false };
	tk_yflow_key(&w, "status");
	fputs(tk_item_status_name(it->status), f);
	tk_yflow_str(&w, "reason", it->reason);
	tk_yflow_str(&w, "note", it->note);
	if (it->n_evidence) {
		tk_yflow_key(&w, "evidence");
		tk_yaml_write_evidence(f, it->evidence, it->n_evidence);
	}
	if (it->has_action) {
		tk_yflow a = { f, false };
		tk_yflow_key(&w, "action");
		tk_yflow_str(&a, "content", it->action.content);
		tk_yflow_date(&a, "due", it->action.due);
		tk_yflow_str(&a, "owner", it->action.owner);
		tk_yflow_end(&a);
	}
	tk_yflow_end(&w);
}

static void write_items(FILE *f, const tk_compliance *c)
{
	const tk_catalog *cat = c->catalog;
	fputs("items:\n", f);
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_domain *dom = &cat->domains[d];
		tk_yaml_domain_comment(f, dom);
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			size_t i = dom->first_requirement + k;
			const tk_requirement *q = &cat->requirements[i];
			tk_yaml_entry_comment(f, q);
			fputs("\n  ", f);
			tk_yaml_quote(f, q->id); /* item IDs such as 2.2.1.1(1)(a) are always quoted */
			fputc(':', f);
			write_item(f, &c->items[i]);
			fputc('\n', f);
		}
	}
}

static void write_choices(FILE *f, const char *key, const tk_compliance_choice *v, size_t n)
{
	if (!n)
		return;
	fprintf(f, "%s:\n", key);
	for (size_t i = 0; i < n; i++) {
		fputs("  ", f);
		tk_yaml_quote(f, v[i].name);
		fputs(": ", f);
		tk_yaml_quote(f, v[i].value);
		fputc('\n', f);
	}
}

tk_status tk_compliance_write_yaml(const tk_compliance *c, FILE *out, tk_error *err)
{
	const tk_catalog *cat = c->catalog;
	tk_yaml_write_head(out, "準拠性評価シート", cat,
		"# 各項目に implemented / partial / not-implemented / unknown、または\n"
		"# { status: na, reason: 理由 } を記入してください（空欄は未評価）。書き方: docs/guide.ja.md\n");
	write_system(out, c);
	write_items(out, c);
	write_choices(out, "roles", c->roles, c->n_roles);
	write_choices(out, "parameters", c->parameters, c->n_parameters);
	if (ferror(out))
		return tk_error_set(err, TK_EIO, c->path, 0, 0, NULL, "書き出せません", "cannot write");
	return TK_OK;
}
