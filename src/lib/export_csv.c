/* Catalog as CSV (RFC 4180, UTF-8, CRLF): one row per requirement, for
 * spreadsheets and scripts. Multi-valued cells are joined with newlines. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/export.h"

static void field(FILE *out, const char *s, bool last)
{
	fputc('"', out);
	for (; s && *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
	fputs(last ? "\r\n" : ",", out);
}

/* Appends s to a growable buffer. */
static void append(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);
	if (*len + n + 1 > *cap) {
		size_t nc = *cap ? *cap : 256;
		while (nc < *len + n + 1)
			nc *= 2;
		char *nb = realloc(*buf, nc);
		if (!nb)
			return;
		*buf = nb;
		*cap = nc;
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

tk_status tk_catalog_export_csv(const tk_catalog *cat, FILE *out, tk_error *err)
{
	static const char *header[] = { "catalog", "view", "subview", "domain", "domain_title_ja",
		"id", "title_ja", "title_en", "kind", "isms", "points_ja", "departments" };
	size_t nh = sizeof(header) / sizeof(*header);
	for (size_t i = 0; i < nh; i++)
		field(out, header[i], i + 1 == nh);
	char *buf = NULL;
	size_t len, cap = 0;
	for (size_t i = 0; i < cat->n_requirements; i++) {
		const tk_requirement *r = &cat->requirements[i];
		const tk_domain *d = &cat->domains[r->domain];
		field(out, cat->id, false);
		field(out, cat->views[d->view].id, false);
		field(out, d->subview == UINT32_MAX ? "" : cat->subviews[d->subview].id, false);
		field(out, d->id, false);
		field(out, d->title_ja, false);
		field(out, r->id, false);
		field(out, r->title_ja, false);
		field(out, r->title_en, false);
		field(out, tk_kind_name(r->kind), false);
		len = 0;
		append(&buf, &len, &cap, "");
		for (size_t j = 0; j < r->n_isms; j++) {
			if (j)
				append(&buf, &len, &cap, ";");
			append(&buf, &len, &cap, r->isms[j].id);
		}
		field(out, buf, false);
		len = 0;
		append(&buf, &len, &cap, "");
		for (size_t j = 0; j < r->n_points; j++) {
			if (j)
				append(&buf, &len, &cap, "\n");
			if (r->points[j].label)
				append(&buf, &len, &cap, r->points[j].label);
			append(&buf, &len, &cap, r->points[j].title_ja);
		}
		field(out, buf, false);
		len = 0;
		append(&buf, &len, &cap, "");
		for (size_t j = 0; j < r->departments.n_primary; j++) {
			if (j)
				append(&buf, &len, &cap, ";");
			append(&buf, &len, &cap, cat->departments[r->departments.primary[j]].id);
		}
		field(out, buf, true);
	}
	free(buf);
	if (ferror(out))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "CSV を書き出せません", "cannot write the CSV");
	return TK_OK;
}
