/* The defense system security implementation plan (システムセキュリティ実装計画書,
 * seed 000 第2) from a compliance assessment of atla-ssr
 * (include/taisaku/ssp.h), on the page skeleton every report shares.
 *
 * Its parts follow 第2 第1項: (1) the plan proves that the protected system
 * meets the standard; (2) it is prepared by the 保護システム管理者 and
 * approved by the 経営者等 through the 総括者, and it writes in or attaches
 * the documents ア–コ (①–⑩ on the slide). The slide puts 「保護システムに
 * 関連するすべての具体的な実施状況・内容」 in the plan (記載) and the documents
 * beside it as 「記載の根拠又は補足」: here the documents come first, with
 * their attachments, then the implementation of every section and item.
 * Deterministic: the only date in it is the assessment's own. */
#include <string.h>

#include "taisaku/chart.h"
#include "taisaku/ssp.h"
#include "report_compliance.h"
#include "report_page.h"

typedef struct sw {
	FILE *f;
	tk_lang lang;
	const tk_compliance_result *r;
	const tk_compliance *a;
	const tk_catalog *c;
	size_t first_doc, n_docs;  /* the plan's documents: catalog items [first_doc, first_doc + n_docs) */
} sw;

static const char EXTRA_CSS[] =
	"td.missing{color:var(--under);font-weight:700}tr.missing td{background:var(--under-bg)}"
	"td.check{min-width:7em}td.ev{min-width:9em}td.note{min-width:9em}\n"
	"table.chain th,table.chain td{text-align:center}table.chain td.seal{height:5em}"
	"table.chain td.via{color:var(--muted)}\n"
	"blockquote{margin:.5em 0;padding:.3em .8em;border-left:3px solid var(--line);color:var(--muted)}\n";

/* The slide's numbers of the documents ア–コ. */
static const char *const CIRCLED[] = { "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩",
	"⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳" };
#define N_CIRCLED (sizeof(CIRCLED) / sizeof(*CIRCLED))
/* The text's labels of the same documents (第2 第1項第2号 ア–コ). */
static const char *const IROHA[] = { "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ" };
#define N_IROHA (sizeof(IROHA) / sizeof(*IROHA))
/* On the slide ①–⑦ are written in the plan (記載) and ⑧–⑩ attached (添付). */
#define N_WRITTEN_IN 7

static const char *T(const sw *w, const char *ja, const char *en)
{
	return w->lang == TK_LANG_EN ? en : ja;
}

static void esc(const sw *w, const char *s)
{
	tk_chart_escape(w->f, s);
}

/* The plan's documents: the items right after S2.1.2 whose IDs continue
 * it ("S2.1.2.a" …). False when the catalog has no such item. */
static bool find_documents(const tk_catalog *c, size_t *first, size_t *n)
{
	const tk_requirement *q = tk_catalog_requirement(c, TK_SSP_DOCUMENTS_ITEM);
	if (!q)
		return false;
	size_t i = (size_t)(q - c->requirements) + 1, len = strlen(TK_SSP_DOCUMENTS_ITEM);
	*first = i;
	while (i < c->n_requirements && strncmp(c->requirements[i].id, TK_SSP_DOCUMENTS_ITEM, len) == 0 &&
	       c->requirements[i].id[len] == '.')
		i++;
	*n = i - *first;
	return *n > 0;
}

/* A document is in place when its item is implemented and the assessment
 * names at least one attachment for it. */
static bool document_missing(const tk_compliance_item *it)
{
	return it->status != TK_CS_IMPLEMENTED || it->n_evidence == 0;
}

int tk_ssp_missing(const tk_compliance *c)
{
	size_t first, n;
	if (!find_documents(c->catalog, &first, &n))
		return -1;
	int missing = 0;
	for (size_t i = first; i < first + n; i++)
		missing += document_missing(&c->items[i]);
	return missing;
}

static const char *document_name(const tk_requirement *q)
{
	return q->documents_ja.n ? q->documents_ja.v[0] : q->title_ja;
}

static void cover(const sw *w)
{
	const tk_compliance *a = w->a;
	const char *company = tk_compliance_role(a, "防衛関連企業");
	fputs("<header class=cover>\n<div>\n<p class=doc-kind>", w->f);
	esc(w, T(w, "情報セキュリティ基準 第2", "Defense information security standard, 第2"));
	fputs("</p>\n<h1>システムセキュリティ実装計画書</h1>\n<table class=meta>\n", w->f);
	tk_report_meta_row(w->f, w->lang, "防衛関連企業", "Defense contractor", company ? company : a->organization);
	tk_report_meta_row(w->f, w->lang, "保護システム", "Protected system", a->system_name);
	tk_report_meta_row(w->f, w->lang, "作成日", "Date", a->date);
	tk_report_meta_row(w->f, w->lang, "記入者", "Written by", a->assessor);
	fprintf(w->f, "<tr><th scope=row>%s</th><td>", T(w, "基準", "Standard"));
	esc(w, w->c->title_ja);
	fputs("</td></tr>\n</table>\n</div>\n</header>\n", w->f);
}

/* One approver of the chain: the role as printed, the organisation's
 * title from roles:, or a flag when it gave none. */
static void chain_name(const sw *w, const char *role, bool *missing)
{
	const char *name = tk_compliance_role(w->a, role);
	if (name) {
		fputs("<td>", w->f);
		esc(w, name);
	} else {
		*missing = true;
		fprintf(w->f, "<td class=missing>%s", T(w, "未設定", "not set"));
	}
	fputs("</td>", w->f);
}

/* 第2 第1項第2号: 保護システム管理者が作成し、総括者を通じて経営者等の承認を得る. */
static void approval_chain(const sw *w, int number)
{
	static const char *const ROLES[] = { "保護システム管理者", "総括者", "経営者等" };
	const tk_requirement *q = tk_catalog_requirement(w->c, TK_SSP_DOCUMENTS_ITEM);
	tk_report_section_open(w->f, "approval", number, T(w, "作成と承認", "Preparation and approval"));
	if (q && q->purpose_ja) {
		fputs("<blockquote>", w->f);
		esc(w, q->purpose_ja);
		fputs("（第2 第1項第2号）</blockquote>\n", w->f);
	}
	fprintf(w->f, "<table class=chain><thead><tr><th></th><th scope=col>%s</th><th scope=col>%s</th>"
		"<th scope=col>%s</th></tr></thead><tbody>\n<tr><th scope=row>%s</th>",
		T(w, "作成", "Prepared by"), T(w, "経由", "Through"), T(w, "承認", "Approved by"), T(w, "役割", "Role"));
	for (size_t k = 0; k < 3; k++) {
		fputs("<td>", w->f);
		esc(w, ROLES[k]);
		fputs("</td>", w->f);
	}
	fprintf(w->f, "</tr>\n<tr><th scope=row>%s</th>", T(w, "担当", "Name"));
	bool missing = false;
	for (size_t k = 0; k < 3; k++)
		chain_name(w, ROLES[k], &missing);
	fprintf(w->f, "</tr>\n<tr><th scope=row>%s</th><td></td><td></td><td></td></tr>\n"
		"<tr><th scope=row>%s</th><td class=seal></td><td class=seal></td><td class=seal></td></tr>\n</tbody></table>\n",
		T(w, "日付", "Date"), T(w, "印", "Seal / signature"));
	if (missing)
		fprintf(w->f, "<p class=\"badge under\">%s</p>\n", T(w,
			"担当が決まっていない役割があります。評価シートの roles: に書いてください。",
			"A role in the chain has no name: give it under roles: in the assessment."));
	fputs("</section>\n", w->f);
}

/* Why a document is flagged, or NULL when it is in place. */
static const char *missing_reason(const sw *w, const tk_compliance_item *it)
{
	if (it->status == TK_CS_IMPLEMENTED && it->n_evidence)
		return NULL;
	if (it->status == TK_CS_IMPLEMENTED)
		return T(w, "欠落: 添付がありません", "missing: nothing attached");
	if (it->status == TK_CS_PARTIAL)
		return it->n_evidence ? T(w, "不完全: 一部のみ整備", "incomplete: partly in place")
			: T(w, "欠落: 一部のみ整備、添付がありません", "missing: partly in place, nothing attached");
	if (it->status == TK_CS_NA)
		return T(w, "欠落: 対象外とされています", "missing: marked not applicable");
	return T(w, "欠落: 整備されていません", "missing: not in place");
}

static void documents(const sw *w, int number)
{
	tk_report_section_open(w->f, "documents", number, T(w, "記載又は添付する文書", "Documents written in or attached"));
	int missing = tk_ssp_missing(w->a);
	fprintf(w->f, "<div class=figures><div class=\"figure%s\"><div class=l>%s</div><div class=v>%d / %zu</div></div></div>\n",
		missing ? " under" : " ok", T(w, "欠落・不完全な文書", "Documents missing or incomplete"), missing, w->n_docs);
	fprintf(w->f, "<p class=legend-note>%s</p>\n", T(w,
		"第2 第1項第2号 ア〜コ（図の①〜⑩）。添付は各項目の根拠（evidence）です。図では①〜⑦を計画書に記載、"
		"⑧〜⑩を記載の根拠又は補足として添付としています。実施済みで添付のあるもの以外を欠落・不完全として示します。",
		"第2 第1項第2号 ア–コ (①–⑩ on the slide). The attachments are each item's evidence. The slide writes ①–⑦ "
		"in the plan and attaches ⑧–⑩ as grounds or supplements. Anything but implemented with an attachment is "
		"flagged missing or incomplete."));
	fprintf(w->f, "<table><thead><tr><th>No.</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		"</tr></thead><tbody>\n", T(w, "文書", "Document"), T(w, "区分（図）", "On the slide"), T(w, "状態", "Status"),
		T(w, "添付", "Attachments"), T(w, "備考", "Note"), T(w, "確認", "Check"));
	for (size_t k = 0; k < w->n_docs; k++) {
		size_t i = w->first_doc + k;
		const tk_requirement *q = &w->c->requirements[i];
		const tk_compliance_item *it = &w->a->items[i];
		const char *why = missing_reason(w, it);
		fprintf(w->f, "<tr id=\"d-%zu\"%s><td class=nw>%s%s%s%s</td><td class=t>", k + 1, why ? " class=missing" : "",
			k < N_CIRCLED ? CIRCLED[k] : "", k < N_IROHA && w->n_docs == N_IROHA ? "（" : "",
			k < N_IROHA && w->n_docs == N_IROHA ? IROHA[k] : "", k < N_IROHA && w->n_docs == N_IROHA ? "）" : "");
		esc(w, document_name(q));
		fputs("<br><span class=\"muted small\">", w->f);
		esc(w, q->purpose_ja ? q->purpose_ja : q->title_ja);
		fputs("</span></td><td class=nw>", w->f);
		if (w->n_docs == N_IROHA)
			fputs(k < N_WRITTEN_IN ? T(w, "記載", "written in") : T(w, "添付", "attached"), w->f);
		fputs("</td><td class=nw>", w->f);
		tk_report_status_badge(w->f, it->status, w->lang);
		fputs("</td><td class=ev>", w->f);
		tk_report_evidence_list(w->f, it);
		fputs("</td><td class=note>", w->f);
		tk_report_esc_lines(w->f, it->status == TK_CS_NA ? it->reason : it->note);
		fprintf(w->f, "</td><td class=\"check %s\">%s</td></tr>\n", why ? "missing" : "c", why ? why : "✓");
	}
	fputs("</tbody></table>\n</section>\n", w->f);
}

static void action_text(const sw *w, const tk_compliance_item *it)
{
	if (!it->has_action)
		return;
	fputs("<br><span class=small>", w->f);
	fputs(T(w, "対応: ", "Action: "), w->f);
	esc(w, it->action.content);
	if (it->action.due) {
		fputs(T(w, "（期限 ", " (due "), w->f);
		esc(w, it->action.due);
		fputs(T(w, "）", ")"), w->f);
	}
	if (it->action.owner) {
		fputs(T(w, " 担当 ", ", owner "), w->f);
		esc(w, it->action.owner);
	}
	fputs("</span>", w->f);
}

/* 「保護システムに関連するすべての具体的な実施状況・内容」: every section and
 * item of the standard with its status, note and evidence. */
static void implementation(const sw *w, int number)
{
	const tk_catalog *c = w->c;
	tk_report_section_open(w->f, "implementation", number,
		T(w, "保護システムに関連するすべての具体的な実施状況・内容", "Implementation of every requirement"));
	char buf[16];
	fprintf(w->f, "<p>%s <strong>%s</strong></p>\n", T(w, "準拠率（全体）:", "Compliance (overall):"),
		tk_compliance_percent(w->r->overall.compliance, buf, sizeof(buf)));
	for (size_t v = 0; v < c->n_views; v++) {
		const tk_view *vw = &c->views[v];
		fputs("<h3>", w->f);
		esc(w, vw->id);
		fputs(" ", w->f);
		esc(w, vw->title_ja);
		fprintf(w->f, " <span class=muted>%s</span></h3>\n",
			tk_compliance_percent(w->r->views[v].compliance, buf, sizeof(buf)));
		for (uint32_t d = vw->first_domain; d < vw->first_domain + vw->n_domains; d++) {
			const tk_domain *dom = &c->domains[d];
			fputs("<h4>", w->f);
			esc(w, dom->id);
			fputs(" ", w->f);
			esc(w, dom->title_ja);
			fprintf(w->f, " <span class=muted>%s</span></h4>\n",
				tk_compliance_percent(w->r->sections[d].compliance, buf, sizeof(buf)));
			fprintf(w->f, "<table><thead><tr><th>ID</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
				T(w, "項目", "Item"), T(w, "状態", "Status"), T(w, "実施状況・内容", "Implementation"),
				T(w, "根拠", "Evidence"));
			for (uint32_t i = dom->first_requirement; i < dom->first_requirement + dom->n_requirements; i++) {
				const tk_requirement *q = &c->requirements[i];
				const tk_compliance_item *it = &w->a->items[i];
				fputs("<tr id=\"i-", w->f);
				esc(w, q->id);
				fputs("\"><td class=id>", w->f);
				esc(w, q->id);
				fputs("</td><td class=t>", w->f);
				esc(w, q->title_ja);
				if (q->role_ja) {
					const char *mine = tk_compliance_role(w->a, q->role_ja);
					fprintf(w->f, "<br><span class=\"muted small\">%s: ", T(w, "担当", "Role"));
					esc(w, mine ? mine : q->role_ja);
					fputs("</span>", w->f);
				}
				fputs("</td><td class=nw>", w->f);
				tk_report_status_badge(w->f, it->status, w->lang);
				fputs("</td><td>", w->f);
				tk_report_esc_lines(w->f, it->status == TK_CS_NA ? it->reason : it->note);
				action_text(w, it);
				fputs("</td><td>", w->f);
				tk_report_evidence_list(w->f, it);
				fputs("</td></tr>\n", w->f);
			}
			fputs("</tbody></table>\n", w->f);
		}
	}
	fputs("</section>\n", w->f);
}

tk_status tk_ssp_write_html(const tk_compliance_result *r, tk_lang lang, FILE *out, tk_error *err)
{
	sw w = { .f = out, .lang = lang, .r = r, .a = r->assessment, .c = r->assessment->catalog };
	if (!find_documents(w.c, &w.first_doc, &w.n_docs))
		return tk_error_set(err, TK_EINPUT, w.a->path, 0, 0, "catalog",
			"カタログ %s にはシステムセキュリティ実装計画書の文書の項目（%s.a …）がありません（atla-ssr の評価を指定してください）",
			"the catalog %s has no items for the documents of the system security implementation plan (%s.a …); "
			"give an assessment of atla-ssr", w.c->id, TK_SSP_DOCUMENTS_ITEM);
	char css[1024];
	snprintf(css, sizeof(css), "%s%s", tk_report_status_css, EXTRA_CSS);
	tk_report_page_open(out, lang, "システムセキュリティ実装計画書", w.a->system_name, w.a->date, css);
	cover(&w);
	const char *ids[] = { "approval", "documents", "implementation" };
	const char *names[] = { T(&w, "作成と承認", "Preparation and approval"),
		T(&w, "記載又は添付する文書", "Documents written in or attached"),
		T(&w, "保護システムに関連するすべての具体的な実施状況・内容", "Implementation of every requirement") };
	tk_report_toc(out, lang, ids, names, 3);
	approval_chain(&w, 1);
	documents(&w, 2);
	implementation(&w, 3);
	fputs("</body>\n</html>\n", out);
	if (ferror(out))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "書き出せません", "cannot write");
	return TK_OK;
}
