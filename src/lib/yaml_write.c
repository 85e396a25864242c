/* Writing YAML strings: every string double-quoted, so that YAML never
 * reads "3.1.1", "no" or "o" as anything but text, with the characters YAML
 * would take as line breaks (or a byte-order mark) escaped. Used by every
 * writer of YAML: catalog export, plan skeletons, canonical assessments. */
#include <stdio.h>

#include "taisaku/report.h"

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
