/* taisaku: charts as inline SVG.
 *
 * The charts know nothing of assessments: the caller gives categories
 * (axes of a radar, rows of a bar chart), their labels, and one or more
 * series of values in plain arrays. The output is one <svg> element that is
 * well-formed XML (it can be inlined in HTML or saved as a .svg file), uses
 * no script, font file, image or external reference, and is byte-for-byte
 * the same for the same input. Colours are SVG presentation attributes, so
 * a page's CSS may restyle them through the tk-* class names.
 *
 * A value that is NaN means "no value" (a domain with nothing counted, say):
 * it is never drawn as zero. */
#ifndef TAISAKU_CHART_H
#define TAISAKU_CHART_H

#include <stddef.h>
#include <stdio.h>

#include "taisaku/error.h"

/* How a series is drawn. */
typedef enum tk_chart_mark {
	TK_CHART_FILL = 0, /* radar: a filled polygon; bars: a bar */
	TK_CHART_LINE = 1, /* radar: a dashed outline; bars: a tick across the row (a target) */
} tk_chart_mark;

typedef struct tk_chart_series {
	const char *name;          /* legend text (UTF-8); NULL: not in the legend */
	const double *values;      /* one per category; NaN: no value */
	const char *const *texts;  /* optional, one per category: the value as people read
	                            * it ("2.8"), shown beside bars and in tooltips */
	tk_chart_mark mark;
	const char *color;         /* a CSS colour such as "#1f5fa8"; NULL: the palette */
	const char *const *colors; /* bars only, optional: a colour per category (NULL
	                            * entries take `color`), e.g. to mark rows below target */
} tk_chart_series;

typedef struct tk_chart {
	size_t n;                  /* categories: radar axes, bar rows */
	const char *const *labels; /* n labels (UTF-8), escaped on output */
	size_t n_series;
	const tk_chart_series *series;
	double min, max;           /* the value scale; a grid line at every whole number */
	int width, height;         /* the viewBox in px; 0: the defaults below (bars: height
	                            * always follows from the number of rows) */
	const char *title;         /* the chart's <title> for screen readers; may be NULL */
	const char *missing_text;  /* bars: shown in a row whose first series has no value
	                            * ("評価なし"); NULL: "-" */
	double tick_scale;         /* bars: grid numbers show value × this (e.g. 10 with a 0..10
	                            * scale for 0..100%); 0: the value itself */
	const char *tick_suffix;   /* bars: after each grid number ("%"); may be NULL */
} tk_chart;

#define TK_CHART_RADAR_WIDTH 640
#define TK_CHART_RADAR_HEIGHT 600
#define TK_CHART_BARS_WIDTH 640

/* The radar's geometry, so that callers (and tests) can place things on it:
 * centre (cx, cy) = (width / 2, height / 2), radius
 * R = min(width, height) / 2 - TK_CHART_RADAR_MARGIN. Axis i (0-based) points
 * at the angle 360°·i/n clockwise from 12 o'clock, and value v sits on it at
 * r = R·(v - min)/(max - min), clamped to 0..R:
 *     x = cx + r·sin(θ),  y = cy - r·cos(θ).
 * Coordinates are written with two decimals. */
#define TK_CHART_RADAR_MARGIN 70

/* A radar chart: one axis per category, one polygon per series (a series
 * with a missing value is drawn as open lines between the values it has). */
tk_status tk_chart_radar(FILE *out, const tk_chart *chart, tk_error *err);

/* A horizontal bar chart: each category is a row, its label on a line of
 * its own above the bar (so that long Japanese titles need no truncation).
 * FILL series are bars, LINE series ticks across the row. */
tk_status tk_chart_bars(FILE *out, const tk_chart *chart, tk_error *err);

/* Writes s escaped for XML and HTML text or attribute values, dropping the
 * control characters XML does not allow. */
void tk_chart_escape(FILE *out, const char *s);

#endif
