/* taisaku: writing catalogs out in other formats.
 *
 * Every writer renders into a memory stream; the caller decides where the
 * bytes go (tk_file_write_atomic never leaves a half-written file). */
#ifndef TAISAKU_EXPORT_H
#define TAISAKU_EXPORT_H

#include <stdio.h>

#include "taisaku/catalog.h"

typedef enum tk_format {
	TK_FORMAT_JSON, TK_FORMAT_YAML, TK_FORMAT_CSV, TK_FORMAT_OSCAL
} tk_format;

/* Parses "json", "yaml", "csv", "oscal"; returns -1 for anything else. */
int tk_format_parse(const char *name);

tk_status tk_catalog_export(const tk_catalog *cat, tk_format format, FILE *out, tk_error *err);

tk_status tk_catalog_export_json(const tk_catalog *cat, FILE *out, tk_error *err);
tk_status tk_catalog_export_yaml(const tk_catalog *cat, FILE *out, tk_error *err);
tk_status tk_catalog_export_csv(const tk_catalog *cat, FILE *out, tk_error *err);
tk_status tk_catalog_export_oscal(const tk_catalog *cat, FILE *out, tk_error *err);

#endif
