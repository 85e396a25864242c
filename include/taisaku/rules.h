/* taisaku: the organisation's own rules (情報セキュリティ関連規程) written
 * from a compliance catalog whose text leaves choices open (space-rules:
 * placeholders ○月, ●●●●, alternative wordings 「A/B」), and the
 * substitution that fills them in.
 *
 * A catalog item's parameter {id, title_ja} names a fragment of the item's
 * printed text; the assessment's `parameters:` gives the organisation's
 * text for it, and `roles:` its title for a role name. The document is the
 * catalog's chapters, sections and items in order, each text with
 * (1) every point (table row) whose cells are a parameter's fragment
 *     replaced as a whole by the chosen text, then
 * (2) every remaining occurrence of a fragment or of a role name replaced,
 *     left to right, the longest match winning (so a role 監査・点検/点検責任者
 *     wins over the alternative 監査・点検/点検 inside it, and
 *     「システム管理者（管理部長）TEL：…」 over 「システム管理者（管理部長）」).
 * Replaced text is never searched again.
 *
 * Strict by design: a parameter counts as chosen only when the assessment
 * gives it. A catalog `value` is the sample's own example (人事課長 in
 * 「情報セキュリティ責任者（人事課長）」), part of the fragment, not a decision,
 * so it is not taken. Items with status na are left out (listed in an
 * appendix with their reasons) and need no choices. After substitution,
 * any text still holding a placeholder (○ 〇 ● △ ◇, ***, 20yy) is an open
 * choice too, so that no placeholder can reach the document. */
#ifndef TAISAKU_RULES_H
#define TAISAKU_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "taisaku/catalog.h"
#include "taisaku/compliance.h"
#include "taisaku/error.h"

/* ---- substitution (rules_subst.c) ---- */

typedef struct tk_subst {
	const char *from, *to;
} tk_subst;

/* text with every occurrence of a `from` replaced by its `to`: left to
 * right, at each place the longest `from` that matches there (on a tie the
 * first in v); replaced text is not searched again. An empty `from` never
 * matches. Returns a malloc'd string, NULL when memory runs out. */
char *tk_subst_apply(const char *text, const tk_subst *v, size_t n);

/* Whether fragment is the whole point as printed: its title, text and
 * sub-points joined, compared without white space and 「・」 (the catalog
 * prints a table row as one parameter, its cells joined by spaces, the
 * sub-points of a cell marked with ・). */
bool tk_point_is_fragment(const tk_point *p, const char *fragment);

/* The first placeholder left in text (○ 〇 ● △ ◇, "***", "20yy"), or NULL. */
const char *tk_placeholder_find(const char *text);

/* ---- the document (rules_document.c, report_rules.c) ---- */

typedef enum tk_rules_open_kind {
	TK_RULES_UNCHOSEN = 0,   /* a parameter the assessment does not give */
	TK_RULES_PLACEHOLDER,    /* a placeholder no chosen text replaced */
} tk_rules_open_kind;

/* A choice still open. */
typedef struct tk_rules_open {
	tk_rules_open_kind kind;
	const char *where;       /* the item's id (or the section's, a chapter's, "system") */
	const char *parameter;   /* the parameter's id; NULL for a placeholder */
	const char *text;        /* the fragment as printed, or the text holding the placeholder */
} tk_rules_open;

typedef struct tk_rules tk_rules;

/* Fills the catalog's text with the assessment's choices. Fails only when
 * memory runs out; open choices are listed, not errors. */
tk_status tk_rules_build(const tk_compliance *c, tk_rules **out, tk_error *err);
void tk_rules_free(tk_rules *r);

/* The open choices in catalog order; none means the document can be written. */
const tk_rules_open *tk_rules_open_choices(const tk_rules *r, size_t *n);

/* The item's text as the document prints it (tests): the purpose with
 * every substitution made; NULL when the item is left out (na). */
const char *tk_rules_item_text(const tk_rules *r, size_t requirement);
/* The item's points as the document prints them; *n gets their count. */
const tk_point *tk_rules_item_points(const tk_rules *r, size_t requirement, size_t *n);

/* The document as one self-contained HTML page: cover with the
 * organisation and the date, revision block, contents, every chapter,
 * section and item, the roles and the glossary, the items left out with
 * their reasons. Japanese text; the frame in lang. Refuses (TK_EINPUT,
 * nothing written) while a choice is open. */
tk_status tk_rules_write_html(const tk_rules *r, tk_lang lang, FILE *out, tk_error *err);

#endif
