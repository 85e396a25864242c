/* taisaku: writing catalogs out in other formats.
 *
 * Every writer renders into a memory stream; the caller decides where the
 * bytes go (tk_file_write_atomic never leaves a half-written file). */
#ifndef TAISAKU_EXPORT_H
#define TAISAKU_EXPORT_H

#include <stdio.h>

#include "taisaku/assessment.h"
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

/* An evaluated assessment as OSCAL 1.0.6 assessment results (JSON), and its
 * improvement plan as an OSCAL 1.0.6 plan of action and milestones
 * (docs/oscal.en.md). Same evaluation, same bytes: every uuid is derived
 * from the assessment, and the only time is the assessment date. */
tk_status tk_assessment_export_oscal(const tk_evaluation *e, FILE *out, tk_error *err);
tk_status tk_assessment_export_oscal_poam(const tk_evaluation *e, FILE *out, tk_error *err);

#endif
