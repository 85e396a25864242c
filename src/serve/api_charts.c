/* GET /rounds/{id}/charts: the assessment report's charts alone, for the
 * results screen (issue 6). The screen used to take them from the whole
 * report, whose every fetch is audited as a download; the charts carry
 * nothing the evaluation does not (levels per domain and view), so showing
 * them is a read like the evaluation and is not audited. The report and
 * its download stay audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"
#include "taisaku/report.h"

/* The <figure> elements holding an <svg> of the report html, one after
 * another (figures do not nest in our reports). */
static char *figures(const char *html, size_t len, size_t *out_len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, out_len);
	if (!f)
		return NULL;
	const char *p = html, *end = html + len;
	while (p < end) {
		const char *open = strstr(p, "<figure");
		if (!open)
			break;
		const char *close = strstr(open, "</figure>");
		if (!close)
			break;
		close += strlen("</figure>");
		const char *svg = strstr(open, "<svg");
		if (svg && svg < close)
			fwrite(open, 1, (size_t)(close - open), f);
		p = close;
	}
	if (fclose(f)) {
		free(buf);
		return NULL;
	}
	return buf;
}

void h_charts(req *r)
{
	const char *lang_s = query_arg(r, "lang");
	tk_lang lang = lang_s && strcmp(lang_s, "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
	tk_error err = { 0 };
	tk_assessment *a = NULL;
	tk_evaluation *e = NULL;
	char *html = NULL, *out = NULL;
	size_t len = 0, out_len = 0;
	if (tk_store_round_load(r->s, r->id, serve_resolve, NULL, &a, &err) || tk_evaluate(a, &e, &err)) {
		reply_internal(r, &err);
		goto done;
	}
	FILE *f = open_memstream(&html, &len);
	tk_status rc = f ? tk_report_write_html(e, TK_REPORT_ASSESSMENT, lang, f, &err) : TK_ENOMEM;
	if (f)
		fclose(f);
	if (rc || !(out = figures(html, len, &out_len))) {
		reply_internal(r, &err);
		goto done;
	}
	r->html_report = true; /* the report's CSP: no script at all */
	reply_bytes(r, 200, "text/html; charset=utf-8", out, out_len);
done:
	free(html);
	tk_evaluation_free(e);
	tk_assessment_free(a);
}
