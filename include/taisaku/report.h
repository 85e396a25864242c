/* taisaku: writing evaluations for people and for scripts. */
#ifndef TAISAKU_REPORT_H
#define TAISAKU_REPORT_H

#include <stdio.h>

#include "taisaku/assessment.h"

/* The JSON contract (docs/guide.en.md): system, views, domains, every
 * requirement, and the ID lists under, over, unknown, unassessed, na and
 * imbalance. Levels are unrounded. */
tk_status tk_evaluation_write_json(const tk_evaluation *e, FILE *out, tk_error *err);

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

/* Writes s as a YAML double-quoted scalar. */
void tk_yaml_quote(FILE *out, const char *s);

#endif
