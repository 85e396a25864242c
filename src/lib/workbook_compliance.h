/* What the compliance workbook's writer (workbook_compliance_write.c) and
 * reader (workbook_compliance_read.c) share: its columns, its hidden
 * sheet's keys, and the text of each input cell. */
#ifndef TAISAKU_WORKBOOK_COMPLIANCE_H
#define TAISAKU_WORKBOOK_COMPLIANCE_H

#include "taisaku/compliance_workbook.h"
#include "workbook_internal.h"

/* The hidden sheet's kind row: "kind" = this. */
#define WBC_KIND "compliance"

/* The checklist's columns, in order. */
enum {
	CC_ID, CC_TITLE, CC_TEXT, CC_ROLE, CC_STATUS, CC_REASON, CC_NOTE, CC_EVIDENCE,
	CC_ACTION, CC_DUE, CC_OWNER, CC_CHOICE, CC_COLUMNS
};
extern const wb_column wbc_columns[CC_COLUMNS];

/* The input cells of an item, from CC_STATUS to CC_OWNER. */
#define WBC_FIRST_INPUT CC_STATUS
#define WBC_N_INPUTS (CC_OWNER - CC_STATUS + 1)

/* An item's input cells as text, malloc'd (NULL: empty): the status as
 * people read it in lang (names: lang < 0, as the hidden sheet keeps
 * them), reason, note, evidence (wb_put_field lines), action, due, owner. */
void wbc_item_inputs(const tk_compliance_item *it, int lang, char *cells[WBC_N_INPUTS]);

#endif
