/* Pieces of the compliance report (report_compliance.c) that the documents
 * written from a compliance assessment share (report_ssp.c). */
#ifndef TAISAKU_REPORT_COMPLIANCE_H
#define TAISAKU_REPORT_COMPLIANCE_H

#include <stdio.h>

#include "taisaku/compliance.h"

/* The status colours on top of the shared stylesheet. */
extern const char tk_report_status_css[];

/* A status as a coloured badge: 実施済み, 一部実施, ... */
void tk_report_status_badge(FILE *f, tk_item_status st, tk_lang lang);

/* An item's evidence as a list: title [ref] date; nothing when it has none. */
void tk_report_evidence_list(FILE *f, const tk_compliance_item *it);

#endif
