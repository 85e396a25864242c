/* The SVG charts of include/taisaku/chart.h: every chart is well-formed XML
 * (parsed with expat, any error fails), the radar's geometry is the one the
 * header documents, missing values are never drawn as zero, and labels are
 * escaped. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "taisaku/chart.h"
#include "testutil.h"

/* ---- writing a chart to memory ---- */

typedef tk_status (*chart_fn)(FILE *, const tk_chart *, tk_error *);

static char *render(chart_fn fn, const tk_chart *c, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_non_null(f);
	tk_error err = { 0 };
	assert_int_equal(fn(f, c, &err), TK_OK);
	assert_int_equal(fclose(f), 0);
	if (len)
		*len = n;
	return buf;
}

/* ---- what the parser saw ---- */

#define MAX_SEEN 512

typedef struct elem {
	char name[16];
	char cls[64];
	char *points;     /* polygon and polyline */
	double cx, cy;    /* circles */
	int series;       /* the tk-series-N group it is in, -1 outside */
} elem;

typedef struct seen {
	size_t n;
	elem v[MAX_SEEN];
	int series;       /* the current series group */
	char text[4096];  /* all character data, concatenated */
	size_t text_len;
} seen;

static const char *attr(const XML_Char **a, const char *name)
{
	for (size_t k = 0; a[k]; k += 2)
		if (strcmp(a[k], name) == 0)
			return a[k + 1];
	return NULL;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	seen *s = ud;
	const char *cls = attr(a, "class");
	if (strcmp(name, "g") == 0 && cls && strstr(cls, "tk-series-"))
		s->series = atoi(strstr(cls, "tk-series-") + strlen("tk-series-"));
	assert_true(s->n < MAX_SEEN);
	elem *e = &s->v[s->n++];
	memset(e, 0, sizeof(*e));
	snprintf(e->name, sizeof(e->name), "%s", name);
	snprintf(e->cls, sizeof(e->cls), "%s", cls ? cls : "");
	e->series = s->series;
	if (attr(a, "points"))
		e->points = strdup(attr(a, "points"));
	if (strcmp(name, "circle") == 0) {
		e->cx = atof(attr(a, "cx"));
		e->cy = atof(attr(a, "cy"));
	}
	/* Every number the chart writes is finite: no "nan", no "inf". */
	for (size_t k = 0; a[k]; k += 2) {
		assert_null(strstr(a[k + 1], "nan"));
		assert_null(strstr(a[k + 1], "inf"));
	}
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	seen *s = ud;
	if (strcmp(name, "g") == 0)
		s->series = -1;
}

static void XMLCALL on_text(void *ud, const XML_Char *t, int len)
{
	seen *s = ud;
	if (s->text_len + (size_t)len < sizeof(s->text)) {
		memcpy(s->text + s->text_len, t, (size_t)len);
		s->text_len += (size_t)len;
		s->text[s->text_len] = '\0';
	}
}

/* Parses the SVG; any XML error fails the test with expat's message. */
static void parse(const char *svg, size_t len, seen *s)
{
	memset(s, 0, sizeof(*s));
	s->series = -1;
	XML_Parser p = XML_ParserCreate("UTF-8");
	assert_non_null(p);
	XML_SetUserData(p, s);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	if (XML_Parse(p, svg, (int)len, 1) != XML_STATUS_OK) {
		print_error("not well-formed XML: %s at line %lu, column %lu\n%s\n",
			XML_ErrorString(XML_GetErrorCode(p)), (unsigned long)XML_GetCurrentLineNumber(p),
			(unsigned long)XML_GetCurrentColumnNumber(p), svg);
		XML_ParserFree(p);
		fail();
	}
	XML_ParserFree(p);
}

static void seen_free(seen *s)
{
	for (size_t k = 0; k < s->n; k++)
		free(s->v[k].points);
}

static size_t count(const seen *s, const char *name, const char *cls, int series)
{
	size_t n = 0;
	for (size_t k = 0; k < s->n; k++)
		n += strcmp(s->v[k].name, name) == 0 && (!cls || strstr(s->v[k].cls, cls)) &&
		     (series < -1 || s->v[k].series == series);
	return n;
}

static const elem *find(const seen *s, const char *name, int series)
{
	for (size_t k = 0; k < s->n; k++)
		if (strcmp(s->v[k].name, name) == 0 && s->v[k].series == series)
			return &s->v[k];
	return NULL;
}

/* Point i of a "x,y x,y ..." list. */
static void point_at(const char *points, size_t i, double *x, double *y)
{
	const char *p = points;
	for (size_t k = 0; k < i; k++) {
		p = strchr(p, ' ');
		assert_non_null(p);
		p++;
	}
	assert_int_equal(sscanf(p, "%lf,%lf", x, y), 2);
}

/* The documented geometry (chart.h), computed here independently. */
static void expected_xy(const tk_chart *c, size_t i, double v, double *x, double *y)
{
	int w = c->width ? c->width : TK_CHART_RADAR_WIDTH, h = c->height ? c->height : TK_CHART_RADAR_HEIGHT;
	double cx = w / 2.0, cy = h / 2.0, R = (w < h ? w : h) / 2.0 - TK_CHART_RADAR_MARGIN;
	double r = R * (v - c->min) / (c->max - c->min), th = 2 * M_PI * (double)i / (double)c->n;
	*x = cx + r * sin(th);
	*y = cy - r * cos(th);
}

/* ---- the ECOM shape: 30 domains, levels against targets ---- */

#define N30 30

static const char *labels30[N30];
static char label_buf[N30][8];
static double levels30[N30], targets30[N30];

static tk_chart chart30(tk_chart_series *s)
{
	for (size_t i = 0; i < N30; i++) {
		snprintf(label_buf[i], sizeof(label_buf[i]), "D%zu", i + 1);
		labels30[i] = label_buf[i];
		targets30[i] = 3;
		levels30[i] = 1 + (double)(i % 5);
	}
	s[0] = (tk_chart_series){ .name = "達成レベル", .values = levels30, .mark = TK_CHART_FILL };
	s[1] = (tk_chart_series){ .name = "目標", .values = targets30, .mark = TK_CHART_LINE };
	return (tk_chart){ .n = N30, .labels = labels30, .n_series = 2, .series = s, .min = 0, .max = 5,
		.title = "ドメイン" };
}

static void radar_is_well_formed_with_one_axis_per_value(void **state)
{
	(void)state;
	tk_chart_series s[2];
	tk_chart c = chart30(s);
	size_t len;
	char *svg = render(tk_chart_radar, &c, &len);
	seen sn;
	parse(svg, len, &sn);
	assert_string_equal(sn.v[0].name, "svg");
	assert_int_equal(count(&sn, "line", "tk-axis", -2), N30);
	assert_int_equal(count(&sn, "text", "tk-label", -2), N30);
	assert_int_equal(count(&sn, "polygon", "tk-ring", -2), 5); /* rings at 1..5 */
	assert_int_equal(count(&sn, "polygon", NULL, 0), 1);
	assert_int_equal(count(&sn, "polygon", NULL, 1), 1);
	assert_int_equal(count(&sn, "circle", "tk-point", 0), N30);
	seen_free(&sn);
	free(svg);
}

/* A requirement at its target: the achieved polygon's point on that axis is
 * where the geometry says, and the same as the target's. */
static void value_at_target_is_at_the_expected_point(void **state)
{
	(void)state;
	tk_chart_series s[2];
	tk_chart c = chart30(s);
	size_t len;
	char *svg = render(tk_chart_radar, &c, &len);
	seen sn;
	parse(svg, len, &sn);
	const elem *achieved = find(&sn, "polygon", 0), *target = find(&sn, "polygon", 1);
	assert_non_null(achieved);
	assert_non_null(target);
	for (size_t i = 0; i < N30; i++) {
		double x, y, ex, ey;
		expected_xy(&c, i, levels30[i], &ex, &ey);
		point_at(achieved->points, i, &x, &y);
		assert_true(fabs(x - ex) < 0.006 && fabs(y - ey) < 0.006);
		if (levels30[i] == targets30[i]) {
			double tx, ty;
			point_at(target->points, i, &tx, &ty);
			assert_true(fabs(tx - x) < 1e-9 && fabs(ty - y) < 1e-9);
		}
	}
	/* Axis 2 has level 3 = its target: straight up is axis 0, so axis 2
	 * of 30 is 24° clockwise, at r = 230 · 3/5 = 138 from (320, 300). */
	double x, y;
	point_at(achieved->points, 2, &x, &y);
	assert_true(fabs(x - (320 + 138 * sin(24 * M_PI / 180))) < 0.006);
	assert_true(fabs(y - (300 - 138 * cos(24 * M_PI / 180))) < 0.006);
	seen_free(&sn);
	free(svg);
}

/* Values beyond the scale are clamped to its ends, not drawn off the chart. */
static void values_outside_the_scale_are_clamped(void **state)
{
	(void)state;
	static const char *const labels[] = { "a", "b", "c" };
	static const double v[] = { -2, 9, 2.5 };
	tk_chart_series s = { .values = v };
	tk_chart c = { .n = 3, .labels = labels, .n_series = 1, .series = &s, .min = 0, .max = 5 };
	size_t len;
	char *svg = render(tk_chart_radar, &c, &len);
	seen sn;
	parse(svg, len, &sn);
	const elem *poly = find(&sn, "polygon", 0);
	assert_non_null(poly);
	double x, y, ex, ey;
	point_at(poly->points, 0, &x, &y);
	expected_xy(&c, 0, 0, &ex, &ey);
	assert_true(fabs(x - ex) < 0.006 && fabs(y - ey) < 0.006);
	point_at(poly->points, 1, &x, &y);
	expected_xy(&c, 1, 5, &ex, &ey);
	assert_true(fabs(x - ex) < 0.006 && fabs(y - ey) < 0.006);
	seen_free(&sn);
	free(svg);
}

/* A missing value (NaN) breaks the polygon into open lines and gets no
 * point: it is never drawn at the centre as if it were 0. */
static void missing_values_are_not_drawn(void **state)
{
	(void)state;
	tk_chart_series s[2];
	tk_chart c = chart30(s);
	levels30[4] = NAN;
	levels30[17] = NAN;
	size_t len;
	char *svg = render(tk_chart_radar, &c, &len);
	seen sn;
	parse(svg, len, &sn);
	assert_int_equal(count(&sn, "polygon", NULL, 0), 0);
	assert_int_equal(count(&sn, "polyline", NULL, 0), 2); /* 5..16 and 18..3 */
	assert_int_equal(count(&sn, "circle", "tk-point", 0), N30 - 2);
	assert_int_equal(count(&sn, "polygon", NULL, 1), 1); /* the target is whole */
	double cx = TK_CHART_RADAR_WIDTH / 2.0, cy = TK_CHART_RADAR_HEIGHT / 2.0;
	for (size_t k = 0; k < sn.n; k++)
		if (sn.v[k].series == 0 && strcmp(sn.v[k].name, "circle") == 0)
			assert_false(fabs(sn.v[k].cx - cx) < 0.01 && fabs(sn.v[k].cy - cy) < 0.01);
	assert_null(strstr(svg, "nan"));
	seen_free(&sn);
	free(svg);

	/* Nothing at all: the frame, no series shape, still well-formed. */
	for (size_t i = 0; i < N30; i++)
		levels30[i] = NAN;
	svg = render(tk_chart_radar, &c, &len);
	parse(svg, len, &sn);
	assert_int_equal(count(&sn, "polygon", NULL, 0) + count(&sn, "polyline", NULL, 0), 0);
	assert_int_equal(count(&sn, "circle", NULL, 0), 0);
	assert_int_equal(count(&sn, "line", "tk-axis", -2), N30);
	seen_free(&sn);
	free(svg);
}

static void labels_are_escaped(void **state)
{
	(void)state;
	static const char *const labels[] = { "<script>alert(1)</script>", "A&B \"q\" 'a'", "制御\x01文字", "日本語" };
	static const double v[] = { 1, 2, 3, 4 };
	static const char *const texts[] = { "1.0", "<2>", "3.0", "4.0" };
	tk_chart_series s = { .name = "</svg>&", .values = v, .texts = texts };
	tk_chart c = { .n = 4, .labels = labels, .n_series = 1, .series = &s, .min = 0, .max = 5,
		.title = "<title>" };
	chart_fn fns[] = { tk_chart_radar, tk_chart_bars };
	for (size_t k = 0; k < 2; k++) {
		size_t len;
		char *svg = render(fns[k], &c, &len);
		seen sn;
		parse(svg, len, &sn);
		assert_null(strstr(svg, "<script"));
		assert_null(strstr(svg, "\x01"));
		/* The parser gives the labels back as they were (less the control). */
		assert_non_null(strstr(sn.text, "<script>alert(1)</script>"));
		assert_non_null(strstr(sn.text, "A&B \"q\" 'a'"));
		assert_non_null(strstr(sn.text, "制御文字"));
		assert_non_null(strstr(sn.text, "</svg>&"));
		assert_int_equal(count(&sn, "svg", NULL, -2), 1);
		seen_free(&sn);
		free(svg);
	}
}

static void bars_one_row_per_value(void **state)
{
	(void)state;
	static const char *const labels[] = { "Ma1 セキュリティマネジメント環境の整備", "Ma2", "Ba1" };
	static const double lv[] = { 2.8, NAN, 3.5 }, tg[] = { 3, 3, 3 };
	static const char *const colors[] = { "#d0533f", NULL, NULL };
	tk_chart_series s[2] = {
		{ .name = "達成レベル", .values = lv, .colors = colors, .mark = TK_CHART_FILL, .color = "#1f5fa8" },
		{ .name = "目標", .values = tg, .mark = TK_CHART_LINE },
	};
	tk_chart c = { .n = 3, .labels = labels, .n_series = 2, .series = s, .min = 0, .max = 5,
		.missing_text = "評価なし" };
	size_t len;
	char *svg = render(tk_chart_bars, &c, &len);
	seen sn;
	parse(svg, len, &sn);
	assert_int_equal(count(&sn, "rect", "tk-bar", -2), 2); /* no bar for the missing value */
	assert_int_equal(count(&sn, "line", "tk-mark", -2), 3);
	assert_int_equal(count(&sn, "text", "tk-label", -2), 3);
	assert_non_null(strstr(sn.text, "評価なし"));
	assert_non_null(strstr(svg, "fill=\"#d0533f\""));
	assert_non_null(strstr(svg, "fill=\"#1f5fa8\""));
	seen_free(&sn);
	free(svg);
}

static void output_is_deterministic(void **state)
{
	(void)state;
	tk_chart_series s[2];
	tk_chart c = chart30(s);
	size_t l1, l2;
	char *a = render(tk_chart_radar, &c, &l1), *b = render(tk_chart_radar, &c, &l2);
	assert_int_equal(l1, l2);
	assert_memory_equal(a, b, l1);
	free(a);
	free(b);
}

static void a_bad_scale_is_an_error(void **state)
{
	(void)state;
	static const char *const labels[] = { "a" };
	static const double v[] = { 1 };
	tk_chart_series s = { .values = v };
	tk_chart c = { .n = 1, .labels = labels, .n_series = 1, .series = &s, .min = 5, .max = 5 };
	tk_error err = { 0 };
	FILE *f = fopen("/dev/null", "w");
	assert_non_null(f);
	assert_int_equal(tk_chart_radar(f, &c, &err), TK_EINPUT);
	assert_int_equal(tk_chart_bars(f, &c, &err), TK_EINPUT);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(radar_is_well_formed_with_one_axis_per_value),
		cmocka_unit_test(value_at_target_is_at_the_expected_point),
		cmocka_unit_test(values_outside_the_scale_are_clamped),
		cmocka_unit_test(missing_values_are_not_drawn),
		cmocka_unit_test(labels_are_escaped),
		cmocka_unit_test(bars_one_row_per_value),
		cmocka_unit_test(output_is_deterministic),
		cmocka_unit_test(a_bad_scale_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
