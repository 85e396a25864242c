/* taisaku: the defense system security implementation plan
 * (システムセキュリティ実装計画書, seed 000 第2) written from a compliance
 * assessment of atla-ssr.
 *
 * The plan, as 第2 第1項 gives it: prepared by the 保護システム管理者,
 * approved by the 経営者等 through the 総括者 (the names are the
 * assessment's `roles:`); the documents ア–コ (the slide's ①–⑩, catalog
 * items S2.1.2.a … S2.1.2.j) written in or attached to it, each with the
 * attachments the assessment gives as that item's evidence; and, as its
 * body, 「保護システムに関連するすべての具体的な実施状況・内容」: every section
 * and item with its status, note and evidence. What is missing (a document
 * with no attachment or not in place, an approver with no name) is flagged,
 * not refused: the plan shows the gaps to be closed. */
#ifndef TAISAKU_SSP_H
#define TAISAKU_SSP_H

#include <stdio.h>

#include "taisaku/compliance.h"

/* The item whose sub-items are the plan's documents ①–⑩. */
#define TK_SSP_DOCUMENTS_ITEM "S2.1.2"

/* One self-contained HTML page. TK_EINPUT when the catalog has no item
 * S2.1.2 with sub-items (it is not the defense standard). */
tk_status tk_ssp_write_html(const tk_compliance_result *r, tk_lang lang, FILE *out, tk_error *err);

/* How many of the plan's documents are missing (no attachment, or the item
 * is not in place); for tests and scripts. Negative when the catalog has
 * no S2.1.2. */
int tk_ssp_missing(const tk_compliance *c);

#endif
