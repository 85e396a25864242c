/* Writing YAML strings: every string double-quoted, so that YAML never
 * reads "3.1.1", "no" or "o" as anything but text, with the characters YAML
 * would take as line breaks (or a byte-order mark) escaped. Used by every
 * writer of YAML: catalog export, plan skeletons, canonical assessments. */
#include <stdio.h>

#include "taisaku/report.h"
#include "yaml_flow.h"

/* The character at p if it is one of the few that YAML would take as a
 * line break or a byte-order mark inside a quoted scalar; 0 otherwise. */
static unsigned special_char(const unsigned char *p)
{
	if (p[0] == 0xc2 && p[1] == 0x85)
		return 0x85;
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
		return p[2] == 0xa8 ? 0x2028 : 0x2029;
	if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 0xfeff;
	return 0;
}

void tk_yaml_quote(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned sp = special_char(p);
		if (sp) {
			fprintf(f, "\\u%04X", sp);
			p += sp == 0x85 ? 1 : 2;
			continue;
		}
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\x%02X", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

/* ---- canonical keys and flow mappings (yaml_flow.h) ---- */

void tk_yaml_key(FILE *f, const char *id)
{
	/* An ID is written plain when YAML would read it back as the same
	 * string; catalogs' IDs mostly are, but a catalog is data and may
	 * surprise ("2.2.1.1(1)(a)" is quoted). */
	bool plain = *id != '\0' && *id != '-' && *id != '.';
	for (const char *p = id; *p && plain; p++)
		plain = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			*p == '.' || *p == '_' || *p == '-';
	if (plain)
		fputs(id, f);
	else
		tk_yaml_quote(f, id);
}

void tk_yflow_key(tk_yflow *w, const char *k)
{
	fputs(w->any ? ", " : "{ ", w->f);
	fprintf(w->f, "%s: ", k);
	w->any = true;
}

void tk_yflow_str(tk_yflow *w, const char *k, const char *v)
{
	if (!v)
		return;
	tk_yflow_key(w, k);
	tk_yaml_quote(w->f, v);
}

void tk_yflow_date(tk_yflow *w, const char *k, const char *v)
{
	if (!v)
		return;
	tk_yflow_key(w, k);
	fputs(v, w->f);
}

void tk_yflow_end(tk_yflow *w)
{
	fputs(w->any ? " }" : "{}", w->f);
}

void tk_yaml_write_evidence(FILE *f, const tk_evidence *ev, size_t n)
{
	fputs("[ ", f);
	for (size_t i = 0; i < n; i++) {
		tk_yflow w = { f, false };
		if (i)
			fputs(", ", f);
		tk_yflow_str(&w, "title", ev[i].title);
		tk_yflow_date(&w, "date", ev[i].date);
		tk_yflow_str(&w, "ref", ev[i].ref);
		tk_yflow_end(&w);
	}
	fputs(" ]", f);
}

void tk_yaml_comment_text(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
}

void tk_yaml_write_head(FILE *f, const char *kind_ja, const tk_catalog *cat, const char *help)
{
	fprintf(f, "# taisaku %s: ", kind_ja);
	tk_yaml_comment_text(f, cat->title_ja);
	fprintf(f, " (%s)\n", cat->id);
	fputs(help, f);
	fputs("catalog: ", f);
	tk_yaml_key(f, cat->id);
	fputc('\n', f);
}

void tk_yaml_domain_comment(FILE *f, const tk_domain *dom)
{
	fprintf(f, "  # ---- %s ", dom->id);
	tk_yaml_comment_text(f, dom->title_ja);
	fputc('\n', f);
}

void tk_yaml_entry_comment(FILE *f, const tk_requirement *req)
{
	fprintf(f, "  # %s ", req->id);
	tk_yaml_comment_text(f, req->title_ja);
}
