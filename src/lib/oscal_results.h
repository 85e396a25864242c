/* What the two OSCAL documents about an assessment share: the assessment
 * results (export_oscal_ar.c) and the plan of action and milestones
 * (export_oscal_poam.c). */
#ifndef TAISAKU_OSCAL_RESULTS_H
#define TAISAKU_OSCAL_RESULTS_H

#include <jansson.h>

#include "taisaku/assessment.h"

typedef struct oscal_doc {
	const tk_evaluation *e;
	const tk_assessment *a;
	const tk_catalog *cat;
	json_t *control_ids; /* per requirement, as the catalog export names them */
	char *key;           /* what every uuid of the document is derived from */
	char when[32];       /* the assessment date as an OSCAL date-time */
	json_t *resources;   /* back-matter resources, filled as they are referred to */
} oscal_doc;

/* Prepares d for e; kind ("assessment-results", "poam") keeps the uuids of
 * the two documents apart. Returns false when out of memory. */
bool tk_oscal_doc_init(oscal_doc *d, const tk_evaluation *e, const char *kind);
void tk_oscal_doc_free(oscal_doc *d);

/* The uuid of part of the document: its key, then "/" and what fmt makes. */
void tk_oscal_doc_uuid(const oscal_doc *d, char out[37], const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A date YYYY-MM-DD as an OSCAL date-time at midnight, Japan time. */
void tk_oscal_date_time(const char *date, char out[32]);

/* The metadata: title, the assessment date as last-modified, the
 * organisation and the assessor as parties, and our props. */
json_t *tk_oscal_doc_metadata(const oscal_doc *d, const char *title);

/* The observation of requirement i: status, levels, core and ranks as
 * props, evidence as relevant-evidence pointing at back-matter resources. */
json_t *tk_oscal_observation(oscal_doc *d, size_t i);

/* The uuid tk_oscal_observation gives requirement i. */
void tk_oscal_observation_uuid(const oscal_doc *d, size_t i, char out[37]);

/* What requirement i lacks for its target, as one line of Japanese (malloc'd). */
char *tk_oscal_shortfall_text(const oscal_doc *d, size_t i);

/* "Ma1.1 経営レベルのセキュリティポリシーの確立" (malloc'd). */
char *tk_oscal_requirement_title(const oscal_doc *d, size_t i);

/* Writes doc (released) or reports out of memory. */
tk_status tk_oscal_doc_write(json_t *doc, FILE *out, tk_error *err);

#endif
