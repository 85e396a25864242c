/* The page skeleton shared by the reports for people (report_page.c). */
#ifndef TAISAKU_REPORT_PAGE_H
#define TAISAKU_REPORT_PAGE_H

#include <stddef.h>
#include <stdio.h>

#include "taisaku/error.h"

/* The stylesheet: screen, and A4 print with page numbers. */
extern const char tk_report_style[];

/* <!DOCTYPE html> up to <body>: the title "doc_title — system (date)", the
 * stylesheet, extra_css (may be NULL) and the printed pages' running
 * header. date may be NULL. */
void tk_report_page_open(FILE *f, tk_lang lang, const char *doc_title, const char *system_name,
	const char *date, const char *extra_css);

/* Text with its line breaks kept as <br>, escaped. */
void tk_report_esc_lines(FILE *f, const char *s);

/* A row of the cover's table; nothing when value is NULL. */
void tk_report_meta_row(FILE *f, tk_lang lang, const char *ja, const char *en, const char *value);

/* 作成者 / 確認者 / 承認者 boxes, to be filled in on paper. */
void tk_report_approval_block(FILE *f, tk_lang lang);

/* The table of contents: links to the sections' ids. */
void tk_report_toc(FILE *f, tk_lang lang, const char *const *ids, const char *const *names, size_t n);

/* <section class=major id=ID><h2>N. name</h2> */
void tk_report_section_open(FILE *f, const char *id, int number, const char *name);

#endif
