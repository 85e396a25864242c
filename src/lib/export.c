/* Choosing an exporter by name. */
#include <string.h>

#include "taisaku/export.h"

int tk_format_parse(const char *name)
{
	static const char *names[] = { "json", "yaml", "csv", "oscal" };
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

tk_status tk_catalog_export(const tk_catalog *cat, tk_format format, FILE *out, tk_error *err)
{
	switch (format) {
	case TK_FORMAT_JSON: return tk_catalog_export_json(cat, out, err);
	case TK_FORMAT_YAML: return tk_catalog_export_yaml(cat, out, err);
	case TK_FORMAT_CSV: return tk_catalog_export_csv(cat, out, err);
	case TK_FORMAT_OSCAL: return tk_catalog_export_oscal(cat, out, err);
	}
	return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "形式が不明です", "unknown format");
}
