/* taisaku: writing evaluations for people and for scripts. */
#ifndef TAISAKU_REPORT_H
#define TAISAKU_REPORT_H

#include <stdio.h>

#include "taisaku/assessment.h"

/* The JSON contract (docs/guide.en.md): system, views, domains, every
 * requirement, and the ID lists under, over, unknown, unassessed, na and
 * imbalance. Levels are unrounded. */
tk_status tk_evaluation_write_json(const tk_evaluation *e, FILE *out, tk_error *err);
/* The same JSON without whitespace between its tokens (taisaku serve's
 * answers). */
tk_status tk_evaluation_write_json_compact(const tk_evaluation *e, FILE *out, tk_error *err);
/* The parts of that compact JSON one rating changes, as one object:
 * {"requirement": the requirement's entry, "domain": its domain's entry,
 * "system": ..., "counts": ...} (taisaku serve's answer to a saved rating). */
tk_status tk_evaluation_write_rating_json(const tk_evaluation *e, size_t requirement, FILE *out, tk_error *err);

/* The officer's console summary; levels to one decimal. */
tk_status tk_evaluation_write_text(const tk_evaluation *e, tk_lang lang, FILE *out, tk_error *err);

/* A self-contained HTML page of the same summary. */
tk_status tk_evaluation_write_html(const tk_evaluation *e, tk_lang lang, FILE *out, tk_error *err);

/* The short name of an element (対策コア, 見直し, ...) in a language. */
const char *tk_element_label(tk_element el, tk_lang lang);

/* A status as people read it: 目標達成, 改善が必要, 過対策, 要調査, 対象外, 未評価. */
const char *tk_req_status_label(tk_req_status st, tk_lang lang);

/* An importance as people read it: 特に重要, 重要, 一般, リスクが特に低い. */
const char *tk_importance_label(tk_importance imp, tk_lang lang);

/* "3→4" for the core, "C→B" for a peripheral element. */
void tk_shortfall_text(const tk_shortfall *s, char *buf, size_t size);

/* Indices of the under-measures, most short first, then heaviest, then in
 * catalog order. Returns a malloc'd array of e->n_under entries. */
size_t *tk_evaluation_under_ranked(const tk_evaluation *e);

/* A level rounded half up to one decimal, as people round (3.25 -> 3.3);
 * printf's %.1f would round an exact half to even. */
double tk_round1(double x);

/* Writes s as a YAML double-quoted scalar, escaping what YAML would
 * otherwise read as a line break (src/lib/yaml_write.c). */
void tk_yaml_quote(FILE *out, const char *s);

/* ---- reports for people (taisaku report) ---- */

typedef enum tk_report_kind {
	TK_REPORT_ASSESSMENT = 0, /* 評価報告書: levels, charts, gaps, every requirement */
	TK_REPORT_PLAN,           /* セキュリティ対策計画書 (seed 002 §5.2.1.5) */
	TK_REPORT_IMPROVEMENT,    /* 改善計画書 (§5.3.4.6) */
} tk_report_kind;

/* "assessment", "plan" or "improvement"; false for anything else. */
bool tk_report_kind_parse(const char *name, tk_report_kind *out);

/* One self-contained HTML file (no script, no external request; strict
 * Content-Security-Policy; an A4 print stylesheet). Deterministic: the only
 * date in it is the assessment's own. */
tk_status tk_report_write_html(const tk_evaluation *e, tk_report_kind kind, tk_lang lang,
	FILE *out, tk_error *err);

/* A cause of the improvement plan (§5.3.4.4) as people read it:
 * 計画の無理 / planning, 展開の不手際 / deployment, ... ; "" for none. */
const char *tk_cause_label(tk_cause c, tk_lang lang);

#endif
