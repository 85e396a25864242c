/* Writing YAML the canonical way, shared by the writers of assessment files
 * (assessment_write.c, compliance_write.c): keys plain when YAML reads them
 * back as the same string, and one-line flow mappings "{ a: 1, b: 2 }". */
#ifndef TAISAKU_YAML_FLOW_H
#define TAISAKU_YAML_FLOW_H

#include <stdbool.h>
#include <stdio.h>

#include "taisaku/assessment.h"

/* An ID as a mapping key: plain when it is only letters, digits, '.', '_'
 * and '-' (and does not start with '-' or '.'), quoted otherwise. */
void tk_yaml_key(FILE *f, const char *id);

/* A flow mapping being written; any says whether a comma is due. */
typedef struct tk_yflow {
	FILE *f;
	bool any;
} tk_yflow;

/* Starts the next key (with "{ " or ", " before it). */
void tk_yflow_key(tk_yflow *w, const char *k);
/* A quoted string field; nothing when v is NULL. */
void tk_yflow_str(tk_yflow *w, const char *k, const char *v);
/* A date (checked as YYYY-MM-DD when read), written plain; nothing when NULL. */
void tk_yflow_date(tk_yflow *w, const char *k, const char *v);
/* Closes the mapping: " }", or "{}" when it stayed empty. */
void tk_yflow_end(tk_yflow *w);

/* A list of evidence as a flow sequence: [ { title: ..., date: ..., ref: ... }, ... ]. */
void tk_yaml_write_evidence(FILE *f, const tk_evidence *ev, size_t n);

/* Text in a comment: on one line, whatever the catalog holds. */
void tk_yaml_comment_text(FILE *f, const char *s);

/* The head of a canonical file: "# taisaku KIND: title (id)", the comment
 * lines of help (how to fill it in, each ending in a newline) and
 * "catalog: id". */
void tk_yaml_write_head(FILE *f, const char *kind_ja, const tk_catalog *cat, const char *help);

/* The comments that stand over a domain's entries ("  # ---- ID title",
 * line ended) and over one entry ("  # ID title", the caller ends the line). */
void tk_yaml_domain_comment(FILE *f, const tk_domain *dom);
void tk_yaml_entry_comment(FILE *f, const tk_requirement *req);

#endif
