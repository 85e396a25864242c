/* Radar and bar charts as inline SVG (include/taisaku/chart.h).
 *
 * Everything is computed here and written as plain SVG elements: no script,
 * no external reference, nothing that depends on the time or the locale, so
 * that a report opens offline, passes a strict Content-Security-Policy and is
 * the same bytes every time. Text is left to inherit the page's font, so the
 * Japanese labels use the report's font stack. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/chart.h"

static const char *const PALETTE[] = { "#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad" };
#define N_PALETTE (sizeof(PALETTE) / sizeof(*PALETTE))

#define GRID_COLOR "#c8ccd2"
#define AXIS_COLOR "#9aa0a8"
#define TEXT_COLOR "#222"
#define MUTED_COLOR "#8a9099"

void tk_chart_escape(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		switch (ch) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		case '\t': case '\n': case '\r': fputc(' ', f); break;
		default:
			/* XML 1.0 has no way to write the other C0 controls at all. */
			if (ch >= 0x20 && ch != 0x7f)
				fputc(ch, f);
		}
	}
}

/* Two decimals, and never "-0.00", so that equal geometry is equal text. */
static void num(FILE *f, double x)
{
	if (fabs(x) < 0.005)
		x = 0;
	fprintf(f, "%.2f", x);
}

static const char *series_color(const tk_chart *c, size_t s)
{
	return c->series[s].color ? c->series[s].color : PALETTE[s % N_PALETTE];
}

static bool has_value(const tk_chart_series *s, size_t i)
{
	return s->values && !isnan(s->values[i]);
}

static const char *series_text(const tk_chart_series *s, size_t i)
{
	return s->texts && s->texts[i] ? s->texts[i] : NULL;
}

/* The share of the scale a value covers, clamped to 0..1. */
static double scale01(const tk_chart *c, double v)
{
	double span = c->max - c->min;
	if (!(span > 0))
		return 0;
	double t = (v - c->min) / span;
	return t < 0 ? 0 : t > 1 ? 1 : t;
}

static tk_status check(const tk_chart *c, tk_error *err)
{
	if (!c || (c->n && !c->labels) || (c->n_series && !c->series))
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "グラフのデータがありません",
			"the chart has no data");
	if (!(c->max > c->min))
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "グラフの目盛りが不正です（最小 %g、最大 %g）",
			"the chart's scale is wrong (min %g, max %g)", c->min, c->max);
	return TK_OK;
}

static void svg_open(FILE *f, const tk_chart *c, const char *kind, int w, int h)
{
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tk-chart tk-%s\" viewBox=\"0 0 %d %d\" "
		"width=\"%d\" height=\"%d\" role=\"img\">", kind, w, h, w, h);
	if (c->title) {
		fputs("<title>", f);
		tk_chart_escape(f, c->title);
		fputs("</title>", f);
	}
	fputc('\n', f);
}

static tk_status finish(FILE *f, tk_error *err)
{
	fputs("</svg>\n", f);
	if (ferror(f))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "出力できません", "cannot write the output");
	return TK_OK;
}

/* A text's width estimated without font metrics (which the library cannot
 * know): a full-width character is 1 em, anything else about 0.6 em. Used
 * only to space the legend, so a rough figure is enough. */
static double text_width(const char *s, double em)
{
	double w = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x80)
			w += 0.6 * em;
		else if (*p >= 0xc0)
			w += em; /* the lead byte of a multi-byte character */
	}
	return w;
}

/* The legend: a swatch and the name of each named series, from (x, y).
 * A LINE series is a dashed line on a radar and a tick on bars, as drawn. */
static void legend(FILE *f, const tk_chart *c, double x, double y, bool radar)
{
	for (size_t s = 0; s < c->n_series; s++) {
		const tk_chart_series *se = &c->series[s];
		if (!se->name)
			continue;
		const char *col = series_color(c, s);
		fputs("<g class=\"tk-legend\">", f);
		if (se->mark == TK_CHART_LINE && !radar) {
			fputs("<line x1=\"", f);
			num(f, x + 9);
			fputs("\" y1=\"", f);
			num(f, y - 8);
			fputs("\" x2=\"", f);
			num(f, x + 9);
			fputs("\" y2=\"", f);
			num(f, y + 8);
			fprintf(f, "\" stroke=\"%s\" stroke-width=\"3\"/>", col);
		} else if (se->mark == TK_CHART_LINE) {
			fputs("<line x1=\"", f);
			num(f, x);
			fputs("\" y1=\"", f);
			num(f, y);
			fputs("\" x2=\"", f);
			num(f, x + 18);
			fputs("\" y2=\"", f);
			num(f, y);
			fprintf(f, "\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>", col);
		} else {
			fputs("<rect x=\"", f);
			num(f, x);
			fputs("\" y=\"", f);
			num(f, y - 6);
			fprintf(f, "\" width=\"18\" height=\"12\" fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\"/>", col,
				radar ? "0.35" : "0.75", col);
		}
		fputs("<text x=\"", f);
		num(f, x + 24);
		fputs("\" y=\"", f);
		num(f, y + 4);
		fprintf(f, "\" font-size=\"12\" fill=\"%s\">", TEXT_COLOR);
		tk_chart_escape(f, se->name);
		fputs("</text></g>\n", f);
		x += 24 + text_width(se->name, 12) + 20;
	}
}

/* ---- radar ---- */

typedef struct radar {
	const tk_chart *c;
	double cx, cy, r;
} radar;

static void radar_xy(const radar *g, size_t i, double v, double *x, double *y)
{
	double theta = 2 * M_PI * (double)i / (double)g->c->n;
	double r = g->r * scale01(g->c, v);
	*x = g->cx + r * sin(theta);
	*y = g->cy - r * cos(theta);
}

static void point_list(FILE *f, const radar *g, const tk_chart_series *se, const size_t *idx, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		double x, y;
		radar_xy(g, idx[k], se->values[idx[k]], &x, &y);
		if (k)
			fputc(' ', f);
		num(f, x);
		fputc(',', f);
		num(f, y);
	}
}

/* The rings at every whole number of the scale, and their numbers on the
 * upward axis. */
static void radar_grid(FILE *f, const radar *g)
{
	const tk_chart *c = g->c;
	for (double v = ceil(c->min); v <= c->max + 1e-9; v += 1) {
		if (v <= c->min + 1e-9)
			continue;
		fprintf(f, "<polygon class=\"tk-ring\" fill=\"none\" stroke=\"%s\" stroke-width=\"1\" points=\"", GRID_COLOR);
		for (size_t i = 0; i < c->n; i++) {
			double x, y;
			radar_xy(g, i, v, &x, &y);
			if (i)
				fputc(' ', f);
			num(f, x);
			fputc(',', f);
			num(f, y);
		}
		fputs("\"/>", f);
		double x, y;
		radar_xy(g, 0, v, &x, &y);
		/* Just inside the ring, clear of the label at the top of the axis. */
		fputs("<text class=\"tk-tick\" x=\"", f);
		num(f, g->cx + 4);
		fputs("\" y=\"", f);
		num(f, y + 11);
		fprintf(f, "\" font-size=\"10\" fill=\"%s\">%g</text>\n", MUTED_COLOR, v);
	}
}

/* One axis per category, with its label just outside the outer ring,
 * anchored away from the centre so that it never runs into the chart. */
static void radar_axes(FILE *f, const radar *g)
{
	const tk_chart *c = g->c;
	for (size_t i = 0; i < c->n; i++) {
		double x, y;
		radar_xy(g, i, c->max, &x, &y);
		fputs("<line class=\"tk-axis\" x1=\"", f);
		num(f, g->cx);
		fputs("\" y1=\"", f);
		num(f, g->cy);
		fputs("\" x2=\"", f);
		num(f, x);
		fputs("\" y2=\"", f);
		num(f, y);
		fprintf(f, "\" stroke=\"%s\" stroke-width=\"1\"/>", AXIS_COLOR);
		double theta = 2 * M_PI * (double)i / (double)c->n, s = sin(theta), co = cos(theta);
		double lx = g->cx + (g->r + 10) * s, ly = g->cy - (g->r + 10) * co + 4 - 6 * co;
		const char *anchor = s > 0.15 ? "start" : s < -0.15 ? "end" : "middle";
		bool missing = c->n_series && !has_value(&c->series[0], i);
		fputs("<text class=\"tk-label\" x=\"", f);
		num(f, lx);
		fputs("\" y=\"", f);
		num(f, ly);
		fprintf(f, "\" font-size=\"12\" text-anchor=\"%s\" fill=\"%s\">", anchor, missing ? MUTED_COLOR : TEXT_COLOR);
		tk_chart_escape(f, c->labels[i]);
		fputs("</text>\n", f);
	}
}

static void point_title(FILE *f, const tk_chart *c, const tk_chart_series *se, size_t i)
{
	fputs("<title>", f);
	tk_chart_escape(f, c->labels[i]);
	if (se->name) {
		fputs(" ", f);
		tk_chart_escape(f, se->name);
	}
	fputs(": ", f);
	if (series_text(se, i))
		tk_chart_escape(f, series_text(se, i));
	else
		fprintf(f, "%g", se->values[i]);
	fputs("</title>", f);
}

/* A series with every value is a closed polygon; one with gaps is drawn as
 * open lines through its consecutive values, since joining across a gap (or
 * dropping to the centre) would show a level nobody measured. */
static void radar_series(FILE *f, const radar *g, size_t s, size_t *idx)
{
	const tk_chart *c = g->c;
	const tk_chart_series *se = &c->series[s];
	const char *col = series_color(c, s);
	size_t have = 0, first_gap = c->n;
	for (size_t i = 0; i < c->n; i++) {
		if (has_value(se, i))
			have++;
		else if (first_gap == c->n)
			first_gap = i;
	}
	/* Targets are dashed outlines; achieved levels filled areas. */
	char stroke[120];
	snprintf(stroke, sizeof(stroke), "stroke=\"%s\" stroke-width=\"2\"%s", col,
		se->mark == TK_CHART_LINE ? " stroke-dasharray=\"6 4\"" : "");
	char fill[80] = "fill=\"none\"";
	if (se->mark == TK_CHART_FILL)
		snprintf(fill, sizeof(fill), "fill=\"%s\" fill-opacity=\"0.18\"", col);
	fprintf(f, "<g class=\"tk-series tk-series-%zu\">", s);
	if (have == c->n && have > 0) {
		for (size_t i = 0; i < c->n; i++)
			idx[i] = i;
		fprintf(f, "<polygon %s %s points=\"", fill, stroke);
		point_list(f, g, se, idx, c->n);
		fputs("\"/>", f);
	} else if (have > 1) {
		/* Runs start right after a gap and go round the circle. */
		size_t run = 0;
		for (size_t k = 1; k <= c->n; k++) {
			size_t i = (first_gap + k) % c->n;
			if (has_value(se, i))
				idx[run++] = i;
			if ((!has_value(se, i) || k == c->n) && run) {
				if (run > 1) {
					fprintf(f, "<polyline fill=\"none\" %s points=\"", stroke);
					point_list(f, g, se, idx, run);
					fputs("\"/>", f);
				}
				run = 0;
			}
		}
	}
	for (size_t i = 0; i < c->n; i++) {
		if (!has_value(se, i))
			continue;
		double x, y;
		radar_xy(g, i, se->values[i], &x, &y);
		fputs("<circle class=\"tk-point\" cx=\"", f);
		num(f, x);
		fputs("\" cy=\"", f);
		num(f, y);
		fprintf(f, "\" r=\"%s\" fill=\"%s\">", se->mark == TK_CHART_LINE ? "2" : "3", col);
		point_title(f, c, se, i);
		fputs("</circle>", f);
	}
	fputs("</g>\n", f);
}

tk_status tk_chart_radar(FILE *f, const tk_chart *c, tk_error *err)
{
	tk_status st = check(c, err);
	if (st)
		return st;
	int w = c->width > 0 ? c->width : TK_CHART_RADAR_WIDTH;
	int h = c->height > 0 ? c->height : TK_CHART_RADAR_HEIGHT;
	radar g = { c, w / 2.0, h / 2.0, (w < h ? w : h) / 2.0 - TK_CHART_RADAR_MARGIN };
	if (g.r < 10)
		g.r = 10;
	svg_open(f, c, "radar", w, h);
	if (c->n > 0) {
		size_t *idx = malloc(c->n * sizeof(*idx));
		if (!idx)
			return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
		radar_grid(f, &g);
		radar_axes(f, &g);
		for (size_t s = 0; s < c->n_series; s++)
			radar_series(f, &g, s, idx);
		free(idx);
	}
	legend(f, c, 12, h - 14, true);
	return finish(f, err);
}

/* ---- bars ---- */

#define BAR_PAD 8.0
#define BAR_ROW 40.0    /* a label line and a bar */
#define BAR_HEIGHT 14.0
#define BAR_TEXT 76.0   /* the column of values on the right */
#define BAR_LEGEND 26.0
#define BAR_SCALE 18.0

typedef struct bars {
	const tk_chart *c;
	double x0, width, top; /* the plot: left edge, width, first row */
	double bottom;
} bars;

static double bar_x(const bars *g, double v)
{
	return g->x0 + g->width * scale01(g->c, v);
}

/* Vertical grid lines at every whole number, numbered above the rows. */
static void bars_grid(FILE *f, const bars *g)
{
	const tk_chart *c = g->c;
	for (double v = ceil(c->min); v <= c->max + 1e-9; v += 1) {
		double x = bar_x(g, v);
		fputs("<line class=\"tk-grid\" x1=\"", f);
		num(f, x);
		fputs("\" y1=\"", f);
		num(f, g->top - 4);
		fputs("\" x2=\"", f);
		num(f, x);
		fputs("\" y2=\"", f);
		num(f, g->bottom);
		fprintf(f, "\" stroke=\"%s\" stroke-width=\"1\"/>", GRID_COLOR);
		fputs("<text class=\"tk-tick\" x=\"", f);
		num(f, x);
		fputs("\" y=\"", f);
		num(f, g->top - 7);
		fprintf(f, "\" font-size=\"10\" text-anchor=\"middle\" fill=\"%s\">%g", MUTED_COLOR,
			c->tick_scale ? v * c->tick_scale : v);
		if (c->tick_suffix)
			tk_chart_escape(f, c->tick_suffix);
		fputs("</text>\n", f);
	}
}

/* The values of a row as text in the right-hand column: "2.8 / 3.0". */
static void row_text(FILE *f, const bars *g, size_t i, double y)
{
	const tk_chart *c = g->c;
	fputs("<text class=\"tk-value\" x=\"", f);
	num(f, g->x0 + g->width + BAR_TEXT - 2);
	fputs("\" y=\"", f);
	num(f, y);
	fprintf(f, "\" font-size=\"12\" text-anchor=\"end\" fill=\"%s\">", TEXT_COLOR);
	if (c->n_series && !has_value(&c->series[0], i)) {
		tk_chart_escape(f, c->missing_text ? c->missing_text : "-");
	} else {
		bool first = true;
		for (size_t s = 0; s < c->n_series; s++) {
			const char *t = series_text(&c->series[s], i);
			if (!t)
				continue;
			fputs(first ? "" : " / ", f);
			tk_chart_escape(f, t);
			first = false;
		}
	}
	fputs("</text>\n", f);
}

static void bars_row(FILE *f, const bars *g, size_t i)
{
	const tk_chart *c = g->c;
	double y = g->top + BAR_ROW * (double)i;
	bool missing = c->n_series && !has_value(&c->series[0], i);
	fputs("<text class=\"tk-label\" x=\"", f);
	num(f, g->x0);
	fputs("\" y=\"", f);
	num(f, y + 14);
	/* A white halo keeps the label readable where it crosses grid lines. */
	fprintf(f, "\" font-size=\"12\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">",
		missing ? MUTED_COLOR : TEXT_COLOR);
	tk_chart_escape(f, c->labels[i]);
	fputs("</text>\n", f);
	/* FILL series share the bar's height; LINE series cross all of it. */
	size_t n_fill = 0, k = 0;
	for (size_t s = 0; s < c->n_series; s++)
		n_fill += c->series[s].mark == TK_CHART_FILL;
	double by = y + 20, bh = n_fill ? BAR_HEIGHT / (double)n_fill : BAR_HEIGHT;
	for (size_t s = 0; s < c->n_series; s++) {
		const tk_chart_series *se = &c->series[s];
		if (!has_value(se, i)) {
			k += se->mark == TK_CHART_FILL;
			continue;
		}
		const char *col = se->colors && se->colors[i] ? se->colors[i] : series_color(c, s);
		double x = bar_x(g, se->values[i]);
		if (se->mark == TK_CHART_FILL) {
			fprintf(f, "<rect class=\"tk-bar tk-series-%zu\" x=\"", s);
			num(f, g->x0);
			fputs("\" y=\"", f);
			num(f, by + bh * (double)k);
			fputs("\" width=\"", f);
			num(f, x - g->x0);
			fputs("\" height=\"", f);
			num(f, bh);
			fprintf(f, "\" fill=\"%s\" fill-opacity=\"0.75\">", col);
			k++;
		} else {
			fprintf(f, "<line class=\"tk-mark tk-series-%zu\" x1=\"", s);
			num(f, x);
			fputs("\" y1=\"", f);
			num(f, by - 4);
			fputs("\" x2=\"", f);
			num(f, x);
			fputs("\" y2=\"", f);
			num(f, by + BAR_HEIGHT + 4);
			fprintf(f, "\" stroke=\"%s\" stroke-width=\"3\">", col);
		}
		point_title(f, c, se, i);
		fputs(se->mark == TK_CHART_FILL ? "</rect>" : "</line>", f);
	}
	fputc('\n', f);
	row_text(f, g, i, by + BAR_HEIGHT - 2);
}

tk_status tk_chart_bars(FILE *f, const tk_chart *c, tk_error *err)
{
	tk_status st = check(c, err);
	if (st)
		return st;
	int w = c->width > 0 ? c->width : TK_CHART_BARS_WIDTH;
	bool named = false;
	for (size_t s = 0; s < c->n_series; s++)
		named |= c->series[s].name != NULL;
	bars g = { c, BAR_PAD, w - 2 * BAR_PAD - BAR_TEXT, 0, 0 };
	if (g.width < 40)
		g.width = 40;
	g.top = (named ? BAR_LEGEND : 0) + BAR_SCALE + 6;
	g.bottom = g.top + BAR_ROW * (double)c->n;
	int h = (int)ceil(g.bottom + BAR_PAD);
	svg_open(f, c, "bars", w, h);
	if (named)
		legend(f, c, BAR_PAD, 12, false);
	bars_grid(f, &g);
	for (size_t i = 0; i < c->n; i++)
		bars_row(f, &g, i);
	return finish(f, err);
}
