/* The page every report for people shares (report_html.c, the ECOM
 * reports; report_compliance.c, the compliance report): the document head
 * with its strict Content-Security-Policy, the stylesheet for screen and A4
 * print with a running header, and the small blocks every report uses. */
#include <stdio.h>
#include <string.h>

#include "taisaku/chart.h"
#include "report_page.h"

static const char *T(tk_lang lang, const char *ja, const char *en)
{
	return lang == TK_LANG_EN ? en : ja;
}

/* Text that may run over several lines, as the catalog and the assessor
 * wrote it: line breaks are kept. */
void tk_report_esc_lines(FILE *f, const char *s)
{
	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char buf[1024];
		while (n) {
			/* In pieces, so that a long paragraph needs no allocation. */
			size_t k = n < sizeof(buf) - 1 ? n : sizeof(buf) - 1;
			size_t cut = k;
			while (cut < n && cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
				cut--; /* never split a UTF-8 character */
			if (cut > 0)
				k = cut; /* (only broken UTF-8 has no lead byte to cut at) */
			memcpy(buf, s, k);
			buf[k] = '\0';
			tk_chart_escape(f, buf);
			s += k;
			n -= k;
		}
		if (!nl)
			break;
		fputs("<br>", f);
		s = nl + 1;
	}
}

/* A CSS string literal for the running header: quotes and backslashes
 * escaped, and '<' written as an escape so that no text can close the
 * <style> element. */
static void css_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch == '<' || ch == '>' || ch == '&')
			fprintf(f, "\\%x ", ch);
		else if (ch >= 0x20 && ch != 0x7f)
			fputc(ch, f);
		else
			fputc(' ', f);
	}
	fputc('"', f);
}

const char tk_report_style[] =
	":root{--ink:#1d2329;--muted:#5b6670;--line:#c5ccd3;--head:#eef1f4;"
	"--under:#a8201a;--under-bg:#fdeceb;--over:#1f5fa8;--over-bg:#e8f0fb;--met:#27703a;--met-bg:#e7f4ea;"
	"--unknown:#7a5200;--unknown-bg:#fff3d1;--na:#5b6670;--na-bg:#eef0f2}\n"
	"*{box-sizing:border-box}\n"
	"html{font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Kaku Gothic ProN\",\"Hiragino Sans\","
	"\"Yu Gothic\",\"YuGothic\",Meiryo,sans-serif;color:var(--ink);font-size:14px;line-height:1.6;"
	"-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"body{margin:0 auto;max-width:64em;padding:1.5em 2em 4em;background:#fff}\n"
	"h1{font-size:1.9em;margin:.1em 0 .4em;line-height:1.3}"
	"h2{font-size:1.35em;margin:1.8em 0 .6em;padding-bottom:.2em;border-bottom:2px solid var(--ink)}"
	"h3{font-size:1.1em;margin:1.4em 0 .5em;padding-left:.5em;border-left:4px solid var(--over)}"
	"h4{font-size:1em;margin:0}\n"
	"p{margin:.4em 0}.muted{color:var(--muted)}.small{font-size:.86em}\n"
	"a{color:inherit;text-decoration:none}a:hover{text-decoration:underline}\n"
	"table{border-collapse:collapse;margin:.5em 0 1em;width:100%}"
	"th,td{border:1px solid var(--line);padding:.25em .5em;text-align:left;vertical-align:top}"
	"th{background:var(--head);font-weight:600}thead th{white-space:nowrap}"
	"td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
	"td.id{white-space:nowrap;font-variant-numeric:tabular-nums}td.c{text-align:center}td.t{min-width:16em}td.nw{white-space:nowrap}td.owner{min-width:8em}\n"
	"tr.under td{background:var(--under-bg)}td.flag{color:var(--under);font-weight:700;text-align:center}\n"
	".doc-kind{font-size:1.05em;color:var(--muted);margin:0;letter-spacing:.08em}\n"
	"table.meta{width:auto;min-width:24em}table.meta th{white-space:nowrap}\n"
	".cover{display:flow-root}.cover>table.approval{float:right;margin:0 0 1em 1.5em}\n"
	"nav.toc ol{margin:.3em 0;padding-left:1.6em}nav.toc{border:1px solid var(--line);padding:.5em 1em;margin:1em 0}\n"
	".figures{display:flex;gap:1em;flex-wrap:wrap;margin:.6em 0 1em}"
	".figure{border:1px solid var(--line);border-radius:6px;padding:.5em 1em;min-width:9em}"
	".figure .v{font-size:1.8em;font-weight:700;line-height:1.2}.figure .l{color:var(--muted);font-size:.86em}"
	".figure.under .v{color:var(--under)}.figure.ok .v{color:var(--met)}\n"
	".badge{display:inline-block;padding:0 .5em;border-radius:3px;font-size:.86em;white-space:nowrap;border:1px solid}"
	".badge.under{color:var(--under);background:var(--under-bg)}.badge.over{color:var(--over);background:var(--over-bg)}"
	".badge.met{color:var(--met);background:var(--met-bg)}.badge.unknown{color:var(--unknown);background:var(--unknown-bg)}"
	".badge.na,.badge.unassessed{color:var(--na);background:var(--na-bg)}\n"
	".short{display:inline-block;white-space:nowrap;margin-right:.6em}\n"
	"figure{margin:1em 0;break-inside:avoid}figcaption{font-weight:600;margin-bottom:.3em}"
	"svg.tk-chart{max-width:100%;height:auto;display:block}"
	"figure.radar svg{margin:0 auto}\n"
	".legend-note{font-size:.86em;color:var(--muted)}\n"
	"article.req{border:1px solid var(--line);border-radius:6px;margin:.8em 0;padding:.6em .9em}"
	"article.req.under{border-left:6px solid var(--under)}article.req.over{border-left:6px solid var(--over)}"
	"article.req.unknown{border-left:6px solid #d9a300}article.req.met{border-left:6px solid var(--met)}"
	".req-head{display:flex;gap:.6em;align-items:baseline;flex-wrap:wrap;break-after:avoid}"
	".req-head .rid{font-weight:700;font-variant-numeric:tabular-nums}.req-ja{font-size:.86em;color:var(--muted);margin:0}\n"
	"table.ranks{width:auto}table.ranks td{text-align:center;min-width:4.5em}td.short-el{background:var(--under-bg);"
	"color:var(--under);font-weight:700}\n"
	"dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.4em 0}"
	"dl.kv dt{color:var(--muted);white-space:nowrap}dl.kv dd{margin:0}\n"
	"ul.points{list-style:none;padding-left:0;margin:.3em 0;font-size:.92em}ul.points>li{margin:.35em 0}"
	"ul.points ul{margin:.15em 0;padding-left:1.4em;list-style:'・'}"
	".points-title{font-weight:600;margin-top:.6em}.plabel{margin-right:.2em}\n"
	"table.approval{width:auto}table.approval th,table.approval td{text-align:center;width:6.5em}"
	"table.approval th[scope=row]{width:5.5em}table.approval td{height:2.4em}table.approval td.seal{height:6.5em}\n"
	".entry{border:1px solid var(--line);border-radius:6px;margin:.8em 0;padding:.6em .9em;break-inside:avoid}\n"
	"@page{size:A4;margin:18mm 14mm 16mm 14mm;"
	"@bottom-center{content:counter(page) \" / \" counter(pages);font-size:8pt;color:#5b6670}}\n"
	"@media print{html{font-size:9.5pt}body{max-width:none;padding:0}td.t{min-width:15em}"
	"section.major{break-before:page}section.major:first-of-type{break-before:auto}h2,h3,h4,figcaption{break-after:avoid}"
	"tr,.figure,dl.kv,table.ranks,table.approval{break-inside:avoid}nav.toc{display:none}"
	"a:hover{text-decoration:none}}\n";

/* The running header of printed pages: the system, the document and the
 * date, in the page's top margin (CSS paged media margin boxes). */
static void running_header(FILE *f, const char *doc_title, const char *system_name, const char *date)
{
	fputs("@page{@top-left{content:", f);
	css_string(f, system_name);
	fputs(";font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",Meiryo,sans-serif;"
		"font-size:8pt;color:#5b6670}@top-right{content:", f);
	char right[256];
	snprintf(right, sizeof(right), "%s%s%s", doc_title, date ? "  " : "", date ? date : "");
	css_string(f, right);
	fputs(";font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",Meiryo,sans-serif;"
		"font-size:8pt;color:#5b6670}}\n", f);
}

void tk_report_page_open(FILE *f, tk_lang lang, const char *doc_title, const char *system_name,
	const char *date, const char *extra_css)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		lang == TK_LANG_EN ? "en" : "ja");
	tk_chart_escape(f, doc_title);
	fputs(" — ", f);
	tk_chart_escape(f, system_name);
	if (date) {
		fputs(" (", f);
		tk_chart_escape(f, date);
		fputs(")", f);
	}
	fprintf(f, "</title>\n<style>\n%s", tk_report_style);
	if (extra_css)
		fputs(extra_css, f);
	running_header(f, doc_title, system_name, date);
	fputs("</style>\n</head>\n<body>\n", f);
}

void tk_report_meta_row(FILE *f, tk_lang lang, const char *ja, const char *en, const char *value)
{
	if (!value)
		return;
	fprintf(f, "<tr><th scope=row>%s</th><td>", T(lang, ja, en));
	tk_chart_escape(f, value);
	fputs("</td></tr>\n", f);
}

/* 作成者 / 確認者 / 承認者, with name, date and seal cells left empty to
 * be filled in on paper: management's approval is what completes the plan
 * (§5.2.1.5). */
void tk_report_approval_block(FILE *f, tk_lang lang)
{
	fprintf(f, "<table class=approval aria-label=\"%s\">\n<tr><th></th><th scope=col>%s</th><th scope=col>%s</th>"
		"<th scope=col>%s</th></tr>\n", T(lang, "承認欄", "Approval"), T(lang, "作成者", "Prepared by"),
		T(lang, "確認者", "Reviewed by"), T(lang, "承認者", "Approved by"));
	fprintf(f, "<tr><th scope=row>%s</th><td></td><td></td><td></td></tr>\n", T(lang, "所属・氏名", "Name"));
	fprintf(f, "<tr><th scope=row>%s</th><td></td><td></td><td></td></tr>\n", T(lang, "日付", "Date"));
	fprintf(f, "<tr><th scope=row>%s</th><td class=seal></td><td class=seal></td><td class=seal></td></tr>\n"
		"</table>\n", T(lang, "印", "Seal / signature"));
}

void tk_report_toc(FILE *f, tk_lang lang, const char *const *ids, const char *const *names, size_t n)
{
	fprintf(f, "<nav class=toc><strong>%s</strong><ol>", T(lang, "目次", "Contents"));
	for (size_t k = 0; k < n; k++)
		fprintf(f, "<li><a href=\"#%s\">%s</a></li>", ids[k], names[k]);
	fputs("</ol></nav>\n", f);
}

void tk_report_section_open(FILE *f, const char *id, int number, const char *name)
{
	fprintf(f, "<section class=major id=\"%s\">\n<h2>%d. ", id, number);
	tk_chart_escape(f, name);
	fputs("</h2>\n", f);
}
