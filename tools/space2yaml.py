#!/usr/bin/env python3
"""Convert the sample information security rules for private space operators
into catalogs/space-rules.yaml.

Developer tool: the committed YAML is what taisaku reads.  This script
documents, and makes reproducible, how the YAML was obtained from the seed
(``seeds/003_3404daed23a594b7.txt``, a text extraction of 「民間宇宙事業者向けの
情報セキュリティ関連規程のサンプル」, 第 8 回宇宙産業 SWG 参考資料４, based on
appendix 5 of IPA's 「中小企業の情報セキュリティ対策ガイドライン」).

Usage:
    python3 tools/space2yaml.py [--seed PATH] [--out PATH] [--dump LINES]

How the seed is read
--------------------
The sample is a set of company rules in eleven chapters (章, "1 組織的対策" …
"11 テレワークにおける対策"), each numbered "1.", "2." … (sections) with
subsections "1.1", "1.4.1".  Inside, rules are paragraphs, ⚫ bullets (some
with ➢ sub-bullets), ①② step lists and tables.  A checklist (9-1) follows
chapter 9, and an annex maps the chapters to NIST CSF 2.0 categories.

    chapter  N            -> view    CN
    section  N.           -> domain  CN-S
    the text of a (sub)section before its first bullet
                          -> requirement CN.S[.s[.t]]        (title: the printed heading)
    each further paragraph, ⚫ bullet or table row
                          -> requirement CN.S[.s[.t]]-k       (k counts in printed order)
    a ⚫ bullet under a bullet or paragraph that introduces a list
    (「以下を遵守する。」, 「以下を設置する。」)
                          -> requirement CN.S[.s]-ka, -kb …
    ➢ sub-bullets, ①② steps, table cells
                          -> points of the requirement they belong to
    checklist 9-1         -> view CL, domains CL-1 … CL-6 (its 区分), requirements CL.1 … CL.24,
                             and CL-N / CL.N2 for its note 2 (a rule); its note 1 is the view's purpose
    annex (NIST CSF 2.0)  -> notes "NIST CSF 2.0: XX.YY" on the views (the annex maps whole chapters)

The IDs cannot collide: views are C<digits> or CL, domains contain "-" but no
".", requirements contain ".".

Every requirement is given below as seed line ranges (and, where one printed
paragraph holds several rules, the sentences taken from it); the text is the
printed lines joined, with layout noise removed: line breaks inside
sentences, stray spaces between full-width characters (as in
tools/atla2yaml.py), the list marker that the requirement or point itself
stands for (⚫, ➢, ・, ※, the private-use bullet glyphs of the extraction),
page numbers, the PDF's link annotations (URL lines repeated at the end of
a page) and table headers repeated after a page break.  Nothing else is
changed; typos are kept and recorded as notes.  Table cells are given as
verbatim strings and checked against the seed lines they come from.

Parameters are what the sample leaves to the company: placeholders (○○,
〇〇〇〇, ●●●●, △△, ◇◇, ****, 20yy.mm.dd), 「A/B」 alternatives (blue text in
the original; colours are lost in the extraction, so every slash that
separates alternatives is taken as a choice), and 「定められた…」 values the
rules leave open.  title_ja is the printed placeholder or alternatives;
value is given only where the sample fills the placeholder with an example
(the committee chart's 人事課長, the contact's 管理部長).  Every point (table
row) that contains a placeholder becomes one parameter automatically, titled
with its cells as printed (or, where the cells do not stand together in the
seed, one parameter per cell with a placeholder), and so does every title or
table cell given as text; placeholders in running text are listed
explicitly, and the script fails if one is missed.

Roles (role_ja) are the role names the rule text names, or, with a note,
that its lead-in names; where neither names one the key is left out.
Modality: shall, except 「検討する」 (consider) and, where they qualify
the whole rule, 「必要に応じて」, 「配慮する」 and 「…してください」 (should).

Space-specific items carry a note starting "Space-specific:" when the text
itself names space systems, satellites or space laws; items that only look
like space-operator customisations (the mission, manufacturing, supply-chain
and ground-system items; the green highlighting that marked them is lost)
carry "Possibly space-specific:".

The script prints the consistency checks at the end and exits with status 1
if one fails.
"""

import re
import sys

import seedlib
from seedlib import (Checks, arg_parser, check_no_pua, check_reload, check_unique, checked_documents, clean,
                     join_wrapped, note, parameter_entries, print_roles, squash, walk_texts, write_catalog)

SEED_NAME = "seeds/003_3404daed23a594b7.txt"
SEED_SHA256 = "587610984a72f12b3f37c8fe423ae95445cde248f6d8d89aac3129c8d63518fa"

# --------------------------------------------------------------------------
# Text helpers (shared ones in tools/seedlib.py)
# --------------------------------------------------------------------------

PUA = re.compile("[\ue000-\uf8ff]")
MARKER = re.compile(r"^(?:[⚫➢・]|[\ue000-\uf8ff]|※[0-9]?)\s*")
PLACEHOLDER = re.compile(r"[○〇●△◇]|\*\*\*|yy")


def cell(s):
    """A string given verbatim in the data (a table cell, a phrase): as written, runs of spaces collapsed."""
    return re.sub(" +", " ", s.strip())


def strip_marker(s):
    return MARKER.sub("", s.strip(), count=1)


# --------------------------------------------------------------------------
# The seed
# --------------------------------------------------------------------------

# Layout noise: line -> what it is.  Checked against the seed when loaded.
PAGE_NUMBERS = {2665: "39", 3176: "45"}
# The PDF's link annotations: the URLs of a page printed again, without the
# trailing space of the text lines, at the end of the page.
LINK_LINES = [31, 172, 173, 174, 175, 176, 1961, 2576, 2577, 2578, 2579, 2580, 2581, 2582,
              2657, 2658, 2659, 2660, 2745, 2746, 2747, 2899, 3406, 3479]
# Table headers printed again after a page break.
REPEATED_HEADERS = {1554: "種別 名称 開発・販売元 バージョン",
                    1834: "対象機器 セキュリティ要件 利用技術・製品",
                    3480: "No. 題目 NIST CSF 2.0 フレームワークコア・カテゴリー"}
# Text boxes the extraction placed inside a sentence: (first, last, what).
INTERRUPTIONS = [(223, 249, "the editorial note on discipline (※編集時注意), printed inside the "
                            "sentence of 2.4 「…年度単位で立案す｜る。」")]


class Seed(seedlib.Seed):
    sha256 = SEED_SHA256

    def __init__(self, path):
        super().__init__(path)
        for n, txt in PAGE_NUMBERS.items():
            assert self.line(n).strip() == txt, n
        for n in LINK_LINES:
            assert re.match(r"^(https?|mailto|tel):\S+$", self.line(n)), n
        found = [i + 1 for i, l in enumerate(self.lines) if re.match(r"^(https?|mailto|tel):\S+$", l)]
        assert found == LINK_LINES, found
        for n, txt in REPEATED_HEADERS.items():
            assert self.line(n).strip() == txt, n
        self.noise = set(PAGE_NUMBERS) | set(LINK_LINES) | set(REPEATED_HEADERS)
        skip = set(self.noise)
        for a, b, _ in INTERRUPTIONS:
            skip |= set(range(a, b + 1))
        self.flat_clean = squash("".join(l for i, l in enumerate(self.lines, 1) if i not in skip))

    def occurs(self, text):
        """1: in the seed as printed; 2: only once layout noise is removed; 0: not at all."""
        s = squash(PUA.sub("", text))
        if s in self.flat:
            return 1
        if s in self.flat_clean:
            return 2
        return 0

    def window(self, a, b):
        return squash(PUA.sub("", "".join(l for i, l in enumerate(self.lines[a - 1:b], a) if i not in self.noise)))

    def text(self, spec, strip=True):
        """The printed text of the line ranges in spec ("40-48", "221,250", "1472-1477")."""
        out = ""
        first = True
        for a, b in parse_ranges(spec):
            for n in range(a, b + 1):
                raw = self.line(n)
                if not raw.strip() or n in self.noise:
                    continue
                raw = PUA.sub("", raw)
                if first and strip:
                    raw = strip_marker(raw)
                first = False
                out = join_wrapped(out, raw) if out else raw.strip()
        return clean(out)


def parse_ranges(spec):
    out = []
    for part in str(spec).split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-")
            out.append((int(a), int(b)))
        else:
            out.append((int(part), int(part)))
    return out


def sentences(text):
    """Split after 。 outside brackets."""
    out, cur, depth = [], "", 0
    for ch in text:
        cur += ch
        if ch in "（「『(":
            depth += 1
        elif ch in "）」』)":
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            out.append(cur)
            cur = ""
    if cur.strip():
        out.append(cur)
    return [s.strip() for s in out]


def pick(text, sent):
    ss = sentences(text)
    if "-" in str(sent):
        a, b = map(int, str(sent).split("-"))
    else:
        a = b = int(sent)
    if b > len(ss):
        raise SystemExit("sentence %s of %r: only %d sentences" % (sent, text[:30], len(ss)))
    return "".join(ss[a - 1:b])


# --------------------------------------------------------------------------
# Data: chapters (views) and sections (domains)
# --------------------------------------------------------------------------

# chapter -> (header lines, title_ja, title_en, scope line)
CHAPTERS = {
    1: ((32, 32), "組織的対策", "Organizational measures", 34),
    2: ((177, 177), "人的対策", "Human measures", 179),
    3: ((291, 291), "情報資産管理", "Information asset management", 293),
    4: ((533, 533), "アクセス制御及び認証", "Access control and authentication", 535),
    5: ((869, 869), "物理的対策", "Physical measures", 871),
    6: ((1041, 1041), "ＩＴ機器利用", "Use of IT equipment", 1043),
    7: ((1615, 1615), "ＩＴ基盤運用管理", "IT infrastructure operation management", 1617),
    8: ((1891, 1891), "システム開発及び保守", "System development and maintenance", 1893),
    9: ((2007, 2007), "委託管理", "Outsourcing management", 2009),
    10: ((2242, 2245), "情報セキュリティインシデント対応及び事業継続管理",
         "Information security incident response and business continuity management", 2247),
    11: ((2895, 2895), "テレワークにおける対策", "Telework measures", 2897),
}

# (chapter, printed number, heading line, English title); top-level sections are domains,
# subsections give the title of the requirement that holds their lead text.
SECTIONS = [
    (1, "1", 38, "Organization for information security"),
    (1, "2", 120, "Audit and inspection of information security activities"),
    (1, "3", 140, "Sharing information on information security"),
    (2, "1", 183, "Conditions of employment"),
    (2, "2", 189, "Duties of employees"),
    (2, "3", 207, "End of employment"),
    (2, "4", 219, "Information security education"),
    (2, "5", 274, "Developing human resources"),
    (3, "1", 297, "Managing information assets"),
    (3, "1.1", 299, None), (3, "1.2", 362, None), (3, "1.3", 374, None), (3, "1.4", 382, None),
    (3, "1.5", 390, None),
    (3, "2", 398, "Taking information assets off the premises"),
    (3, "3", 426, "Disposal of media"),
    (3, "3.1", 428, None), (3, "3.2", 439, None),
    (3, "4", 457, "Backup"),
    (3, "4.1", 459, None), (3, "4.2", 501, None), (3, "4.3", 517, None),
    (4, "1", 539, "Access control policy"),
    (4, "2", 575, "Authentication of users"),
    (4, "3", 593, "Registering user accounts"),
    (4, "4", 601, "Managing user accounts"),
    (4, "5", 614, "Setting passwords"),
    (4, "6", 626, "Issuing user accounts to persons other than employees"),
    (4, "7", 634, "Authentication by identifying the terminal"),
    (4, "8", 642, "Terminal time-out"),
    (4, "9", 650, "Standard settings etc."),
    (4, "9.1", 652, None), (4, "9.2", 697, None), (4, "9.3", 760, None), (4, "9.4", 862, None),
    (5, "1", 875, "Setting security areas"),
    (5, "2", 983, "Managing related facilities"),
    (5, "3", 1008, "Precautions inside security areas"),
    (5, "4", 1032, "Receiving deliveries"),
    (6, "1", 1047, "Use of software"),
    (6, "1.1", 1049, None), (6, "1.2", 1067, None), (6, "1.3", 1093, None), (6, "1.4", 1101, None),
    (6, "1.4.1", 1103, None), (6, "1.4.2", 1122, None), (6, "1.4.3", 1134, None), (6, "1.5", 1146, None),
    (6, "2", 1156, "Use of IT devices"),
    (6, "3", 1172, "Clear desk and clear screen"),
    (6, "3.1", 1174, None), (6, "3.2", 1187, None),
    (6, "4", 1207, "Use of the Internet"),
    (6, "4.1", 1209, None), (6, "4.2", 1235, None), (6, "4.3", 1264, None), (6, "4.4", 1282, None),
    (6, "4.5", 1327, None),
    (6, "5", 1428, "Use of privately owned IT devices and electronic media"),
    (6, "5.1", 1430, None), (6, "5.2", 1442, None), (6, "5.3", 1458, None), (6, "5.4", 1505, None),
    (6, "5.5", 1519, None),
    (6, "6", 1527, "Standards etc."),
    (6, "6.1", 1529, None), (6, "6.2", 1562, None), (6, "6.3", 1596, None),
    (7, "1", 1621, "Management structure"),
    (7, "2", 1629, "Information security measures for the IT infrastructure"),
    (7, "2.1", 1631, None), (7, "2.2", 1651, None), (7, "2.3", 1661, None),
    (7, "3", 1679, "Operating the IT infrastructure"),
    (7, "4", 1716, "Introducing cloud services"),
    (7, "5", 1734, "Collecting information on threats and attacks"),
    (7, "6", 1740, "Disposal, return and transfer"),
    (7, "7", 1752, "Security requirements and standards of the IT infrastructure"),
    (7, "7.1", 1754, None), (7, "7.2", 1862, None),
    (8, "1", 1897, "New system development and modification"),
    (8, "2", 1941, "Dealing with vulnerabilities"),
    (8, "3", 1955, "Development environment of information systems"),
    (8, "4", 1966, "Maintenance of information systems"),
    (8, "5", 1986, "Changes to information systems"),
    (9, "1", 2013, "Contractor evaluation criteria"),
    (9, "2", 2059, "Selecting contractors"),
    (9, "3", 2065, "Concluding the outsourcing contract"),
    (9, "4", 2100, "Evaluating contractors"),
    (9, "5", 2124, "Subcontracting"),
    (10, "1", 2251, "Response structure"),
    (10, "2", 2263, "Impact of information security incidents and who responds"),
    (10, "3", 2307, "Contacting and reporting on incidents"),
    (10, "4", 2328, "Response procedures"),
    (10, "5", 2518, "Notifications and consultation"),
    (10, "6", 2715, "Business interruption by incidents and business continuity management"),
    (10, "7", 2794, "Business continuity plan"),
    (11, "1", 2801, "Common telework rules"),
    (11, "1.1", 2803, None), (11, "1.2", 2900, None), (11, "1.3", 2972, None),
    (11, "2", 3055, "Security of information devices"),
    (11, "2.1", 3057, None), (11, "2.1.2", 3071, None), (11, "2.2", 3093, None), (11, "2.3", 3132, None),
    (11, "3", 3156, "Security of network devices: the telework network environment"),
    (11, "4", 3281, "Rules while working"),
    (11, "4.1", 3283, None), (11, "4.2", 3301, None), (11, "4.3", 3313, None), (11, "4.4", 3325, None),
    (11, "5", 3352, "Storing data and documents"),
    (11, "5.1", 3354, None), (11, "5.2", 3370, None),
    (11, "6", 3384, "Internal enquiries and emergency contacts"),
]

# The checklist 9-1: domains by its 区分 (id, title_ja, title_en, first item, last item)
CL_LINES = (2145, 2241)
CL_DOMAINS = [
    ("CL-1", "社内体制", "Internal structure", 1, 7),
    ("CL-2", "人的管理", "Human management", 8, 10),
    ("CL-3", "物理的管理", "Physical management", 11, 14),
    ("CL-4", "情報機器・媒体の取り扱い", "Handling of information devices and media", 15, 18),
    ("CL-5", "技術的対策", "Technical measures", 19, 22),
    ("CL-6", "再委託先管理", "Management of subcontractors", 23, 24),
]

# --------------------------------------------------------------------------
# Data: requirements
# --------------------------------------------------------------------------

REQS = []
REQ_IDS = set()


class P:
    """A point: title_ja, text_ja, items (strings or (string, [sub-items]))."""

    def __init__(self, title, text=None, items=(), label=None):
        self.title, self.text, self.items, self.label = title, text, list(items), label


def R(rid, lines=None, en=None, sent=None, text=None, win=None, title=None, role=None, rf=None,
      mod="shall", params=(), pts=(), pwin=None, docs=(), notes=(), space=None, pspace=None, strip=True,
      drop=None):
    """One requirement.  lines: the seed lines of its text (sent: which sentences of them);
    text: verbatim strings instead (checked in win); pts: points, checked in pwin."""
    assert rid not in REQ_IDS, rid
    assert en, rid
    REQ_IDS.add(rid)
    REQS.append(dict(id=rid, lines=lines, en=en, sent=sent, text=text, win=win, title=title, role=role,
                     rf=rf, mod=mod, params=list(params), pts=list(pts), pwin=pwin, docs=list(docs),
                     notes=list(notes), space=space, pspace=pspace, strip=strip, drop=drop))


def N(text_en, line=None, ja=None):
    return (text_en, line, ja)


# roles as the text names them
TM = "経営者等"
CMT = "情報セキュリティ委員会"
AUD = "監査・点検/点検責任者"
ISM = "情報セキュリティ責任者"
DISM = "情報セキュリティ部門責任者"
SA = "システム管理者"
EDU = "教育責任者"
IRM = "インシデント対応責任者"
RD = "代表取締役"
EMP = "従業員"
FINDER = "発見者"

LAW = "『人工衛星等の打上げ及び人工衛星の管理に関する法律』"
LAW_WHY = ("the text names the Space Activities Act (人工衛星等の打上げ及び人工衛星の管理に関する法律) and the "
           "Remote Sensing Act (衛星リモートセンシング記録の適正な取扱いの確保に関する法律), with the Specially "
           "Designated Secrets Act; the clause recurs in chapters 3–10 and the checklist's note 2")

# ---- 1 組織的対策 -----------------------------------------------------------
R("C1.1", "40-48", "Top management holds final authority and builds the risk-management structure", sent=1, role=TM)
R("C1.1-1", "40-48", "Establish an information security committee", sent=2,
  title="情報セキュリティ委員会を設置する", role=TM, rf="C1.1, the preceding sentence (経営者等は…)")
R("C1.1-2", "40-48", "Committee composition and duties: status, guidelines, information sharing", sent=3,
  title="情報セキュリティ委員会は以下の構成とし", role=CMT, pwin="52-119",
  pts=[P("情報セキュリティ責任者", "情報セキュリティに関する責任者。情報セキュリティ対策などの決定権限を有するとともに、全責任を負う。"),
       P("情報セキュリティ部門責任者", "各部門における情報セキュリティの運用管理責任者。各部門における情報セキュリティ対策の実施などの責任を負う。"),
       P("システム管理者", "社内の情報システムに必要な情報セキュリティ対策の検討・導入を行う。"),
       P("教育責任者", "情報セキュリティ対策を推進するために従業員への教育を企画・実施する。"),
       P("インシデント対応責任者", "事故の影響を判断し、対応について意思決定する。"),
       P("個人情報苦情相談対応", "個人情報の取扱いに関して本人からの苦情・相談に対応する。"),
       P("個人情報保護管理者", "個人情報の取扱いについて関連法令を遵守する責任を負う。"),
       P("監査・点検/点検責任者", "情報セキュリティ対策が適切に実施されているか情報セキュリティ関連規程を基準として検証または評価し、助言を行う。"),
       P("＜情報セキュリティ委員会体制図＞",
         items=["監査・点検/点検責任者（○○課長）", "情報セキュリティ責任者（人事課長）",
                "インシデント対応個人情報苦情相談対応責任者",
                "情報セキュリティ部門責任者（営業部長）（技術部長）（製造部長）（〇〇部長）",
                "個人情報保護管理者", "システム管理者"])],
  params=[("監査・点検/点検", None), ("監査・点検/点検責任者（○○課長）", None), ("情報セキュリティ責任者（人事課長）", "人事課長"),
          ("情報セキュリティ部門責任者（営業部長）（技術部長）（製造部長）（〇〇部長）", None)],
  notes=[N("The role table prints インシデント対応責任者 and 個人情報苦情相談対応 in one row with two descriptions; "
           "they are two points here (and two glossary entries), in the printed order.", 70, "個人情報苦情相談対応"),
         N("The committee chart (＜情報セキュリティ委員会体制図＞) is a diagram; the extraction prints its boxes as "
           "fragments in layout order, so the point lists the boxes as they can be read, joining the box "
           "「インシデント対応／個人情報苦情相談対応／責任者」 that the extraction splits over three lines. The names "
           "in brackets are the red-text examples the company replaces (colour lost in the extraction).",
           86, "＜情報セキュリティ委員会体制図＞"),
         N("The role table and the chart list the roles but not 代表取締役, 部門長, 統括者 or 復旧責任者, which later "
           "chapters give duties (4 §1 names 統括者 as the approver of the access control policy; no chapter defines it).",
           None, None)])

R("C1.2", "122-126", "Inspect the implementation of the rules in month ○ and report to the committee", sent=1,
  title=None, role=AUD, params=[("監査・点検/点検", None), ("○月に点検", None)])
R("C1.2-1", "122-126", "The committee drafts an improvement plan as needed, considering the points below", sent=2,
  title="必要に応じて改善計画を立案する", role=CMT, mod="should")
R("C1.2-2", "128", "Rules not effectively implemented: identify the cause and improve", role=CMT,
  rf="C1.2-1, the lead-in of this list", mod="should")
R("C1.2-3", "130-132", "Rules insufficient or ineffective as measures: revise the rules", role=CMT,
  rf="C1.2-1, the lead-in of this list", mod="should",
  title="対策として不十分または有効でない場合は、情報セキュリティ関連規程の改訂")
R("C1.2-4", "134-136", "Rules not meeting laws or business partners' requirements: revise the rules", role=CMT,
  rf="C1.2-1, the lead-in of this list", mod="should",
  title="関連法令や取引先の情報セキュリティに対する要求を満たしていない場合は、情報セキュリティ関連規程の改訂")

R("C1.3", "142-144", "Obtain threat, vulnerability and personal-information alerts from expert bodies; share in the committee",
  role=ISM, pwin="146-168",
  pts=[P("独立行政法人情報処理推進機構（略称：IPA）",
         items=["[情報セキュリティ] https://www.ipa.go.jp/security/",
                "[ここからセキュリティ] https://www.ipa.go.jp/security/kokokara/"]),
       P("JVN（Japan Vulnerability Notes）", items=["https://jvn.jp/index.html"]),
       P("一般社団法人 JPCERT コーディネーションセンター（略称：JPCERT/CC）", items=["https://www.jpcert.or.jp/"]),
       P("個人情報保護委員会", items=["https://www.ppc.go.jp/"])],
  notes=[N("The bodies are printed under the label ＜専門機関＞ (expert bodies); each is a point.", 144, "＜専門機関＞")])

# ---- 2 人的対策 -------------------------------------------------------------
R("C2.1", "185", "Conclude a non-disclosure agreement when hiring employees", docs=["秘密保持契約"])
R("C2.2", "191", "Employees comply with the following", role=EMP)
R("C2.2-1", "193-195", "Do not give trade secrets or copies to unauthorised organisations or persons", role=EMP,
  title="営業秘密として管理する情報及びその複製物の一切を許可されていない組織、人に提供してはならない",
  notes=[N("The footnote under the list (※当社が営業秘密として管理する情報とは…) defines the term as information whose "
           "confidentiality value in the 情報資産管理台帳 is 1 or higher; it is a glossary entry. With the scale of "
           "3 §1.1 (機密性 1 = 公開) that includes public information; the threshold is kept as printed.",
           201, "「情報資産管理台帳」の機密性評価値が 1 以上のものをいう"),
         N("The footnote cites 3 §1.1 as 「情報資産の特定と機密性の評価」; its heading is 情報資産の特定と機密性・"
           "完全性・可用性の評価.", 201, "1.1 情報資産の特定と機密性の評価")])
R("C2.2-2", "197-199", "Comply with the security policy and rules; discipline follows the work rules", role=EMP,
  title="当社の情報セキュリティ方針及び関連規程を遵守する", docs=["就業規則"],
  notes=[N("An editorial note for the company (※編集時注意: when the rules provide for discipline, refer to the "
           "following), quoting the MHLW leaflet 「労働契約法のあらまし」 on Labour Contract Act art. 15 (abusive "
           "discipline is void) and Labour Standards Act art. 89 item 9 (discipline must be in the work rules), is "
           "printed inside the sentence of 2.4 (l.223–249); it belongs to this rule and is not a requirement.",
           223, "※編集時注意：懲戒について規定する場合は、以下を参考にしてください。")])
R("C2.3-1", "209-211", "Return all business materials, personal information and copies on leaving", role=EMP,
  title="資料又はそれらの複製物の一切を退職時に返還する")
R("C2.3-2", "213-215", "Do not use trade or technical secrets for competing acts", role=EMP,
  title="競合的あるいは競業的行為を行ってはならない")
R("C2.4", "221,250", "Draft an annual awareness and education plan considering the points below", role=EDU,
  docs=["情報セキュリティに関する周知・教育計画"],
  notes=[N("The sentence 「…計画を年度単位で立案す｜る。」 is split by the editorial note box of 2.2 (l.223–249); "
           "the two parts are joined.", 250, "る。")])
R("C2.4-1", "252-254", "Audience top management: mandatory themes", text=["対象者：経営者等", "テーマ：以下は必須とする。"],
  win="252-254", title="対象者：経営者等", role=EDU, rf="C2.4, the lead-in of this list", pwin="256-258",
  pts=[P("組織の内部不正対策に関する方針"), P("重要情報の取扱い等の手順")])
R("C2.4-2", "260-262", "Audience all employees: mandatory themes", text=["対象者：全従業員", "テーマ：以下は必須とする。"],
  win="260-262", title="対象者：全従業員", role=EDU, rf="C2.4, the lead-in of this list", pwin="264-270",
  pts=[P("情報セキュリティ関連規程の説明（入社時、就業時）"), P("最新の脅威に対する注意喚起（随時）"),
       P("関連法令の理解（関連法令の公布・施行時）"), P("個人情報の取り扱いに関する留意事項")])
R("C2.5", "276-280", "Plan qualifications annually: texts, seminars, exam budget", role=EDU, pwin="282-290",
  pts=[P("＜情報セキュリティに関わる推奨資格＞", "IPA 情報処理技術者試験・情報処理安全確保支援士試験",
         items=["情報セキュリティマネジメント試験", "システム監査技術者試験", "情報処理安全確保支援士試験"])])

# ---- 3 情報資産管理 ---------------------------------------------------------
R("C3.1.1", "301-305", "Identify information assets and record them in the asset register", sent=1,
  docs=["情報資産管理台帳"])
R("C3.1.1-1", "301-305", "Evaluate confidentiality by the three-level criteria; restrict specific information",
  sent=2, title="情報資産の機密性は、以下の基準に従って評価し", pwin="307-327",
  pts=[P("機密性 3：極秘", items=["法律で安全管理が義務付けられている", "守秘義務の対象として指定されている",
                              "限定提供データ（一定の条件を満たす特定の外部者に提供することを目的とする情報）として指定されている",
                              "営業秘密（秘密として管理されているもの）として指定されている",
                              "漏えいすると取引先や顧客に大きな影響がある", "漏えいすると事業の継続及び推進が困難になる。"]),
       P("機密性 2：社外秘", "漏えいすると事業の継続・推進に支障を及ぼすおそれがある"),
       P("機密性 1：公開", "漏えいしても事業の継続・推進にほとんど影響はない")],
  notes=[N("The criteria of 機密性 3 are printed as a bullet list without saying whether one or all must hold; "
           "read as any one of them.", 311, None)])
R("C3.1.1-2", "329-335", "Information handled under the space laws and other laws: protect as the law requires",
  title="当該法、運用基準、省庁通達等に則った適切な保護措置等を講じる", space=LAW_WHY)
R("C3.1.1-3", "339", "Evaluate integrity by the two-level criteria", title="情報資産の完全性は、以下の基準に従って評価し",
  pwin="341-347",
  pts=[P("完全性 2", "改ざん、誤びゅう又は破損により、事業の継続・推進に支障を及ぼすおそれがある"),
       P("完全性 1", "改ざん、誤びゅう又は破損により、事業の継続・推進にほとんど影響はない")])
R("C3.1.1-4", "351-353", "Evaluate availability by the two-level criteria", title="情報資産の可用性は、以下の基準に従って評価し",
  pwin="355-361",
  pts=[P("可用性 2", "滅失、紛失又は当該情報が利用不可能であることにより、事業の継続・推進に支障を及ぼすおそれがある"),
       P("可用性 1", "滅失、紛失又は当該情報が利用不可能であることにより、事業の継続・推進にほとんど影響はない")])
R("C3.1.2", "364", "Label the confidentiality of information assets as follows")
R("C3.1.2-1", "366", "Electronic data: in the folder name on the storage server")
R("C3.1.2-2", "368", "Documents: on the cabinet, file or binder")
R("C3.1.2-3", "370", "Where labelling is difficult: record the value in the asset register", docs=["情報資産管理台帳"])
R("C3.1.3", "376-378", "The head of the department that mainly uses an asset is its operational manager", role="部門長")
R("C3.1.4", "384-386", "Users of an asset are the employees of the departments in the register's user column",
  docs=["情報資産管理台帳"])
R("C3.1.5", "392-394", "Processing specific records under the relevant laws (e.g. satellite remote sensing records)",
  space="the text names satellite remote sensing records (衛星リモートセンシング記録) as its example of records "
        "whose processing the relevant laws regulate")
R("C3.2", "400", "When taking information assets off the premises, do the following")
R("C3.2-1", "402", "社外秘: permission of one's department head")
R("C3.2-2", "404", "極秘: permission of the representative director")
R("C3.2-3", "406-408", "On a laptop's hard disk: encrypt the disk, folder or data", title="ハードディスク/フォルダー/データを暗号化する",
  params=[("ハードディスク/フォルダー/データ", None)])
R("C3.2-4", "410", "On a smartphone or tablet: set a security lock")
R("C3.2-5", "412-414", "On USB memory, HDD etc.: erase unneeded data with a dedicated tool; encrypt what is taken",
  title="USB メモリ、HDD 等の電子媒体に保存して持ち出す場合")
R("C3.2-6", "416-418", "Small media: large tag, strap or bell",
  title="USB メモリ等の小型電子媒体",
  params=[("大きなタグを付ける/ストラップで体やカバンに固定する/落としてもすぐに分かるように鈴を付ける", None)])
R("C3.2-7", "420", "Encrypt 極秘 or 社外秘 assets sent or received over a network outdoors",
  title="屋外でネットワークへ接続して極秘又は社外秘の情報資産を送受信する場合は、暗号化する")
R("C3.2-8", "422", "Keep carried assets within monitoring distance")
R("C3.3.1", "430", "Dispose of 社外秘 or 極秘 information assets as follows")
R("C3.3.1-1", en="Documents and film: shred, dissolve or incinerate", text=["細断/溶解/焼却"], win="432",
  title="書類・フィルム", params=[("細断/溶解/焼却", None)],
  notes=[N("3.1 and 3.2 are tables (medium | treatment); each row is a requirement: the medium its title, the "
           "treatment (with the table's ※ note) its text.", 432, None)])
R("C3.3.1-2", en="USB memory, HDD, CD, DVD: destroy, shred or erase completely (not OS deletion or quick format)",
  text=["破壊/細断/完全消去", "※OS による削除・クイックフォーマットは不可"], win="434-435",
  title="USB メモリ・HDD・CD・DVD", params=[("破壊/細断/完全消去", None)])
R("C3.3.2", "441", "When reusing media that held 社外秘 or 極秘 assets, do as follows")
R("C3.3.2-1", en="Documents: no reuse of the back side", text=["裏紙再利用禁止"], win="443", title="書類")
R("C3.3.2-2", en="USB memory, HDD, CD-RW, DVD-RW: reuse only after complete erasure",
  text=["完全消去後再利用", "※OS による削除・クイックフォーマットは不可"], win="445-451",
  title="USB メモリ・HDD・CD-RW ディスク・DVD-RW ディスク")
R("C3.3.2-3", en="CD-R, DVD-R: not reused", text=["再利用不可"], win="453", title="CD-R・DVD-R")
R("C3.4.1", "461", "Back up the data processed on the following equipment regularly", role=SA, pwin="463-497",
  pts=[P("ファイルサーバー", items=["ユーザーファイル", "Windows Server バックアップ", "NAS サーバー"]),
       P("給与計算システム", items=["アプリケーションデータ", "ファイルコピー", "専用外付け HDD（暗号化機能付）"]),
       P("会計システム", items=["アプリケーションデータ", "アプリケーションバックアップ機能", "クラウドバックアップサービス"]),
       P("○○管理システム", items=["アプリケーションデータ", "同期ツール", "外付け HDD"]),
       P("Web サーバー", items=["ホームページ", "同期ツール", "NAS サーバー"])],
  notes=[N("Each point is a row of the table 機器名 | 対象 | 方法 | 保管先: the title is the equipment, the items are "
           "the target, the method and the storage place.", 463, "機器名 対象 方法 保管先"),
         N("The rule says 定期的に (regularly) and gives no frequency.", 461, None)])
R("C3.4.2", "503", "Handle backup equipment and media as follows", role=SA, rf="C3.4.1 (the same section, 4 バックアップ)")
R("C3.4.2-1", "507", "Storage: portable media in a lockable cabinet")
R("C3.4.2-2", "509", "Storage: NAS server in a lockable server rack")
R("C3.4.2-3", "513", "Disposal and reuse: as in 3 (media disposal)", title="＜廃棄・再利用＞")
R("C3.4.3", "519-521", "Backups on external servers via a cloud service need the ISM's permission", role=SA,
  rf="C3.4.1 (the same section, 4 バックアップ; the text names only the approver 情報セキュリティ責任者)")
R("C3.4.3-1", "525-527", "Service requirement: terms, policy and measures fit the company's rules",
  title="サービス提供者のサービス利用約款、情報セキュリティ方針、セキュリティ対策の実施状況")
R("C3.4.3-2", "528", "Service requirement: facility outside the area of the company's earthquake and flood risks",
  title="震災、水害等の影響を受けない地域の施設であること")
R("C3.4.3-3", "530-532", "Service requirement: backups stored in a country or region not restricted by law",
  title="関係法令に基づき、制限されていない国又は地域に所在するよう確認すること",
  pspace="the reading aid (seed003.md Part 6 §9) takes the country restriction under 関係法令 as a space-context "
         "addition (e.g. the Remote Sensing Act's rules on where records may be kept); the text names no space law")

# ---- 4 アクセス制御及び認証 -------------------------------------------------
R("C4.1", "541-545", "Operate access control for confidentiality 3 and 2 systems by the following policy",
  notes=[N("The text cites 「9.1 アクセス制御対象情報システム及びアクセス制御方法」; the heading of 9.1 is "
           "アクセス制御対象の情報システム及びアクセス制御方法.", 543, "「9.1 アクセス制御対象情報システム")])
R("C4.1-1", "547-549", "Create an access control policy for logical access to data and systems",
  title="アクセス制御方針を作成する", docs=["アクセス制御方針"])
R("C4.1-2", "551", "The system administrator writes the policy; the 統括者 approves it", role=SA,
  docs=["アクセス制御方針"],
  notes=[N("統括者 (the approver) appears only here; the role table of chapter 1 does not define it.", 551, "統括者の承認")])
R("C4.1-3", "553-555", "Grant access only to persons with the minimum necessary, legitimate authority",
  title="必要最低限かつ正当な権限を有する者のみにアクセス権を付与する", docs=["情報資産管理台帳"])
R("C4.1-4", "557-559", "Spread access rights to specific assets over several persons",
  title="複数名に分散してアクセス権を付与する")
R("C4.1-5", "561-563", "Introduce the authentication needed for the confidentiality level (e.g. multi-factor)",
  title="必要な認証機能を導入する")
R("C4.1-6", "565-571", "Information handled under the space laws and other laws: protect as the law requires",
  title="当該法、運用基準、省庁通達等に則った適切な保護措置等を講じる", space=LAW_WHY)
R("C4.2", "577-579", "Authenticate users of internal systems handling confidentiality 3 and 2 assets as follows")
R("C4.2-1", "581", "One account per user")
R("C4.2-2", "583", "No sharing of accounts and no accounts shared by several users",
  title="同一アカウントの他者との共有および複数の利用者が共有するアカウントの発行を禁止する")
R("C4.2-3", "585-589", "Limit logon attempts; lock the account for a defined time", title="システムへのログオン試行回数の上限を定める",
  params=[("ログオン試行回数の上限", None), ("ロック時から定められた時間", None)],
  notes=[N("9.3 fixes the values: lockout threshold 3 attempts and 6 hours for privileged accounts, 5 attempts "
           "and 1 hour for general accounts.", 814, "ロックアウトのしきい値は 3 回、")])
R("C4.3", "595-597", "Register accounts on approval of the representative director or the ISM; names per 9.3")
R("C4.4", "602-604", "Record account use (user name, start date and time) for confidentiality 3 and 2 systems",
  docs=["アカウントの利用状況（利用者名及び利用開始日時）"])
R("C4.4-1", "606-610", "Delete or disable unneeded accounts by the next day", role=SA,
  title="当該アカウントの削除又は無効化を、当該アカウントが不要になった日の翌日までに実施する",
  notes=[N("The text prints 職内容の変更 (probably 職務内容の変更, change of duties); kept as printed.", 606, "職内容の変更")])
R("C4.5", "616-618", "Set authentication passwords with care as follows; conditions in 9.3")
R("C4.5-1", "620", "Use passwords of sufficient strength")
R("C4.5-2", "622", "Keep passwords from being known by others")
R("C4.6", "628-630", "Accounts for non-employees: approval, then a non-disclosure agreement", docs=["秘密保持契約"])
R("C4.7", "636-638", "Authenticate network access to 社外秘/極秘 systems by identifying the terminal")
R("C4.8", "644-646", "Terminals reachable by persons without an account: connection limits or time-out")
R("C4.9.1", en="Systems under access control and their access control methods", pwin="654-666",
  pts=[P("ファイルサーバー", "Windows Active Directory"),
       P("給与計算システム", "アプリケーションのユーザー認証"),
       P("○○管理システム", "アプリケーションのユーザー認証"),
       P("メールサーバー（ホスティングサービス）", "ホスティングサービスのユーザー認証"),
       P("Web サーバー（ホスティングサービス）", "ホスティングサービスのユーザー認証"),
       P("社内無線 LAN", "ルーターの端末認証")],
  notes=[N("The subsection prints only a table (アクセス制御対象システム・サービス | アクセス制御方法); each row is a "
           "point, the title the system, the text its access control method.", 654,
           "アクセス制御対象システム・サービス アクセス制御方法")])
R("C4.9.1-1", en="Space systems under access control (tailor to the business)", title="アクセス制御対象 宇宙システム",
  pwin="667-691",
  pts=[P("衛星運用システム", items=[("ネットワーク運用・制御システム", ["〇〇〇〇"]), ("衛星管制システム", ["〇〇〇〇"]),
                                  ("〇〇〇〇", ["〇〇〇〇"])]),
       P("衛星データ利用システム（衛星データ利用サービス）",
         items=[("データ送受信アンテナ制御システム", ["〇〇〇〇"]), ("ネットワーク運用・制御システム", ["〇〇〇〇"]),
                ("〇〇〇〇", ["〇〇〇〇"])]),
       P("開発・製造システム", items=[("〇〇〇〇", ["〇〇〇〇"])])],
  space="the table lists space systems: the satellite operation system (衛星運用システム, with the satellite control "
        "system 衛星管制システム) and the satellite data utilisation system (衛星データ利用システム)",
  notes=[N("Second table of 9.1 (アクセス制御対象 宇宙システム | サブシステム | アクセス制御方法): each point is a "
           "space system, its items the subsystems with their access control method as sub-item; every method is "
           "a placeholder.", 667, "アクセス制御対象"),
         N("The table is followed by 「※自社の業務形態や状況に合わせてテーラリングして利用ください。」 (tailor it to the "
           "company's business).", 693, "※自社の業務形態や状況に合わせてテーラリングして利用ください。")])
R("C4.9.2", en="User authentication methods", pwin="699-705",
  pts=[P("ファイルサーバー", "Windows ログオン認証：アカウント名・パスワード"),
       P("給与計算システム", "アプリケーションのユーザー認証：ID・パスワード"),
       P("○○管理システム", "アプリケーションのユーザー認証：ID・パスワード")],
  notes=[N("The subsection prints only a table (情報システム | 利用者認証方法); each row is a point.", 699,
           "情報システム 利用者認証方法")])
R("C4.9.2-1", en="User authentication methods of space systems (tailor to the business)",
  title="利用者認証の対象宇宙システム・サービス", pwin="709-757",
  pts=[P("衛星運用システム",
         items=[("ネットワーク運用・制御システム",
                 ["ID・パスワード", "多要素認証", "（複数間で利用するアカウントによる接続の場合）個人認証"]),
                "衛星管制システム", ("〇〇〇〇", ["〇〇〇〇"])]),
       P("衛星データ利用システム（衛星データ利用サービス）",
         items=[("データ送受信アンテナ制御システム",
                 ["ID・パスワード", "多要素認証", "（複数間で利用するアカウントによる接続の場合）個人認証"]),
                "ネットワーク運用・制御システム", ("〇〇〇〇", ["〇〇〇〇"])]),
       P("開発・製造システム", items=[("〇〇〇〇", ["〇〇〇〇"])])],
  params=[("衛星運用システム ネットワーク運用・制御システム ・ID・パスワード ・多要素認証 "
           "・（複数間で利用するアカウントによる接続の場合）個人認証 衛星管制システム 〇〇〇〇 〇〇〇〇", None),
          ("衛星データ利用システム （衛星データ利用サービス） データ送受信アンテナ制御システム ・ID・パスワード ・多要素認証 "
           "・（複数間で利用するアカウントによる接続の場合）個人認証 ネットワーク運用・制御システム 〇〇〇〇 〇〇〇〇", None),
          ("開発・製造システム 〇〇〇〇 〇〇〇〇", None)],
  space="the table lists the user authentication of space systems (satellite operation, satellite data utilisation)",
  notes=[N("Second table of 9.2 (利用者認証の対象宇宙システム・サービス | サブシステム | 利用者認証方法). The "
           "extraction prints no method next to 衛星管制システム and the second ネットワーク運用・制御システム; the "
           "three-method cell probably spans both subsystems of each group. The items keep the rows as printed.",
           729, "衛星管制システム"),
         N("The table is followed by 「※自社の業務形態や状況に合わせてテーラリングして利用ください。」.", 759,
           "※自社の業務形態や状況に合わせてテーラリングして利用ください。")])
R("C4.9.3-1", en="Privileged accounts: account names and passwords", title="特権アカウント", pwin="762-822",
  pts=[P("アカウント名", items=["推奨：推測困難であるもの",
                            ("＜禁止アカウント名＞", ["WindowsOS：administrator、admin", "LinuxOS：root"]),
                            "1 つの特権アカウント名を 2 名以上で共用しない", "Guest 用アカウントは無効化する"]),
       P("＜パスワードに使う文字＞",
         items=["12 文字以上", "当人の名前、電話番号、誕生日等、他者が推測できるものを使わない",
                "アルファベット大文字･小文字、数字、記号の全てを含む", "辞書に含まれる単純な語を使わない"]),
       P("＜パスワードの管理＞",
         items=["システムにパスワードポリシー設定機能がある場合は本項の条件を設定する",
                "パスワードを変更する場合は過去 1年間に使用したパスワードと同一パスワードを使用しない",
                "ロックアウトのしきい値は 3 回、時間は 6 時間に設定する", "定められた期間以内に変更する",
                "紙等への記載又は記憶媒体への保存を行わない"])],
  params=[("定められた期間以内に変更する", None)],
  notes=[N("The item 「推奨：推測困難であるもの」 is a recommendation (should) inside this requirement.", 764,
           "推奨：推測困難であるもの"),
         N("9.3 prints no text, only a table with the columns 特権アカウント and 一般アカウント and the rows "
           "アカウント名 and パスワード; each column is a requirement; the row アカウント名 is a point, the row パスワード its two groups "
           "＜パスワードに使う文字＞ and ＜パスワードの管理＞. "
           "The extraction prints the two columns one after the other; which bullets belong to which column "
           "follows the printed order (the column of the privileged account first).", 762,
           "特権アカウント 一般アカウント")])
R("C4.9.3-2", en="General accounts: account names and passwords", title="一般アカウント", pwin="762-856",
  pts=[P("アカウント名", items=["従業員番号", "従業員コード"]),
       P("＜パスワードに使う文字＞",
         items=["10 文字以上", "当人の名前、電話番号、誕生日等、他者が推測できるものを使わない",
                "アルファベット大文字･小文字、数字、記号の全てを含む", "辞書に含まれる単純な語を使わない"]),
       P("＜パスワードの管理＞",
         items=["システムにパスワードポリシー設定機能がある場合は本項の条件を設定する",
                "パスワードを変更する場合は過去 1年間に使用したパスワードと同一パスワードを使用しない",
                "ロックアウトのしきい値は 5 回、時間は 1 時間に設定する"])],
  notes=[N("The general account's name is 従業員番号 or 従業員コード, printed as two bullets; probably alternatives "
           "the company chooses between (the blue text that marked choices is lost).", 778, "従業員番号"),
         N("Unlike the privileged account, the general account's ＜パスワードの管理＞ has no periodic change and no "
           "rule against writing the password down.", 854, "ロックアウトのしきい値は 5 回、")])
R("C4.9.4", en="Terminal authentication methods", pwin="864-868",
  pts=[P("社内無線 LAN", "Wi-Fi ルーターに端末の MAC アドレスを登録"),
       P("○○管理システム", "パソコンにデジタル証明書をインストール")],
  notes=[N("The subsection prints only a table (情報システム | 端末認証方法); each row is a point.", 864,
           "情報システム 端末認証方法")])

# ---- 5 物理的対策 -----------------------------------------------------------
ZONE_ATTR = ["機密性", "利用者", "施錠", "設置可能情報機器", "制限事項", "部外者管理", "管理記録", "侵入検知",
             "来客用名札", "火災対策"]


def zone(cells):
    return [P(a, c) for a, c in zip(ZONE_ATTR, cells)]


R("C5.1", "877-885", "Divide the premises into areas by the importance of the assets; apply the rules below", sent="1-2",
  title=None)
R("C5.1-1", "877-885", "Information handled under the space laws and other laws: protect as the law requires", sent=3,
  title="当該法、運用基準、省庁通達等に則った適切な保護措置等を講じる", space=LAW_WHY)
R("C5.1-2", en="Level 1 area: reception, visitor space, meeting room, warehouse", text=["本社受付・応接スペース・商談室・倉庫"],
  win="889", title="レベル 1 領域", pwin="889-912",
  pts=zone(["扱う情報は、漏えいしても事業の継続・推進にほとんど影響はなく公開可能（機密性 1）である。",
            "従業員、社外関係者、部外者が立ち入り可", "最終退室者による施錠", "プロジェクター、ホワイトボード",
            "未使用時に社外秘又は極秘の情報資産の放置禁止", "従業員の許可を受けて入室可能", "－", "－", "着用不要",
            "火災検知器、消火器設置"]),
  notes=[N("Each security level is a table (レベル N 領域 with the areas it covers, then ten attributes); the areas "
           "are the requirement's text, the attributes its points.", 889, None)])
R("C5.1-3", en="Level 2 area: offices, president's office, archive, factory, sales offices",
  text=["本社執務室・社長室・書庫・工場（開発、製造システム）・営業所"], win="916-919", title="レベル 2 領域",
  pwin="916-945",
  pts=zone(["扱う情報は、事業の継続・推進に支障を及ぼすおそれがあり社外秘（機密性 2）である。",
            "従業員以外の入室は従業員の許可又はエスコートが必要", "最終退室者による施錠及び警備会社への通報装置作動",
            "プロジェクター、ホワイトボード、パソコン、複合機、電話機\nLAN ケーブルハブ、無線 LAN 中継器、ルーター、制御ネットワーク機器",
            "情報機器・設備の無断操作禁止・無断持出し禁止", "従業員/受付守衛/総務部受付の許可を受けて入室可能",
            "入退室を所定様式に記録", "センサーによる警備会社通報", "要着用", "スプリンクラー、消火器設置"]),
  pspace="the level 2 area includes the factory with its development and manufacturing systems (工場（開発、製造"
         "システム）) and its devices include 制御ネットワーク機器; both look like additions for space-system "
         "manufacturers, but the text names no space system")
R("C5.1-4", en="Level 3 area: server room or locked rack, satellite operation system",
  text=["サーバールーム/鍵付きサーバーラック、衛星運用システム（ミッションコントロールシステム等）"], win="949-952",
  title="レベル 3 領域", pwin="949-979",
  pts=zone(["扱う情報は、漏えいすると事業の継続・推進に支障を及ぼすおそれがあり機密性 3（極秘）である。",
            "あらかじめ許可された者", "常時施錠及び警備会社への通報装置作動、鍵の管理責任者", "サーバー、ルーター等のネットワーク機器",
            "情報機器・設備の無断操作禁止・無断持出し禁止\nスマートフォン、USB メモリ、HDD、CD-R、デジタルカメラその他の情報記憶媒体の無断持込み禁止",
            "保守・点検時等に登録者のエスコート付で入室可能", "入退室を所定様式に記録、監視カメラによる記録",
            "センサーによる警備会社通報", "要着用", "不活性ガス系消火設備、純水ベース消火器、空調設備"]),
  params=[("サーバールーム/鍵付きサーバーラック", None)],
  space="the level 3 area includes the satellite operation system (衛星運用システム, e.g. the mission control system)",
  notes=[N("The level 2 and 3 tables print the 機密性 text of level 3 as 「漏えいすると事業の継続・推進に支障を及ぼすおそれ"
           "があり機密性 3（極秘）」, the wording 3 §1.1 uses for 機密性 2 (社外秘); 機密性 3 there is "
           "「漏えいすると事業の継続及び推進が困難になる」 among others. Kept as printed.", 955,
           "扱う情報は、漏えいすると事業の継続・推進に支障を及ぼすお")])
R("C5.2", "985", "Install the following facilities for information equipment")
R("C5.2-1", "987", "Servers in lockable dedicated racks")
R("C5.2-2", "989", "LAN cables under the floor against wiretapping")
SAT_OPS = ("the rule is for facilities and systems that carry out satellite operations (衛星運用業務を行う施設・"
           "システム)")
R("C5.2-3", "993", "Facilities and systems for satellite operations: install the following", space=SAT_OPS)
R("C5.2-3a", "995-997", "Dedicated rooms for specific equipment with entry control",
  title="特定設備に対する専用室（サーバ室、計算機室、通信回線装置室等）を設け、入退管理を実施する",
  space=SAT_OPS + " (sub-item of C5.2-3)")
R("C5.2-3b", "999", "Fix and lock hardware and media in racks or with security wires",
  title="ハードウェアや記憶媒体は施錠付き専用ラック又はセキュリティワイヤ等により固定・施錠する",
  space=SAT_OPS + " (sub-item of C5.2-3)")
R("C5.2-3c", "1001", "Where fixing is difficult, lock unused items in lockers", space=SAT_OPS + " (sub-item of C5.2-3)")
R("C5.2-3d", "1003", "LAN cables under the floor against wiretapping", space=SAT_OPS + " (sub-item of C5.2-3)",
  notes=[N("Repeats C5.2-2 word for word, for the satellite operation facilities.", 1003, None)])
R("C5.2-4", "1005-1007", "Satellite operation system inside another system: agree contact means with its administrator",
  title="当該システムの管理者との連絡手段と体制を確認・整備する対策を実施する",
  space="the rule is for a satellite operation system (衛星運用システム) located in part of another system")
R("C5.3", "1010", "In security areas, whatever the level, take care of the following")
R("C5.3-1", "1012", "Leave no originals or prints on MFPs and printers")
R("C5.3-2", "1014", "Erase all electromagnetic records when an MFP or printer is retired",
  notes=[N("The text prints 「電磁的記録を媒体の全てを抹消する」 (two を; probably 電磁的記録媒体の全てを抹消する); kept as printed.",
           1014, "電磁的記録を媒体の全てを抹消する")])
R("C5.3-3", "1016", "Check fax destinations several times")
R("C5.3-4", "1018", "Erase whiteboards after use")
R("C5.3-5", "1020-1022", "No photography or recording in rooms without the DISM's permission",
  title="室内での撮影、録音は禁止する")
R("C5.3-6", "1024", "Prevent eavesdropping in reception and meeting rooms and lifts", mod="should",
  title="会話の盗み聞きを防止するよう配慮する")
R("C5.3-7", "1026", "Do not give employees' personal information to suspicious callers",
  notes=[N("The text prints 「外線受話時の際に」 (時 and 際 both; probably 外線受話の際に); kept as printed.", 1026,
           "外線受話時の際に")],
  title="相手が不審な場合は、従業員の個人情報を伝えてはならない")
R("C5.3-8", "1028", "Ask outsiders their business")
R("C5.4", "1034", "Receive and hand over mail and parcels through the following")
R("C5.4-1", "1038", "Head office mail: locked post box; registered mail: general affairs",
  notes=[N("The 「/」 here separates two cases (ordinary and registered mail), not alternatives.",
                                 1038, "郵便物：本社施錠ポスト/書留便の場合は総務部")])
R("C5.4-2", "1040", "Head office parcels: ground-floor reception")

# ---- 6 ＩＴ機器利用 ---------------------------------------------------------
R("C6.1.1", "1051-1063", "Install the company's standard software; other software with the SA's permission", sent="1-3")
R("C6.1.1-1", "1051-1063", "Information handled under the space laws and other laws: protect as the law requires", sent=4,
  title="当該法、運用基準、省庁通達等に則った適切な保護措置等を講じる", space=LAW_WHY)
R("C6.1.2", "1069-1071", "Remove functions users do not need before providing systems", sent=1, role=SA)
R("C6.1.2-1", "1069-1071", "Employees do not use utilities or software they do not need", sent=2, role=EMP,
  title="業務に不要なシステムユーティリティやインストールされているソフトウェアを利用しない")
R("C6.1.2-2", "1075-1077", "Prohibited: file-sharing (P2P) software", title="ファイル共有ソフト")
R("C6.1.2-3", "1079", "Prohibited: software from suspicious vendors")
R("C6.1.2-4", "1081", "Prohibited: unlicensed software")
R("C6.1.2-5", "1083-1087", "As needed, manage installation and execution by a blacklist or whitelist", mod="should",
  title="ブラックリスト", docs=["ブラックリスト", "ホワイトリスト"])
R("C6.1.3", "1095-1097", "Keep business software up to date (methods in 6.2)", role=EMP)
R("C6.1.4.1", "1105", "Employees scan for viruses as follows", role=EMP)
R("C6.1.4.1-1", "1107", "Scan files obtained over networks with automatic detection on", role=EMP,
  rf="C6.1.4.1, the lead-in of this list", title="ネットワーク経由で入手するファイルは、自動検知機能を有効にしてウイルス検知を実施する")
R("C6.1.4.1-2", "1109-1110", "Scan files on media used to exchange files", role=EMP, rf="C6.1.4.1, the lead-in of this list",
  title="電子媒体を用いてファイルの受け渡しを行う場合は、媒体内のファイルにウイルス検知を実施する")
R("C6.1.4.1-3", "1112", "Consider introducing EDR as needed", role=SA, mod="consider")
R("C6.1.4.1-4", "1114-1118", "Consider an external monitoring SOC; set up virus detection operations", mod="consider",
  title="外部監視 SOC との契約を検討し",
  notes=[N("This paragraph follows the bullet 「システム管理者は、必要に応じて EDR 導入を検討する。」 in a list that the "
           "lead-in gives to 従業員; it names no actor (presumably the システム管理者).", 1114, None)])
R("C6.1.4.2", "1124-1130", "Update virus definitions continually; check take-out laptops at use", role=EMP)
R("C6.1.4.3", "1136-1142", "No outside devices on the LAN; exceptions with permission after a full scan")
R("C6.1.5", "1148-1152", "Collect virus information; publish countermeasures and patches internally", sent=1, role=SA)
R("C6.1.5-1", "1148-1152", "Employees complete notified infection-prevention measures promptly", sent=2, role=EMP,
  title="感染防止策が通知された場合は、速やかに実施完了すること")
R("C6.2", "1158-1160", "Set login passwords on business PCs, tablets and smartphones; when using them:", role=EMP)
R("C6.2-1", "1162", "Do not write login passwords where others can see them", role=EMP, rf="C6.2, the lead-in of this list")
R("C6.2-2", "1164", "Outdoors, do not use devices where others can see the screen", role=EMP, rf="C6.2, the lead-in of this list")
R("C6.2-3", "1166-1168", "Switch off and lock away devices and media when leaving or not in use", role=EMP,
  rf="C6.2, the lead-in of this list", title="退社時又は使用しないときには電源を切り")
R("C6.3.1", "1176-1178", "Clear desk for 社外秘/極秘 documents and portable devices and media", role=EMP)
R("C6.3.1-1", "1180", "Do not leave them on the desk except in use", role=EMP, rf="C6.3.1, the lead-in of this list")
R("C6.3.1-2", "1182", "When away from the desk, turn documents over or put them in a drawer", role=EMP,
  rf="C6.3.1, the lead-in of this list")
R("C6.3.1-3", "1183", "When leaving or not in use, lock them in the desk drawer", role=EMP, rf="C6.3.1, the lead-in of this list")
R("C6.3.2", "1189-1191", "Clear screen: lock the PC when leaving the seat by one of the following", role=EMP)
R("C6.3.2-1", "1193", "Screen saver within 5 minutes, with a password", role=EMP, rf="C6.3.2, the lead-in of this list")
R("C6.3.2-2", "1195", "Sleep within 5 minutes, with password protection on wake", role=EMP, rf="C6.3.2, the lead-in of this list")
R("C6.3.2-3", "1197", "Press Windows+L when leaving the seat", role=EMP, rf="C6.3.2, the lead-in of this list")
R("C6.3.2-4", "1199-1201", "Hide the operating screen when logged off; switch PCs off when leaving or not in use",
  title="ログオフ状態ではシステム操作画面は非表示に設定する",
  notes=[N("This bullet and the next stand in the list of ways to lock the screen (「以下のいずれかにより」) but are "
           "not such ways; they are read as separate rules.", 1199, None)])
R("C6.3.2-5", "1203", "Do not use smartphones and tablets outside where others can see them", role=EMP,
  rf="C6.3.2 (the lead-in names 従業員)",
  title="スマートフォン・タブレットを外出先で利用する場合は、他者が盗み見できる環境で利用しない")
R("C6.4.1", "1211-1215", "Restrict browsing of harmful websites by internal notice or web filtering", sent=1, role=SA,
  params=[("社内周知/ウェブフィルタリングソフト", None)])
R("C6.4.1-1", "1211-1215", "Employees take care of the following when browsing for work", sent=2, role=EMP,
  title="従業員は、業務でウェブ閲覧を行う場合は以下に注意する")
R("C6.4.1-2", "1217", "No access to sites contrary to public order and morals", role=EMP, rf="C6.4.1-1, the lead-in of this list")
R("C6.4.1-3", "1219", "No access to suspicious sites and no registering of company addresses there", role=EMP,
  rf="C6.4.1-1, the lead-in of this list")
R("C6.4.1-4", "1221-1223", "Do not save passwords in the browser without the SA's permission", role=EMP,
  rf="C6.4.1-1, the lead-in of this list", title="パスワードをブラウザに保存しない")
R("C6.4.1-5", "1225-1227", "Enter personal information only after checking encryption and the site's authenticity", role=EMP,
  rf="C6.4.1-1, the lead-in of this list", title="通信の暗号化、接続先の実在性等を十分に確認したうえで行う")
R("C6.4.1-6", "1229-1231", "Run no mobile code except signed code from trusted sites", role=EMP,
  rf="C6.4.1-1, the lead-in of this list", title="モバイルコード(クライアントパソコン側で動作するプログラム)を実行しない")
R("C6.4.2", "1237-1239", "Online services for business need the SA's permission; take care of the following", role=EMP)
R("C6.4.2-1", "1243-1245", "Internet banking: own bookmarks or the bank's application", role=EMP,
  rf="C6.4.2, the lead-in of this list", title="自分で設定したブックマークや銀行が提供する専用アプリケーションソフトを用いる")
R("C6.4.2-2", "1247", "Electronic payment: sites with SSL/TLS encryption", role=EMP, rf="C6.4.2, the lead-in of this list",
  title="SSL/TLS による通信暗号化を採用しているサイトを利用する")
R("C6.4.2-3", "1249-1251", "Do not follow links in mails or on other sites (fake sites)", role=EMP,
  rf="C6.4.2, the lead-in of this list", title="偽サイトへの誘導である可能性があるためアクセスしない")
R("C6.4.2-4", "1255", "Online storage: 社外秘/極秘 assets only with the SA's permission", role=EMP,
  rf="C6.4.2, the lead-in of this list")
R("C6.4.2-5", "1256", "Online storage: register the company mail address", role=EMP, rf="C6.4.2, the lead-in of this list")
R("C6.4.2-6", "1258", "Online storage: no services without a published security policy", role=EMP,
  rf="C6.4.2, the lead-in of this list")
R("C6.4.2-7", "1260", "Online storage: no services from suspicious vendors", role=EMP, rf="C6.4.2, the lead-in of this list")
R("C6.4.3-1", "1266", "Do not post information about the company's business")
R("C6.4.3-2", "1268-1270", "Private contact with partners' staff on SNS within common-sense limits",
  title="取引先従業者と SNS 上で私的に交流する場合")
R("C6.4.3-3", "1272-1274", "Apply the SNS security settings; beware of takeover and impersonation",
  title="SNS 用のアプリケーションが提供するセキュリティ設定を行い")
R("C6.4.3-4", "1276-1278", "Beware that data, photos and location may be published unexpectedly",
  title="予期せず公開される可能性のあることに注意する")
R("C6.4.4", "1284", "When using e-mail for business, do the following", role=EMP)
EMAIL = "C6.4.4, the lead-in of this list"
R("C6.4.4-1", "1288", "Disable immediate sending", role=EMP, rf=EMAIL, title="＜誤送信防止＞")
R("C6.4.4-2", "1292-1294", "Mass mail to outside parties: own address in TO, recipients in BCC", role=EMP, rf=EMAIL,
  title="＜メールアドレス漏えい防止＞")
R("C6.4.4-3", "1298-1300", "Send 社外秘/極秘 assets in an encrypted attachment, not the body", role=EMP, rf=EMAIL,
  title="＜傍受による漏えい防止＞")
R("C6.4.4-4", "1304-1306", "Encrypt attachments with a password or password ZIP; share the password safely", role=EMP,
  rf=EMAIL, title="＜添付ファイル暗号化の方法＞",
  notes=[N("The two sentences are joined by 「。/」: how to encrypt, then how to share the password. They do not "
           "read as alternatives; perhaps a lost line break or a choice the company makes (blue text lost).", 1304,
           "ZIP ファイルにする。/パスワードは")])
R("C6.4.4-5", "1310", "Cloud mail for business needs the SA's permission", role=EMP, rf=EMAIL,
  )
R("C6.4.4-6", "1312-1314", "No retrieving or exporting mail except on PCs the SA permits", role=EMP, rf=EMAIL,
  title="メールの取り出し及びエクスポートを禁止する")
R("C6.4.4-7", "1318", "Prohibited: use that may interfere with work", role=EMP, rf=EMAIL,
  )
R("C6.4.4-8", "1320", "Prohibited: connecting to private mail servers", role=EMP, rf=EMAIL,
  )
R("C6.4.4-9", "1322", "Prohibited: forwarding to private addresses", role=EMP, rf=EMAIL,
  )
R("C6.4.4-10", "1324", "Prohibited: HTML display of received mail (convert to text)", role=EMP, rf=EMAIL,
  )
R("C6.4.4-11", "1326", "Display HTML mail as text so that malicious code does not run", role=EMP, rf=EMAIL,
  title="HTML 形式メールの中に含まれる不正なコードを実行しないようテキスト形式で表示する",
  notes=[N("Listed under ＜禁止事項＞ (prohibited) but worded as a positive rule; it restates the bullet before "
           "(C6.4.4-10).", 1326, None)])
R("C6.4.5", "1329-1333", "Targeted-attack mail matching several indicators: do not open attachments or links", sent=1,
  pwin="1335-1424", title=None,
  pts=[P("メールのテーマ", items=[
      ("①知らない人からのメールだが、メール本文のURLや添付ファイルを開かざるを得ない内容",
       ["新聞社や出版社からの取材申込や講演依頼", "就職活動に関する問い合わせや履歴書送付", "製品やサービスに関する問い合わせ、クレーム",
        "アンケート調査"]),
      ("②心当たりのないメールだが、興味をそそられる内容", ["議事録、演説原稿などの内部文書送付", "VIP 訪問に関する情報"]),
      ("③これまで届いたことがない公的機関からのお知らせ",
       ["情報セキュリティに関する注意喚起", "インフルエンザ等の感染症流行情報", "災害情報"]),
      ("④組織全体への案内", ["人事情報", "新年度の事業方針", "資料の再送、差替え"]),
      ("⑤心当たりのない、決裁や配送通知 (英文の場合が多い)", ["航空券の予約確認", "荷物の配達通知"]),
      ("⑥IDやパスワードなどの入力を要求するメール", ["メールボックスの容量オーバーの警告", "銀行からの登録情報確認"])]),
       P("差出人のメールアドレス", items=["①フリーメールアドレスから送信されている",
                                   "②差出人のメールアドレスとメール本文の署名に記載されたメールアドレスが異なる"]),
       P("メールの本文", items=["①日本語の言い回しが不自然である", "②日本語では使用されない漢字（繁体字、簡体字）が使われている",
                             "③実在する名称を一部に含むURL が記載されている",
                             "④表示されているURL（アンカーテキスト）と実際のリンク先のURLが異なる（HTML メールの場合）",
                             ("⑤署名の内容が誤っている", ["組織名や電話番号が実在しない", "電話番号がFAX 番号として記載されている"])]),
       P("添付ファイル", items=["①ファイルが添付されている", "②実行形式ファイル(exe/scr/cplなど)が添付されている",
                             "③ショートカットファイル(lnkなど)が添付されている",
                             ("④アイコンが偽装されている", ["実行形式ファイルなのに文書ファイルやフォルダーのアイコンとなっている"]),
                             ("⑤ファイル拡張子が偽装されている",
                              ["二重拡張子となっている", "ファイル拡張子の前に大量の空白文字が挿入されている",
                               "ファイル名にRLOが使用されている"])])],
  notes=[N("The indicators are a table (category | indicator | examples); each category is a point, the numbered "
           "indicators its items and the examples (printed with a private-use bullet glyph) their sub-items.",
           1335, None)])
R("C6.4.5-1", "1329-1333", "Report such mail to the SA; the SA warns the company", sent=2, role=SA,
  title="受信した場合は、システム管理者に報告し、システム管理者は社内に注意を促す",
  notes=[N("The paragraph of 4.5 is two rules: not to open such mail (C6.4.5, with the indicator table), and this "
           "sentence, which adds an act (reporting) and an actor (the administrator's warning to the company).",
           1331, "受信した場合は、システム管理者に報告し、システム管理者は社内に注意を促す。")])
R("C6.5.1", "1432-1436", "Business use of private IT devices and media: with the SA's permission / prohibited",
  params=[("システム管理者の許可を得る/利用することを禁止する", None)],
  notes=[N("Editorial note: 「※編集時注意：利用することを禁止する場合は、5.1～5.3 は削除してください。」 (delete 5.1–5.3 "
           "when private devices are prohibited).", 1438, "※編集時注意：利用することを禁止する場合は、5.1～5.3 は削除してください。")])
R("C6.5.2", "1444", "Before use, the user does the following", role="利用する本人")
OWN = "C6.5.2, the lead-in of this list (利用する本人)"
R("C6.5.2-1", "1446-1448", "Install the anti-virus software the SA designates and update its definitions",
  role="利用する本人", rf=OWN, title="システム管理者が指定するウイルス対策ソフトウェアをインストールし")
R("C6.5.2-2", "1450", "Virus-check the hard disk and media", role="利用する本人", rf=OWN)
R("C6.5.2-3", "1452", "Delete software that may hinder work", role="利用する本人", rf=OWN)
R("C6.5.2-4", "1454", "No Wi-Fi spots other than services the company contracts", role="利用する本人", rf=OWN)
R("C6.5.3", "1460", "During use, do the following where the device or medium has the function")
R("C6.5.3-1", "1462", "Keep virus definitions up to date", title="ウイルス対策ソフトウェアの定義ファイルを常に最新版に更新する")
R("C6.5.3-2", "1464", "Apply OS and application updates promptly when notified",
  title="OS やアプリケーションソフトのアップデートが通知されたら速やかに実施する")
R("C6.5.3-3", "1466", "Remote connection to the LAN: prohibited / with the SA's permission",
  params=[("禁止する/する場合はシステム管理者の許可を得る", None)],
  notes=[N("Editorial note: 「※編集時注意：接続を禁止する場合は、5.1～5.3 は削除してください。」 — it repeats the note of "
           "5.1 although only the remote-connection bullets (C6.5.3-3, C6.5.3-4) would go when connection is "
           "prohibited.", 1468, "※編集時注意：接続を禁止する場合は、5.1～5.3 は削除してください。")])
R("C6.5.3-4", "1470", "Remote connection from outside: observe the following")
REMOTE = "the sub-items after 「社外から社内 LAN にリモートで接続する場合は以下を遵守する。」 are printed with the same ⚫ as the items; they are read as its sub-items by content"
R("C6.5.3-4a", "1472", "Connect by the designated method with the SA's permission",
  notes=[N(REMOTE[0].upper() + REMOTE[1:] + ".", 1472, None)])
R("C6.5.3-4b", "1474", "Work in a suitable environment against shoulder-surfing and misuse")
R("C6.5.3-4c", "1476", "Stop or lock the device when leaving it")
R("C6.5.3-4d", "1477", "If the device is lost, contact the SA at once and follow instructions",
  title="リモート接続で利用する端末機器を紛失した場合は、直ちにシステム管理者に連絡し指示に従う")
R("C6.5.3-5", "1479", "No forwarding of company mail to private addresses",
  title="社用メールアドレスで受信したメールを従業員個人のアドレスに転送することを禁止する")
R("C6.5.3-6", "1481", "No sending of company data to private addresses")
R("C6.5.3-7", "1483", "No storing of 社外秘/極秘 assets")
R("C6.5.3-8", "1485", "No installing or using the following applications", pwin="1487-1491",
  pts=[P("機器ベンダーの公式な公開場所（App Store、Google Playなど）以外から提供されるもの"), P("不審なベンダーが提供するもの"),
       P("正規ライセンスを取得していない違法なもの")])
R("C6.5.3-9", "1493", "No Wi-Fi services other than those the company contracts",
  notes=[N("The text prints 「サービス社外の Wi-Fi サービス」 (probably サービス以外の); kept as printed.", 1493,
           "会社で契約したサービス社外の Wi-Fi サービス")])
R("C6.5.3-10", "1495", "At home or outdoors: observe the following")
R("C6.5.3-10a", "1497", "Use only trusted lines")
R("C6.5.3-10b", "1499", "Run the device in principle only during working hours")
R("C6.5.3-10c", "1501", "Ask the SA when in doubt (e.g. suspicious mail)",
  title="情報セキュリティで不安がある場合はシステム管理者に問い合わせる")
R("C6.5.4", "1507-1509", "Bringing private devices in needs the SA's permission; inside: do the following / prohibited",
  params=[("以下を実行する。/ことを禁止する。", None)],
  notes=[N("Editorial note: 「※編集時注意：社内持ち込みを禁止する場合は、以下の箇条を全て削除してください。」.", 1511,
           "※編集時注意：社内持ち込みを禁止する場合は、以下の箇条を全て削除してください。")])
R("C6.5.4-1", "1513", "LAN connection: prohibited / with the SA's permission",
  params=[("禁止する/する場合はシステム管理者の許可を得る", None)])
R("C6.5.4-2", "1515", "No connection to company PCs or servers except for charging")
R("C6.5.5", "1521-1523", "At the end of use, erase business data irrecoverably with the SA's tool; get the SA's consent",
  notes=[N("The text prints 「ＩＴ機器業務で利用したデータ」 (probably ＩＴ機器の業務で…); kept as printed.", 1521,
           "ＩＴ機器業務で利用したデータ")])
R("C6.6.1", en="Standard software", pwin="1531-1558",
  pts=[P("パソコン OS", items=["Windows", "Microsoft", "○○以降"]),
       P("オフィス系ソフト", items=["Office", "Microsoft", "○○以降"]),
       P("電子メール", items=["Outlook", "Microsoft", "○○以降"]),
       P("パソコン用ウイルス対策", items=["○○○○", "○○社", "Ver.○以降"]),
       P("スマートフォン用ウイルス対策", items=["○○○○", "○○社", "Ver.○以降"]),
       P("ブラウザ", items=["○○○○", "○○社", "Ver.○以降"]),
       P("シミュレーション", items=["○○○○", "○○社", "Ver.○以降"]),
       P("○○○○", items=["○○○○", "○○社", "Ver.○以降"])],
  notes=[N("The subsection prints only a table (種別 | 名称 | 開発・販売元 | バージョン); each row is a point, its "
           "items name, vendor and version. The page break splits the cell シミュレーション｜ソフト (the word ソフト "
           "stands after the repeated header, l.1556); the point keeps the part printed with the row.", 1553,
           "シミュレーション"),
         ],
  pspace="simulation software (シミュレーション) among the standard software (here and in 7 §7.1) looks like an "
         "addition for space-system development; the text names no space system")
R("C6.6.2", en="Software update methods", pwin="1564-1592",
  pts=[P("パソコン OS", items=["Windows", "Microsoft", "Windows Update の自動更新機能を有効にする"]),
       P("業務用ソフト", items=[("Office", ["Microsoft", "Windows Update の自動更新機能を有効にする"]),
                            ("Adobe Reader", ["Adobe", "自動アップデートを有効にする。"])]),
       P("ブラウザ", items=[("○○○○", ["○○社", "○○○○"])]),
       P("スマートフォン OS", items=[("Android", ["Google", "機種毎の情報を常に調べて必要に応じて対応する。"]),
                                ("iOS", ["Apple", "iOS アップデート"])])],
  notes=[N("The subsection prints only a table (種別 | 名称 | 開発・販売元 | アップデート方法); each 種別 is a point, "
           "its products items with vendor and update method as sub-items.", 1564,
           "種別 名称 開発・販売元 アップデート方法")])
R("C6.6.3", en="Virus definition update methods", pwin="1598-1614",
  pts=[P("パソコン用ウイルス対策", items=["○○○○", "○○社", "定義ファイル更新方法を自動に設定する"]),
       P("スマートフォン用ウイルス対策", items=["○○○○", "○○社", "定義ファイル更新方法を自動に設定する"])],
  notes=[N("The subsection prints only a table (種別 | 名称 | 開発・販売元 | アップデート方法); each row is a point.", 1598,
           None)])

# ---- 7 ＩＴ基盤運用管理 -----------------------------------------------------
R("C7.1", "1623-1625", "Select IT infrastructure products and services with security in mind", sent=1, role=SA)
R("C7.1-1", "1623-1625", "The ISM approves the infrastructure's security measures and specifications", sent=2, role=ISM,
  title="ＩＴ基盤の情報セキュリティ対策及び関連仕様は、情報セキュリティ責任者が承認する")
R("C7.2.1", "1633-1639", "The SA sets server security requirements; new servers meet them, with permission", role=SA,
  notes=[N("The text refers to 「7.1 サーバー機器情報セキュリティ要件」; section 7.1 is titled 機器・ソフトウェアの"
           "情報セキュリティ要件及び標準 and holds the server requirements as its first table.", 1637,
           "「7.1 サーバー機器情報セキュリ")])
R("C7.2.1-1", "1641-1647", "Information handled under the space laws and other laws: operate the infrastructure accordingly",
  title="当該法、運用基準、省庁通達等に則った適切な条件下で IT 基盤を運用また管理する",
  space=LAW_WHY + "; this variant says to operate and manage the IT infrastructure under suitable conditions",
  notes=[N("The text prints 「運用また管理する」 (probably 運用または管理する or 運用及び管理する); kept as printed.", 1647,
           "IT 基盤を運用また管理する")])
R("C7.2.2", "1653-1657", "The SA selects standard server software; new software with permission", role=SA,
  notes=[N("The text refers to 「7.2ＩＴ基盤標準ソフトウェア」; 7.2 is クラウドサービスの情報セキュリティ要件 and the "
           "standard server software is the table ＜標準ソフトウェア＞ of 7.1.", 1657, "「7.2ＩＴ基盤標準ソフトウェア」")])
R("C7.2.3", "1663-1669", "The SA sets network device security requirements; new devices meet them, with permission", role=SA,
  notes=[N("The text refers to 「7.4 ネットワーク機器情報セキュリティ要件」; there is no 7.4 (the requirements are the "
           "table ＜ネットワーク機器の情報セキュリティ要件＞ of 7.1).", 1667, "「7.4 ネットワ")])
R("C7.2.3-1", "1671-1675", "Special-purpose network devices: the SA sets their requirements; classify the information first",
  role=SA, title="特定用途機器に求めるセキュリティ要件を、システム管理者が決定する",
  pspace="special-purpose network devices (特定用途機器, e.g. the ground-station and control equipment of space "
         "systems) and the classification (格付け) of the information they handle look like space-operator additions; "
         "the text names no space system")
R("C7.3", "1681", "When operating the IT infrastructure, the SA does the following", role=SA)
INFRA = "C7.3, the lead-in of this list"
R("C7.3-1", "1683-1684", "No default passwords on management screens; set unguessable ones", role=SA,
  title="機器の管理画面にログインするためのパスワードは初期状態のまま使わず")
R("C7.3-2", "1686", "Collect and keep gateway communication logs as follows", role=SA, rf=INFRA, pwin="1688-1690",
  pts=[P("通信ログの保存期間は 3 年間とする。"), P("ログファイルの保存状況について、システム管理者が定期的に確認する。")])
R("C7.3-3", "1692", "Check the communication logs periodically for the following", role=SA, pwin="1694-1698",
  pts=[P("管理外のインターネット接続がないか"), P("許可なく接続された機器や無線 LAN 機器はないか"), P("不審な通信が行われていないか")])
R("C7.3-4", "1700-1702", "As needed, restrict unneeded browsing by internal notice or web filtering", role=SA, mod="should",
  title="業務に不要なウェブサイト閲覧",
  params=[("社内周知/ウェブフィルタリングソフト", None)])
R("C7.3-5", "1704-1706", "Remote diagnosis ports only when needed, with authentication or call-back", role=SA, rf=INFRA,
  title="遠隔診断ポートの利用は、保守サポートなど必要な場合のみに限定し")
R("C7.3-6", "1708-1710", "As needed, consider an external monitoring SOC and set up monitoring operations", role=SA,
  mod="consider", title="外部監視 SOC との契約を検討し")
R("C7.4", "1718-1722", "Cloud services in the infrastructure: select services with requirements and SLAs fit for laws and mission",
  pspace="「法令やミッション等に適した」: the mission (ミッション) is, in this sample, the space mission, and the "
         "reading aid takes this as a space-context addition; the text names no space system")
R("C7.4-1", "1724-1730", "The SA evaluates the provider's security measures before selecting; new services with permission",
  role=SA, title="サービスプロバイダの情報セキュリティ対策をあらかじめ評価したうえで選定する")
R("C7.5", "1736", "Collect information on the latest threats and attacks; share it as needed", role=SA)
R("C7.6", "1742-1748", "Before return, disposal or transfer, destroy or erase storage media; ISM approval", sent=1, role=SA)
R("C7.6-1", "1742-1748", "Outsourced destruction or erasure: obtain a certificate", sent=2,
  title="破壊又はデータの完全消去を実行したことの証明書を取得する", role=SA, rf="C7.6, the preceding sentence",
  docs=["破壊又はデータの完全消去を実行したことの証明書"])
R("C7.7.1", "1756-1757", "Security requirements of equipment and software, and the company standards based on them")
R("C7.7.1-1", en="Security requirements of equipment", title="＜機器の情報セキュリティ要件＞", pwin="1763-1799",
  pts=[P("ファイルサーバー", items=[("利用者認証機能", ["Windows Active Directory"]), ("セキュリティログ取得機能", ["Windows"]),
                                ("システムログ取得機能", ["Windows"]), ("ユーザーアクセスログ取得機能", ["○○○○"]),
                                "ハードディスク：容量○TB 以上", "RAID 構成", "○○○○"]),
       P("NAS サーバー", items=["利用者認証機能", ("ディスク暗号化機能", ["○○○○"]), "ハードディスク：容量○GB 以上"]),
       P("データ受付サーバー", items=[("データの暗号化", ["○○○○"]), ("利用者認証機能", ["○○○○"]),
                                 ("ハードディスク：容量○TB 以上", ["○○○○"])]),
       P("SSH サーバー", items=[("利用者認証機能", ["○○○○"]), ("データの暗号化", ["○○○○"]),
                             ("ハードディスク：容量○GB 以上", ["○○○○"])])],
  notes=[N("A table (対象機器 | セキュリティ要件 | 利用技術・製品): each device is a point, each requirement with its "
           "technology or product an item with the product as its sub-item (the extraction does not show which product "
           "cell belongs to the rows ハードディスク, RAID 構成 and the lone ○○○○ of the file server).", 1763,
           "対象機器 セキュリティ要件 利用技術・製品"),
         ],
  pspace="the data reception server (データ受付サーバー) and the SSH server, which chapter 3's backup table does not "
         "list, look like additions for receiving satellite data; the text names no space system")
R("C7.7.1-2", en="Standard server software", title="＜標準ソフトウェア＞", pwin="1805-1815",
  pts=[P("ＯＳ", items=["Windows Server", "Microsoft", "○○以降"]), P("ＲＤＢ", items=["○○SQL", "○○社", "Ver.○以降"]),
       P("ウイルス対策", items=["○○○○", "○○社", "Ver.○以降"]), P("ブラウザ", items=["○○○○", "○○社", "Ver.○以降"]),
       P("シミュレーションソフト", items=["○○○○", "○○社", "Ver.○以降"])],
  notes=[N("A table (種別 | 名称 | 開発・販売元 | バージョン); each row is a point.", 1805, None)],
  pspace="simulation software (シミュレーションソフト) among the standard server software looks like an addition "
         "for space-system development; the text names no space system")
R("C7.7.1-3", en="Security requirements of network devices", title="＜ネットワーク機器の情報セキュリティ要件＞",
  pwin="1821-1842",
  pts=[P("ルーター", items=[("利用者認証機能", ["○○○○"]), ("MAC アドレス認証", ["○○○○"]), ("通信ログ取得", ["○○○○"]),
                          ("○○○○", ["○○○○"])]),
       P("○○監視ツール", items=[("ユーザーアクセス監視", ["○○○○"]), ("○○○○", ["○○○○"])]),
       P("ネットワークカメラシステム", items=[("○○○○", ["○○○○"])]), P("施設管理システム", items=[("○○○○", ["○○○○"])])],
  notes=[N("A table (対象機器 | セキュリティ要件 | 利用技術・製品), continued after a page break with its header "
           "repeated; each device is a point, its requirements items with the technology or product as sub-item.",
           1821, None)])
R("C7.7.1-4", en="Standard network devices", title="＜標準ネットワーク機器＞", pwin="1850-1858",
  pts=[P("ルーター", items=["○○○○", "○○社", "Ver.○以降"]), P("ＵＴＭ", items=["○○○○", "○○社", "Ver.○以降"]),
       P("監視ツール", items=["○○○○", "○○社", "Ver.○以降"]), P("○○○○", items=["○○○○", "○○社", "Ver.○以降"])],
  notes=[N("A table (種別 | 名称 | 開発・販売元 | OS バージョン等); each row is a point.", 1850, None)])
R("C7.7.2", "1864", "Security requirements of cloud services used in the infrastructure")
R("C7.7.2-1", "1866-1870", "The provider's published policy complies with law and suits the mission and asset importance",
  title="サービスプロバイダが公表する情報セキュリティ又は個人情報保護への取組方針",
  pspace="the requirement measures the service against the mission (ミッションの遂行), in this sample the space "
         "mission; the text names no space system")
R("C7.7.2-2", "1872-1874", "Security measures in the service specification comply with law and suit the mission",
  title="サービス仕様に含まれる情報セキュリティ対策",
  pspace="the requirement measures the service against the mission (ミッションの遂行), in this sample the space "
         "mission; the text names no space system")
R("C7.7.2-3", "1876", "The service holds a security conformity-assessment certification", pwin="1878-1890",
  pts=[P("＜適合性評価制度の種類＞",
         items=["情報セキュリティマネジメントシステム適合性評価制度（ISMS クラウドセキュリティ認証）", "クラウド情報セキュリティ監査制度",
                "プライバシーマーク制度", "PCI DSS（クレジットカード業界セキュリティ基準）",
                "クラウドサービスの安全・信頼性に係る情報開示認定制度", "ISMAP 政府情報システムのためのセキュリティ評価制度"])])

# ---- 8 システム開発及び保守 -------------------------------------------------
R("C8.1", "1899-1901", "Develop and modify systems through the following stages, with SA approval at each", pwin="1913-1927",
  pts=[P("対象業務の範囲定義", label="①"), P("ハードウェア・ソフトウェア・ネットワーク機能検討※1", label="②"),
       P("必要なパフォーマンスの検討", label="③"), P("情報セキュリティ要件定義※2", label="④"),
       P("バックアップ/障害復旧要件定義", label="⑤"), P("情報システム運用要件定義", label="⑥"), P("運用体制", label="⑦"),
       P("移行計画立案", label="⑧")],
  notes=[N("The law clause (C8.1-1) is printed between the lead-in and its list of stages.", 1903, None)])
R("C8.1-1", "1903-1909", "Information handled under the space laws and other laws: protect as the law requires",
  title="当該法、運用基準、省庁通達等に則った適切な保護措置等を講じる", space=LAW_WHY)
R("C8.1-2", "1929-1931", "(※1) Using cloud services: confirm their security requirements and functions",
  title="クラウドサービスを用いる場合、セキュリティ要件・機能を確認し、開発・改修を行う")
R("C8.1-3", "1933-1935", "(※2) Outsourced development: define the responsibility for security requirements in the contract",
  title="契約時にセキュリティ要件に関する責任範囲を明確にする")
R("C8.2", "1943-1947", "Identify technical vulnerabilities at design time and counter them", sent=1, pwin="1949-1951",
  pts=[P("（参考）IPA 情報セキュリティ 脆弱性対策", items=["https://www.ipa.go.jp/security/vuln/index.html"])])
R("C8.2-1", "1943-1947", "The SA judges and approves the effectiveness of the countermeasures", sent=2, role=SA,
  title="脆弱性に対する対策の有効性はシステム管理者が判断し、承認する")
R("C8.3", "1957-1962", "Separate the development environment from the production environment", sent=1)
R("C8.3-1", "1957-1962", "Before operating a new or modified system, confirm its measures and get the SA's approval", sent=2,
  notes=[N("The extraction prints the page's link line (https://www.ipa.go.jp/security/vuln/index.html, the URL of "
           "2's reference) inside this sentence, at the page break 「必｜要な」; it is left out.", 1961,
           "https://www.ipa.go.jp/security/vuln/index.html")],
  title="必要な情報セキュリティ対策が講じられていることを確認し、システム管理者の承認を得る")
R("C8.4", "1968", "Maintain systems periodically and whenever needed")
R("C8.4-1", "1970-1972", "Where maintenance cannot be outsourced, operate without known vulnerabilities as follows",
  title="情報システムに既知の脆弱性が存在しない状態で運用する")
R("C8.4-2", "1974-1976", "Vulnerabilities published in software used: take measures promptly",
  title="開発時に用いたソフトウェアに関する脆弱性が公表された場合")
R("C8.4-3", "1978-1982", "End of vendor support: consider rebuilding or stopping; SA approval", mod="consider",
  title="サポートの終了が予定されている場合")
R("C8.5", "1988-1990", "Change hardware or software through the following stages, with SA approval at each", pwin="1992-2002",
  pts=[P("現行システムの問題・課題の把握", label="①"), P("システム変更計画立案", label="②"),
       P("システム変更計画書に基づくシステム設計", label="③"), P("セキュリティ要求と設計の見直し※", label="④"),
       P("移行計画立案（移行時、運用時の障害対応をあらかじめ検討する。）", label="⑤"),
       P("変更後の仕様書、操作手順書、運用手順書等の関連文書の作成", label="⑥")],
  docs=["システム変更計画書", "変更後の仕様書、操作手順書、運用手順書等の関連文書"])
R("C8.5-1", "2004-2006", "(※) Outsourced changes: define the responsibility for security requirements in the contract",
  title="契約時にセキュリティ要求に関する責任範囲を明確にする")

# ---- 9 委託管理 -------------------------------------------------------------
R("C9.1", "2015-2019", "Evaluate contractors handling register-importance ≥ 1 assets against the evaluation criteria",
  role=DISM, docs=["情報資産管理台帳"],
  notes=[N("「「情報資産管理台帳」の重要度が 1 以上」: the register has no 重要度 (importance) column as 3 §1.1 describes it "
           "(it has 機密性, 完全性 and 可用性 values), and on those scales 1 is the lowest value, so the threshold "
           "covers every asset. Kept as printed.", 2015, "「情報資産管理台帳」の重要度が 1 以上")])
R("C9.1-1", "2021-2023", "Supply-chain measures for space systems over the life cycle from procurement to disposal",
  title="宇宙システムのサプライチェーン対策",
  space="the text names supply-chain measures for space systems (宇宙システムのサプライチェーン対策)")
R("C9.1-2", "2025-2031", "Information handled under the space laws and other laws: protect as the law requires",
  title="当該法、運用基準、省庁通達等に則った適切な保護措置等を講じる", space=LAW_WHY)
R("C9.1-3", "2037", "Criterion: a consistent quality management system")
R("C9.1-4", "2039", "Criterion: ISMS certification", title="情報セキュリティマネジメントシステム（ISMS）適合性評価制度の認証")
R("C9.1-5", "2041", "Criterion: personal information management system and Privacy Mark",
  title="プライバシーマーク付与を受けている")
R("C9.1-6", "2043", "Criterion: SECURITY ACTION one star / two stars", 
  params=[("一つ星／二つ星", None)])
R("C9.1-7", "2045", "Criterion: security management including human and physical security",
  )
R("C9.1-8", "2047", "Criterion: periodic information security audits")
R("C9.1-9", "2049", "Criterion: a published information security policy")
R("C9.1-10", "2051-2055", "Criterion: measures of the contractor checklist (all / ○ or more / ○ planned / those needed)",
  title="「委託先情報セキュリティ対策状況確認リスト」",
  params=[("全ての対策を実施している。／○個以上の対策を実施している。／○個以上の対策を実施する予定を確認している。"
           "／取り扱う情報資産に必要な対策を実施している。", None),
          ("○個以上", None)])
R("C9.2", "2061", "Select contractors by the evaluation; the ISM approves", role=DISM,
  rf="C9.1 (the 情報セキュリティ部門責任者 evaluates; this text names only the approver 情報セキュリティ責任者)")
R("C9.3", "2067", "State the following in the outsourcing contract")
CON = "C9.3, the lead-in of this list"
for _k, (_ln, _en) in enumerate([
        ("2069", "Matters on the contractor's employees engaged in the work"),
        ("2071", "Confidentiality of 社外秘/極秘 assets and personal information"),
        ("2073", "Subcontracting"), ("2075", "Allocation of responsibility in accidents"),
        ("2076-2078", "Return, disposal or erasure of provided assets at the end of the work"),
        ("2080-2082", "Method and authority of audits of security measures during the contract"),
        ("2084", "Measures when the contract is not observed"),
        ("2086", "Cost, procedure and certificate when the contractor disposes of prototypes"),
        ("2088", "Testing of products the contractor delivers"), ("2090", "How incidents are reported"),
        ("2092-2094", "Response when vulnerabilities are found in equipment or components from the contractor")], 1):
    R("C9.3-%d" % _k, _ln, "Contract clause: " + _en[0].lower() + _en[1:],
      title=None if _k in (1, 3, 4, 7, 9, 10) else
      {2: "当社の社外秘又は極秘の情報資産及び個人情報の守秘義務",
       5: "委託業務終了時の当社が提供した社外秘又は極秘の情報資産及び個人情報の返却又は廃棄、消去についての事項",
       6: "契約期間中における情報セキュリティ対策の実施状況に関する監査の方法とその権限",
       8: "委託先における試作品等を廃棄・消去する場合の費用負担、廃棄手順、廃棄証明についての事項",
       11: "委託先が調達した機器もしくは開発した構成品に関する脆弱性等の問題が発見された場合の対応についての事項"}[_k],
      pspace=None if _k not in (8, 9, 11) else
      "prototypes (試作品), tests of delivered products and vulnerabilities in procured equipment or developed "
      "components (構成品) are supply-chain clauses that fit space-system manufacturing (cf. C9.1-1); the text "
      "names no space system")
R("C9.4", "2102-2108", "Evaluate the contractor's measures periodically with the checklist", sent=1, pwin="2110-2118",
  docs=["委託先情報セキュリティ対策状況確認リスト"],
  pts=[P("＜委託先評価の方法＞", items=["委託先事業所に訪問して現場を観察する。", "委託先の管理責任者にインタビューする。",
                                  "委託先に「委託先情報セキュリティ対策状況確認リスト」を送付し、実施状況について回答してもらう。"])],
  notes=[N("The section ends with 「（参考情報：9-1 委託先情報セキュリティ対策実施状況確認リスト）」; the list itself is "
           "titled 委託先情報セキュリティ対策状況確認リスト (without 実施). It is the view CL.", 2120,
           "（参考情報：9-1 委託先情報セキュリティ対策実施状況確認リスト）")])
R("C9.4-1", "2102-2108", "Deficiencies or changes: agree on the response in writing", sent=2,
  title="双方協議のうえ、対処を検討し、書面で合意する")
R("C9.5", "2126-2128", "Subcontracting: require a prior written report from the contractor")
R("C9.5-1", "2130-2134", "Confirm equivalent management of the subcontractor; subcontracting with the ISM's approval",
  title="情報セキュリティ責任者の承認を得たうえで再委託を認める", pwin="2136-2144",
  pts=[P("委託先と再委託先との契約書案の写し（情報セキュリティに関連する部分のみ）"), P("再委託先の選定基準"),
       P("再委託先が情報セキュリティに関する適合性評価制度の認証・認定を取得している場合にはその証書の写し"),
       P("再委託先において意図しない変更や情報の窃取等が行われないことを保証するための管理体制")],
  docs=["委託先と再委託先との契約書案の写し（情報セキュリティに関連する部分のみ）", "再委託先の選定基準"])

# ---- 9-1 委託先情報セキュリティ対策状況確認リスト (view CL) ----------------
CL_ITEMS = [
    (2150, "情報セキュリティ管理責任者を定めている", "An information security manager is designated"),
    (2152, "リスクアセスメントを実施し、アセスメント結果に基づいた情報セキュリティに関する規程を整備している",
     "Risk assessment done and security rules based on it"),
    (2159, "情報セキュリティへの取り組み方針を従業員や取引先に周知している", "Security policy made known to employees and partners"),
    (2161, "情報セキュリティ事故に対する対応手順を整備している", "Incident response procedures in place"),
    (2163, "定期的に情報セキュリティに関する内部点検を実施している", "Periodic internal security inspections"),
    (2165, "情報セキュリティ対策の実施状況に関する監査を実施している。", "Audits of the security measures"),
    (2167, "製造工程の履歴を記録する管理体制を整備している", "A structure that records the history of manufacturing processes"),
    (2169, "委託業務に従事する従業員についての規程を整備している", "Rules for employees engaged in the outsourced work"),
    (2171, "情報セキュリティに関する教育を定期的に実施し、受講記録を作成している", "Periodic security education with attendance records"),
    (2173, "従業員と守秘義務契約を交わしている", "Confidentiality agreements with employees"),
    (2175, "関係者以外の事務所への立ち入りを制限している", "Entry to the office restricted to those concerned"),
    (2177, "機密情報の保管について施錠管理をしている", "Confidential information kept locked"),
    (2179, "機密情報を保管している領域に入ることができる人を制限し、入退出記録を取得している",
     "Entry to areas holding confidential information restricted and recorded"),
    (2186, "入退出記録を定期的に確認している", "Entry records reviewed periodically"),
    (2191, "機器・媒体の盗難防止措置を講じている", "Anti-theft measures for equipment and media"),
    (2193, "媒体の無断複製、不正持出しを防止する措置を講じている", "Measures against unauthorised copying and removal of media"),
    (2195, "媒体の移送、受け渡し時の保護措置を講じている", "Protection of media in transport and hand-over"),
    (2197, "媒体の安全な消去、廃棄の手順を整備している", "Procedures for secure erasure and disposal of media"),
    (2200, "システム設計時にリスクアセスメントを実施し、アセスメント結果に基づいた必要なセキュリティ対策を行っている",
     "Risk assessment at system design and measures based on it"),
    (2208, "業務で使用するサーバー・パソコンのウイルス対策を行っている", "Anti-virus on business servers and PCs"),
    (2225, "業務で使用するサーバー・パソコンは利用者認証機能を設定している", "User authentication on business servers and PCs"),
    (2227, "業務で使用するサーバー・パソコンに利用制限等を設け管理している", "Usage restrictions on business servers and PCs"),
    (2230, "重要情報の授受を伴う委託先との契約書には、秘密保持条項を規定している",
     "Confidentiality clauses in contracts with contractors receiving important information"),
    (2238, "重要情報の授受を伴う委託先には自社と同等の情報セキュリティ対策を求めている",
     "Contractors receiving important information required to match the company's measures"),
]
CL_TITLES = {2: "アセスメント結果に基づいた情報セキュリティに関する規程を整備している",
             13: "機密情報を保管している領域に入ることができる人を制限し",
             19: "アセスメント結果に基づいた必要なセキュリティ対策を行っている"}
for _k, (_ln, _t, _en) in enumerate(CL_ITEMS, 1):
    R("CL.%d" % _k, en=_en, text=[_t], win="%d-%d" % (_ln, _ln + 6), title=CL_TITLES.get(_k),
      role="委託先", rf="-",
      pspace=None if _k != 7 else
      "recording the history of manufacturing processes (製造工程の履歴) is a traceability item that fits "
      "space-system supply chains (cf. C9.1-1); the text names no space system")
R("CL.N2", en="Contractors receiving information protected under the space laws must protect it as the law requires",
  lines="2216-2224", drop="注 2：", title="注 2", space=LAW_WHY + "; here as a requirement on contractors that receive such information",
  notes=[N("This note names 特定秘密の保護に関する法律 without the 『』 the other occurrences of the clause print.",
           2218, "特定秘密の保護に関する法律等をはじめとし")])

# ---- 10 情報セキュリティインシデント対応及び事業継続管理 ---------------------
R("C10.1", "2253", "Respond to incidents with the following structure", pwin="2255-2259",
  pts=[P("最高責任者", "代表取締役"), P("対応責任者", "インシデント対応責任者"), P("一次対応者", "発見者又はシステム管理者")])
R("C10.2", "2265", "Judge the impact of an incident by the table below and respond")
R("C10.2-1", "2267-2275", "Information under the space laws: judge the impact by the level of the information",
  title="扱う情報のレベルに応じ、影響範囲を判断して対応する",
  space=LAW_WHY + "; this variant says that leaking such information may gravely affect national security, so "
                  "the impact is judged by the level of the information")
LEVELS = "the row's 責任者 column"
R("C10.2-2", en="Level 3: customers, partners or shareholders affected, personal information leaked, business in danger",
  text=["顧客、取引先、株主等に影響が及ぶとき", "個人情報が漏えいしたとき", "事業の継続及び推進が困難になるとき"], win="2279-2289",
  title=("事故レベル", "3"), role=RD, rf=LEVELS,
  notes=[N("The table 事故レベル | 影響範囲 | 責任者 has a row per level (3 to 0); each row is a requirement, its "
           "影響範囲 the text, its 責任者 the role. The title joins the column header and the level.", 2279,
           "事故レベル 影響範囲 責任者")])
R("C10.2-3", en="Level 2: business affected", text=["事業の継続及び推進に影響が及ぶとき"], win="2291", title=("事故レベル", "2"),
  role=IRM, rf=LEVELS)
R("C10.2-4", en="Level 1: employees' work affected", text=["従業員の業務遂行に影響が及ぶとき"], win="2293", title=("事故レベル", "1"),
  role=IRM, rf=LEVELS)
R("C10.2-5", en="Level 0: an event that may lead to an incident", win="2295-2303", title=("事故レベル", "0"), role=SA, rf=LEVELS,
  text=["インシデントにまでは至らないが、将来においてインシデントが発生する可能性がある事象が発見されたとき"])
R("C10.3", "2309-2311", "Incidents of level 1 or higher: the discoverer reports promptly by the contact list", role=FINDER,
  pwin="2313-2324",
  pts=[P("代表取締役", items=["携帯電話：090-****-****", "電子メールアドレス：president@*****.co.jp"]),
       P("インシデント対応責任者", items=["携帯電話：090-****-****", "電子メールアドレス：incident@*****.co.jp"]),
       P("システム管理者", items=["携帯電話：090-****-****", "電子メールアドレス：system@*****.co.jp"])])
R("C10.4", "2330", "Classify incidents as follows; a procedure for each", pwin="2332-2344",
  pts=[P("漏えい・流出", "社外秘又は極秘情報資産の盗難、流出、紛失"), P("改ざん・消失・破壊", "情報資産の意図しない改ざん、消失、破壊"),
       P("サービス停止", "情報資産が必要なときに利用できない"), P("ウイルス感染", "悪意のあるソフトウェアに感染")],
  notes=[N("The table prints 改ざん・消失・破壊 and サービス停止 in one cell with two descriptions; they are two points. "
           "The procedures treat them as one category (＜改ざん・消失・破壊・サービス停止発生時の対応＞).", 2336, None)])
PROC = "the 責任者 of this level in the table of 2 (C10.2-2 to C10.2-5)"


def steps(*ss):
    return [P(s[1:], label=s[0]) if isinstance(s, str) else P(s[0][1:], label=s[0][0], items=s[1]) for s in ss]


R("C10.4-1", en="Leak or outflow, level 3: response procedure", title=("事故レベル", "3"), role=RD, rf=PROC, pwin="2348-2388",
  pts=steps("①発見者は即座にインシデント対応責任者及び代表取締役社長に報告する。",
            "②インシデント対応責任者は原因を特定するとともに、二次被害が想定される場合には防止策を実行する。",
            "③インシデント対応責任者は被害者/本人対応を準備する。", "④インシデント対応責任者は問い合わせ対応を準備する。",
            "⑤インシデント対応責任者は影響範囲・被害の大きさによっては総務部に報道発表の準備を申請する。",
            "⑥インシデント対応責任者はサイバー攻撃等の不正アクセスによる被害の場合は都道府県警察本部のサイバー犯罪相談窓口に届け出る。",
            "⑦インシデント対応責任者は個人データ*または特定個人情報漏えいの場合には個人情報保護委員会に報告する。",
            "⑧代表取締役は社内及び影響範囲の全ての組織・人に対応結果及び対策を公表する。"),
  notes=[N("The procedures are tables 事故レベル | 対応手順 under ＜漏えい・流出発生時の対応＞ and "
           "＜改ざん・消失・破壊・サービス停止発生時の対応＞; each level is a requirement (title: 事故レベル N), its "
           "numbered steps the points. The steps name several actors; role_ja is the level's 責任者.", 2348,
           "＜漏えい・流出発生時の対応＞"),
         N("Step ⑦'s 個人データ* is defined under the table (*個人データ：…); it is a glossary entry.", 2386,
           "*個人データ：個人情報データベース等"),
         N("Step ① (here and in C10.4-4) says 代表取締役社長 where the rest of the sample says 代表取締役.", 2354,
           "代表取締役社長に報")])
R("C10.4-2", en="Leak or outflow, level 2: response procedure", title=("事故レベル", "2"), role=IRM, rf=PROC, pwin="2390-2398",
  pts=steps("①発見者は発見次第、システム管理者に報告する。", "②システム管理者は漏えい先を調査し、インシデント対応責任者に報告する。",
            "③システム管理者は社内関係者に周知する。"))
R("C10.4-3", en="Leak or outflow, level 1: every leak or outflow is level 2 or higher",
  text=["情報漏えい・流出は全て事故レベル 2 以上"], win="2400-2402", title=("事故レベル", "1"))
R("C10.4-4", en="Alteration, loss, destruction or outage, level 3: response procedure", title=("事故レベル", "3"), role=RD,
  rf=PROC, pwin="2406-2433",
  pts=steps("①発見者は即座にインシデント対応責任者及び代表取締役社長に報告する。", "②システム管理者は原因を特定し、応急処置を実行する。",
            "③インシデント対応責任者は社内に周知する。", "④電子データの場合はシステム管理者がバックアップによる復旧を実行する。",
            "⑤機器の場合はシステム管理者が修理、復旧、交換等の手続きを行う。",
            "⑥書類・フィルム原本の場合は情報セキュリティ部門責任者が可能な範囲で修復する。", "⑦システム管理者は原因対策を実施する。",
            "⑧代表取締役は社内及び影響範囲の全ての組織・人に対応結果及び対策を公表する。"))
R("C10.4-5", en="Alteration, loss, destruction or outage, level 2: response procedure", title=("事故レベル", "2"), role=IRM,
  rf=PROC, pwin="2435-2453",
  pts=steps("①発見者は発見次第、システム管理者に報告する。", "②システム管理者は原因を特定し、応急処置を実行する。",
            "③インシデント対応責任者は社内に周知する。", "④電子データの場合はシステム管理者がバックアップによる復旧を実行する。",
            "⑤機器の場合はシステム管理者が修理、復旧、交換等の手続きを行う。",
            "⑥書類・フィルム原本の場合は情報セキュリティ部門責任者が可能な範囲で修復する。", "⑦システム管理者は原因対策を実施する。"))
R("C10.4-6", en="Alteration, loss, destruction or outage, level 1: response procedure", title=("事故レベル", "1"), role=IRM,
  rf=PROC, pwin="2455-2473",
  pts=steps("①発見者は発見次第、システム管理者に報告する。",
            "②システム管理者は原因を特定し、応急処置を実行するとともに必要に応じて社内に周知する。",
            "③電子データの場合はシステム管理者がバックアップによる復旧又は再作成・入手を実行する。",
            "④機器の場合はシステム管理者が修理、復旧、交換等の手続きを行う。",
            "⑤書類・フィルム等の原本の場合は情報セキュリティ部門責任者が可能な範囲で修復する", "⑥システム管理者は原因対策を実施する"),
  notes=[N("Steps ⑤ and ⑥ of this level end without 。; kept as printed.", 2471, None)])
R("C10.4-7", en="Alteration, loss, destruction or outage, level 0: report the possible incident and damage",
  text=["発見者は発見次第、発生可能性のあるインシデントと想定される被害をシステム管理者に報告する。"], win="2475-2479",
  title=("事故レベル", "0"), role=SA, rf=PROC)
R("C10.4-8", "2485-2487", "Virus infection: the employee's first response", role=EMP, title="＜ウイルス感染時の初期対応＞",
  pwin="2489-2504",
  pts=steps("①ネットワークからコンピュータを切断する。", "②システム管理者に連絡する。",
            ("③ウイルス対策ソフトの定義ファイルが最新の状態でない場合は最新版に更新する。",
             ["※他のコンピュータでネットワークに接続し、定義ファイルの最新版をダウンロードしたうえで、感染したコンピュータの定義ファイルを更新する。"]),
            "④ウイルス対策ソフトを実行しウイルス名を確認する。", "⑤ウイルス対策ソフトで駆除可能な場合は駆除する。",
            "⑥駆除後再度ウイルス対策ソフトでスキャンし、駆除を確認する。", "⑦システム管理者に報告する。"))
R("C10.4-9", "2508", "Ask the SA when the employee cannot cope, e.g.:", role=EMP, rf="C10.4-8 (従業員)",
  title="従業員自身で対応できないと判断される場合はシステム管理者に問い合わせる", pwin="2510-2514",
  pts=[P("ウイルス対策ソフトで駆除できない。"), P("システムファイルが破壊・改ざんされている。"), P("ファイルが改ざん・暗号化・削除されている。")])
R("C10.5", "2520", "After the response, consider notifying, reporting to or consulting the following", role=SA,
  mod="consider")
DEST = "C10.5, the lead-in of this list"
R("C10.5-1", en="IPA Security Center: virus, ransomware and unauthorised-access reports; consultation desk",
  title="独立行政法人 情報処理推進機構セキュリティセンター", role=SA, rf=DEST, mod="consider", pwin="2524-2550",
  pts=[P("https://www.ipa.go.jp/security/todokede/crack-virus/about.html"),
       P("ウイルス発見・感染、ランサムウェア被害の届出", items=["E-mail：virus@ipa.go.jp"]),
       P("不正アクセスの届出", items=["E-mail：crack@ipa.go.jp"]),
       P("ウイルス発見・感染、ランサムウェア被害の届出", items=["E-mail：virus@ipa.go.jp"]),
       P("情報セキュリティ安心相談窓口",
         items=["https://www.ipa.go.jp/security/anshin/about.html", "E-mail：anshin@ipa.go.jp",
                "TEL:03-5978-7509 FAX:03-5978-7518",
                "〒 113-6591 東京都文京区本駒込 2-28-8 文京グリーンコート センターオフィス 18 階",
                "IPA セキュリティセンター 安心相談窓口"])],
  notes=[N("The entry 「ウイルス発見・感染、ランサムウェア被害の届出 E-mail：virus@ipa.go.jp」 is printed twice; both are kept.",
           2536, None)])
R("C10.5-2", "2564-2566", "Personal data leak: report promptly to the Personal Information Protection Commission",
  title="個人データの漏えい等の事案が発生した場合等の対応", role=SA, rf=DEST, pwin="2554-2572",
  pts=[P("個人データ（特定個人情報に係るものを除く。）の漏えい、滅失又は毀損", label="①"),
       P("加工方法等情報（匿名加工情報の加工の方法に関する情報等）の漏えい", label="②"), P("上記①又は②のおそれ", label="③"),
       P("個人情報保護委員会事務局 個人データ漏えい等報告窓口",
         items=["https://www.ppc.go.jp/personalinfo/legal/leakAction/", "TEL：03-6457-9685"])],
  notes=[N("The text prints 「下記 UR を参照して」 (URL) here and in the two My Number entries; kept as printed.", 2564,
           "速やかに下記 UR を参照して")])
R("C10.5-3", "2585-2587", "My Number Act violation or risk: report promptly to the Commission",
  title="①番号法違反又は違反のおそれ", role=SA, rf=DEST, pwin="2589",
  pts=[P("https://www.ppc.go.jp/legal/rouei/")],
  notes=[N("C10.5-3 (①) and C10.5-4 (②) are the two cases under 「➢ 特定個人情報の漏えい事案が発生した場合の対応」.",
           2574, "特定個人情報の漏えい事案が発生した場合の対応")])
R("C10.5-4", "2607-2609", "Serious situation (重大事態) or risk of one: report immediately to the Commission",
  title="②重大事態に該当する事案又はそのおそれ", role=SA, rf=DEST, pwin="2593-2615",
  pts=[P("≪重大事態≫",
         items=["情報提供ネットワークシステム等又は個人番号利用事務を処理するために使用する情報システムで管理される特定個人情報が漏えい等した事態",
                "漏えい等した特定個人情報に係る本人の数が 100 人を超える事態",
                "特定個人情報を電磁的方法により不特定多数の者が閲覧することができる状態となり、かつ閲覧された事態",
                "従業員等が不正の目的をもって、特定個人情報を利用し、又は提供した事態"]),
       P("個人情報保護委員会事務局 特定個人情報漏えい等報告窓口", items=["https://www.ppc.go.jp/legal/rouei/", "TEL:03-6457-9680"])])
R("C10.5-5", "2619", "Choose among the following destinations by the content of the business", role=SA, rf=DEST)
SEL = "C10.5-5 (choose by the business) and C10.5 (システム管理者)"
R("C10.5-6", "2635-2639", "Remote Sensing Act: report loss of the sensor or satellite to the Cabinet Office",
  title="衛星リモートセンシング記録の適正な取扱いの確保に関する法律", role=SA, rf=SEL, pwin="2621-2641",
  pts=[P("【内閣総理大臣（内閣府）】"),
       P("衛星リモートセンシング装置又はこれを搭載する地球周回人工衛星の故障その他の事情により、終了措置を講ずることなく当該衛星"
         "リモートセンシング装置の使用を行うことができなくなり、かつ、回復する見込みがない場合等の対応：",
         items=["①テレメトリ等から、衛星リモセン装置の故障等により機能の回復が望めないことが把握できるとき",
                "②通信の途絶等、回復の手立てがないとき"]),
       P("https://www8.cao.go.jp/space/application/rs/application.html")],
  space="a report under the Remote Sensing Act (衛星リモートセンシング記録の適正な取扱いの確保に関する法律) when a "
        "satellite remote sensing device or its satellite can no longer be used")
R("C10.5-7", "2647-2649", "Space Activities Act: report loss of control of a satellite to the Cabinet Office",
  title="人工衛星等の打上げ及び人工衛星の管理に関する法律", role=SA, rf=SEL, pwin="2643-2651",
  pts=[P("人工衛星の他の物体との衝突その他の事故の発生により、同項の許可に係る終了措置を講ずることなく人工衛星の管理ができなくなり、"
         "かつ、回復する見込みがない場合等の対応"),
       P("https://www8.cao.go.jp/space/application/space_activity/application.html")],
  space="a report under the Space Activities Act (人工衛星等の打上げ及び人工衛星の管理に関する法律) when a satellite "
        "can no longer be managed",
  notes=[N("「同項の許可に係る終了措置」 refers to a paragraph (同項) that the sample does not quote (the Act's own "
           "provision on the licence); kept as printed.", 2643, "同項の許可に係る終了措置")])
R("C10.5-8", "2679-2683", "Telecommunications Business Act: report suspensions and serious accidents to MIC",
  title="『電気通信事業法』及び『電気通信事業法施行規則』", role=SA, rf=SEL, pwin="2655-2685",
  pts=[P("【総務大臣（総務省）】"),
       P("電気通信業務の一部を停止したとき、又は電気通信業務に関し通信の秘密の漏えいその他重大な事故が生じた場合等の対応",
         items=["①電気通信業務の一部を停止したとき", "②報告を要する事由が発生したとき"]),
       P("https://www.soumu.go.jp/menu_seisaku/ictseisaku/net_anzen/jiko/judai.html")],
  pspace="listed among the destinations chosen 「事業内容に応じて」; it applies to operators of satellite "
         "communication services (a telecommunications business), but the text names no space service")
R("C10.5-9", "2691-2693", "Broadcast Act: report broadcast suspensions and serious accidents to MIC",
  notes=[N("The heading says 「その他の重大な事故」, its item ① 「その他の重要な事故」; kept as printed.", 2689,
           "放送の停止その他の重要な事故")],
  title="『放送法』及び『放送法施行規則』", role=SA, rf=SEL, pwin="2687-2695",
  pts=[P("設備に起因する放送の停止、またその他の重大な事故が生じた場合等の対応",
         items=["①設備に起因する放送の停止その他の重要な事故が発生したとき"]),
       P("https://www.soumu.go.jp/main_content/000496674.pdf")],
  pspace="listed among the destinations chosen 「事業内容に応じて」; it applies to satellite broadcasting, but the "
         "text names no space service")
R("C10.5-10", "2707-2709", "Space services disrupting critical infrastructure: report to the ministries concerned",
  title="各関係省庁", role=SA, rf=SEL, pwin="2699-2711",
  pts=[P("宇宙に関連するサービスが起因で重要インフラのサービスに支障が生じる場合等の対応",
         items=["①電気通信サービスの停止", "②放送サービスの停止"]),
       P("https://www.nisc.go.jp/pdf/policy/infra/cip_policy_2022.pdf （P.48～）")],
  space="the case is a space-related service (宇宙に関連するサービス) that disrupts critical infrastructure services")
R("C10.6", "2717-2719", "The representative director defines the following against business interruption", role=RD)
R("C10.6-1", "2723", "Assumed incidents and why", title="＜想定される情報セキュリティインシデント＞", role=RD,
  rf="C10.6, the lead-in of this section", pwin="2721-2741",
  pts=[P("情報セキュリティインシデント①：大型地震の発生に伴う設備の倒壊、回線の途絶、停電等による○○システム停止",
         items=["想定理由：当社の事業は、商品の販売から請求回収までの業務を○○システムに依存しているため、停止した場合は事業の継続が困難になり多大な損失が発生"]),
       P("情報セキュリティインシデント②：△△システムを対象としたサイバー攻撃による自社サービスの停止、機密情報の漏えい",
         items=["想定理由：衛星関連システムを対象としたインシデント事例が増加しており、当社の基幹事業である○○は、△△システムに依存しているため、停止した場合は、事業の継続が困難になり多大な損失が発生"])],
  space="the second assumed incident is a cyberattack, justified by the rising number of incidents targeting "
        "satellite-related systems (衛星関連システム)",
  notes=[N("Each incident and its reason are printed as two ⚫ bullets; here the incident is a point and its reason "
           "(想定理由) an item of it.", 2725, None)])
R("C10.6-2", en="Recovery managers and contacts per damage target", title="＜復旧責任者及び関連連絡先＞", role=RD,
  rf="C10.6, the lead-in of this section", pwin="2748-2790",
  pts=[P("電源設備 空調機", items=["総務部長", "○○電力△△支店", "(株)○○設備"]),
       P("（○○システム） ハードウェア ソフトウェア ネットワーク機器 回線サービス バックアップクラウドサーバー",
         items=["インシデント対応責任者", "システム管理者", "(株)○○システム開発", "(株)△△ネットワークサービス",
                "(株)◇◇マネージドサーバー"]),
       P("顧客", items=["営業部長", "営業部取引先リスト参照"]), P("従業員人的被害", items=["総務部長", "従業員名簿参照"])],
  notes=[N("A table 被害対象 | 復旧責任者 | 関係者連絡先: each damage target is a point, its recovery managers and "
           "contacts the items in that order.", 2750, "被害対象 復旧責任者 関係者連絡先")])
R("C10.7", "2796-2800", "Verify that the recovery managers' roles and contacts work for the assumed incidents", sent=1,
  role=IRM)
R("C10.7-1", "2796-2800", "Recovery managers plan from recovery to business resumption per damage target", sent=2,
  role="復旧責任者", title="被害対象に応じて復旧から事業再開までの計画を立案する")

# ---- 11 テレワークにおける対策 ----------------------------------------------
R("C11.1.1", "2805-2807", "Use the following systems and services for telework; others with the SA's permission")
TW = "2809-2889"
R("C11.1.1-1", en="E-mail software: via remote access to the in-house PC; no private mail for business",
  title="電子メールソフト ●●●●", text=["社内 PC にリモートアクセスして利用", "私有メールアドレス、メーラーの業務利用禁止"], win=TW,
  pwin=TW, pts=[P("用途", "電子メール")],
  notes=[N("The table 情報システム・サービス | 用途 | 導入手順・制限事項 has a row per service; each row is a "
           "requirement: the service its title, the 導入手順・制限事項 cell its text (one line per printed bullet), "
           "the 用途 cell a point.", 2809, None)])
R("C11.1.1-2", en="Cloud groupware: via remote access or directly at the URL", title="クラウド型グループウェア ●●●●",
  text=["社内 PC にリモートアクセスして利用または以下の URL に直接アクセスして利用", "https://groupware/login/"], win=TW,
  pwin=TW, pts=[P("用途", items=["勤怠管理", "社内連絡", "ファイル転送・保存"])])
R("C11.1.1-3", en="Cloud business chat: see the manual", title="クラウド型ビジネスチャット ●●●●", text=["●●●●.pdf 参照"],
  win=TW, pwin=TW, pts=[P("用途", "プロジェクト管理")])
R("C11.1.1-4", en="Online meetings: end-to-end encryption, participant names, delete meeting data afterwards",
  title="オンライン会議システム ●●●●",
  text=["通信はエンドツーエンド暗号化を利用", "参加者名の設定機能を利用",
        "会議終了後に録音・録画、共有資料。チャット等の会議データをクラウド上から削除", "●●●●.pdf 参照"], win=TW,
  pwin=TW, pts=[P("用途", items=["社内会議", "商談"])],
  notes=[N("The text prints 「共有資料。チャット等」 (。 for 、); kept as printed.", 2869, "共有資料。チャッ")])
R("C11.1.1-5", en="Accounting and payroll series: via remote access", title="●●●●シリーズ",
  text=["社内 PC にリモートアクセスして利用", "●●●●.pdf 参照"], win=TW, pwin=TW, pts=[P("用途", items=["会計", "給与計算"])])
R("C11.1.1-6", en="CRM system: directly at the URL", title="●●●●CRM システム",
  text=["以下の URL に直接アクセスして利用", "https://groupware/login/", "●●●●.pdf 参照"], win=TW, pwin=TW,
  pts=[P("用途", "顧客管理")],
  notes=[N("The CRM system's URL is the groupware's (https://groupware/login/), probably copied by mistake; kept "
           "as printed.", 2885, None)])
R("C11.1.1-7", en="Other systems: see the manual", title="●●●●", text=["●●●●.pdf 参照"], win=TW, pwin=TW,
  pts=[P("用途", "〇○○〇業務")],
  notes=[N("The placeholder 〇○○〇 mixes the characters 〇 (U+3007) and ○ (U+25CB); kept as printed.", 2889,
           "〇○○〇業務")])
R("C11.1.2", "2902-2904", "Use the following devices for telework; others with the SA's permission")
DEV = "2906-2970"
for _k, (_t, _en, _own, _priv) in enumerate([
        ("パソコン", "PC: company telework PC or take-out PC; private PC with the private-device measures",
         ["全社貸与テレワーク用 PC を利用", "社内 PC を持ち出して利用"], ["53 ページ「私有機器を利用する場合」の対策を実施して利用"]),
        ("スマホ・タブレット", "Smartphone or tablet: ●● department lent; others private with measures",
         ["●●部員は会社貸与品を利用"], ["●●部員以外は「私有機器を利用する場合」の対策を実施して利用"]),
        ("通信機器（ルーター）", "Router: ●● department lent mobile router; others private with measures",
         ["●●部員は会社貸与のモバイルルータを利用"], ["●●部員以外は「私有機器を利用する場合」の対策を実施して利用"]),
        ("USB メモリ・外付け HDD", "USB memory and external HDD: company-lent only",
         ["全社貸与品を利用"], ["私有機器の業務利用禁止"]),
        ("オンライン会議用ヘッドセット", "Headset: company-lent; private as needed", ["全社貸与品を利用"], ["必要に応じて私有機器を利用"]),
        ("オンライン会議用 Web カメラ", "Web camera: the telework PC's built-in camera; private as needed",
         ["会社貸与テレワーク用 PC 内蔵 Web カメラを利用"], ["必要に応じて私有機器を利用"]),
        ("プリンタ", "Printer: ●● department lent; others private or shop services with measures",
         ["●●部員は会社貸与品を利用"],
         ["●●部員以外は私有機器またはコンビニ・レンタルオフィス等のサービスを、「私有機器を利用する場合」の対策を実施して利用"]),
        ("●●●●", "Other devices", ["●●●●"], ["●●●●"])], 1):
    R("C11.1.2-%d" % _k, en=_en, title=_t, pwin=DEV, pts=[P("社有機器", items=_own), P("私有機器", items=_priv)],
      notes=[] if _k != 1 else [
          N("The table 情報機器 | 社有機器 | 私有機器 has a row per device; each row is a requirement with the two "
            "cells as points.", 2906, "情報機器 社有機器 私有機器"),
          N("「53 ページ「私有機器を利用する場合」」 is a page reference of the original document (to 2.2 "
            "私有機器を利用する場合); kept as printed.", 2916, "53 ページ「私有機器を利用する場合」")])
R("C11.1.3", "2974", "Take the following measures for the telework system architecture used")
ARCH = "2976-3051"
R("C11.1.3-1", en="VPN: encrypt the terminal's storage, enable remote wipe", title="VPN 方式", win=ARCH, pwin=ARCH,
  text=["情報漏えい防止のために、テレワーク端末のハードディスクや SSD など内蔵記録装置の暗号化やデータの遠隔消去等の対策を実施する。"],
  pts=[P("詳細", "テレワーク端末から社内ネットワークに通信を暗号化して接続する方式")],
  notes=[N("The table 方式 | 詳細 | 対策 has a row per architecture; each row is a requirement: the 対策 cell its "
           "text, the 詳細 cell a point.", 2976, "方式 詳細 対策")])
R("C11.1.3-2", en="Remote desktop: check beforehand whether it suits the work", title="リモートデスクトップ方式", win=ARCH,
  pwin=ARCH, mod="consider",
  text=["通信環境によっては処理が遅くなるなど操作性が低下し、業務に著しく影響することがあるため、業務に適した方式かを事前に検討する。"],
  pts=[P("詳細", "テレワーク端末から社内パソコン等の端末に接続する方式")])
R("C11.1.3-3", en="Standalone: encrypt storage, remote wipe; minimum data with permission; anti-virus online",
  title="スタンドアロン（持ち帰り）方式", win=ARCH, pwin=ARCH,
  text=["情報漏えい防止に向けて、テレワーク端末のハードディスクや SSD など内蔵記録装置の暗号化やデータの遠隔消去等の対策を実施する。",
        "必要最低限のデータのみ許可を得て持ち出すようにする。", "インターネットを利用する場合は、ウイルスや不正アクセスへの対策を実施する。"],
  pts=[P("詳細", "テレワーク端末を社内ネットワークに接続せずに使用する方式")])
R("C11.1.3-4", en="Cloud service: encrypt communication, strengthen login authentication", title="クラウドサービス方式",
  win=ARCH, pwin=ARCH,
  text=["端末から社内ネットワークを経由せず直接インターネットに接続するため、通信の暗号化やサービスにログインするときの認証強化などのネットワーク上の対策を実施する。"],
  pts=[P("詳細", "インターネット上のクラウドサービスに直接接続する方式")])
R("C11.2.1", "3059", "When using company devices, observe the following")
R("C11.2.1-1", "3063-3065", "PC: enable automatic updates and install the latest updates",
  title="自動更新を有効にして最新の更新プログラムをインストールする")
R("C11.2.1-2", "3067", "PC: update virus definitions automatically")
R("C11.2.1-3", "3069", "PC: no installing of non-standard software")
R("C11.2.1.2-1", "3073-3075", "Smartphone or tablet: install the designated MDM agent; encryption and remote wipe",
  title="指定された MDM（モバイル機器管理）エージェントをインストールし",
  notes=[N("2.1 has no subsection 2.1.1: its PC rules stand under the label ＜パソコン＞, then follows 2.1.2 "
           "スマホ・タブレット, and the rule for USB memory (＜USB メモリ＞) stands after 2.1.2 without a number of its "
           "own; it is kept in printed order as C11.2.1.2-5.", 3071, "2.1.2 スマホ・タブレット")])
R("C11.2.1.2-2", "3077", "Smartphone or tablet: update the OS automatically", pwin="3079-3081",
  pts=[P("Android 端末の場合：機種毎の設定画面で自動システムアップデートを選択する。"),
       P("iPhone の場合：デバイスの自動アップデートを有効にする。")])
R("C11.2.1.2-3", "3083", "Smartphone or tablet: install apps from the official market")
R("C11.2.1.2-4", "3085", "Smartphone or tablet: no non-standard apps")
R("C11.2.1.2-5", "3089", "USB memory: encrypt files with secret or personal information when going out",
  )
R("C11.2.2", "3094", "When using private devices, observe the following")
R("C11.2.2-1", "3098", "PC: add a telework account with a login password")
R("C11.2.2-2", "3100", "PC: install the company-licensed software and anti-virus")
R("C11.2.2-3", "3102", "PC: non-standard software for business with the SA's permission",
  title="社内標準外ソフトウェアを利用する必要がある場合は、システム管理者に許可を得る")
R("C11.2.2-4", "3104", "PC: full anti-virus scan at the start of use")
R("C11.2.2-5", "3106-3108", "PC: enable automatic updates and install the latest updates",
  title="自動更新を有効にして最新の更新プログラムをインストールする")
R("C11.2.2-6", "3110", "PC: update virus definitions automatically")
R("C11.2.2-7", "3114", "Smartphone or tablet: update the OS automatically", 
  pwin="3118-3120",
  pts=[P("Android 端末の場合：機種毎の設定画面で自動システムアップデートを選択する。"),
       P("iPhone の場合：デバイスの自動アップデートを有効にする。")],
  notes=[N("The ➢ sub-items of this bullet (Android, iPhone) are printed after the next bullet (アプリを…); they are "
           "the points of this one.", 3116, None)])
R("C11.2.2-8", "3116", "Smartphone or tablet: install apps from the official market")
R("C11.2.2-9", "3122", "Smartphone or tablet: install the company's standard security software")
R("C11.2.2-10", "3124", "Smartphone or tablet: obtain the standard business apps from the official market",
  notes=[N("「以下の社内標準アプリ」 is followed by no list; the list is 2.3 社内標準アプリ (C11.2.3).", 3124, None)])
R("C11.2.2-11", "3126", "Smartphone or tablet: non-standard apps for business with the SA's permission")
R("C11.2.2-12", "3128", "Smartphone or tablet: no jailbreak or rooting")
R("C11.2.3", "3134", "Use the following standard apps", pwin="3136-3144",
  pts=[P("セキュリティソフト", "●●●●セキュリティ"), P("社内通話・打ち合わせ", "●●●●"),
       P("メール・スケジュール管理システムへのアクセス", "●●●●"), P("ビジネスチャットメール", "●●●●"), P("●●●●", "●●●●")])
R("C11.2.3-1", "3148", "Install apps from the official market", title="＜公式マーケット＞", pwin="3150-3152",
  pts=[P("Android 端末：Google 社「Google Play」"), P("iPhone：Apple 社「App Store」")])
R("C11.3", "3158", "Take the following measures for the telework network devices (routers)")
NET = "3160-3277"
R("C11.3-1", en="Home wired LAN hub shared with others: switching hub, no file sharing", title="有線 LAN ハブ", win=NET,
  pwin=NET,
  text=["同じハブに他者（家族を含む）も PC を接続する場合は", "・スイッチングハブを利用する（リピーターハブは禁止）",
        "・OS の「ネットワークのファイルとフォルダーの共有」を解除する"],
  pts=[P("利用場所", "自宅")],
  notes=[N("The table 利用場所 | 通信機器サービス | 対策 has a row per device or service; each row is a requirement: "
           "the device its title, the 対策 cell its text (as printed, with its ・ and ➢ bullets), the place a point. "
           "The page number 45 printed inside this cell is left out.", 3160, "利用場所 通信機器サービス 対策")])
R("C11.3-2", en="Home wireless LAN router: no file sharing, WPA2/WPA3, strong key, neutral SSID, firmware updates",
  title="無線 LAN ルーター", win=NET, pwin=NET,
  text=["・同じルーターに他者（家族を含む）も端末を接続する場合は OS の「ネットワークのファイルとフォルダーの共有」を解除する",
        "・暗号化方式は WPA2-PSKまたは機器が対応している場合は WPA3を選択する",
        "・暗号化キーに簡単なものが設定されている場合、次の条件を満たすように変更する",
        "➢ 英語の辞書に載っている単語を使わない", "➢ 大文字、小文字、数字、記号の全てを含む文字列とする",
        "➢ 文字数を増やし容易に推測できないようにする", "・SSID は､使用者氏名､会社名などを想起させないものを使う",
        "・設定画面にログインするためのパスワードは、容易に推測できないものを使う", "・ファームウェアは自動更新にする"],
  pts=[P("利用場所", "自宅")])
OUT = "※取引先・レンタルオフィス・カフェ・ホテル・ファーストフード・コンビニ・空港・駅・鉄道・バスなど"
R("C11.3-3", en="Mobile Wi-Fi router or tethering outside: change the default SSID, strong key",
  title="モバイル Wi-Fi ルーター（スマホでのテザリングを含む）", win=NET, pwin=NET,
  text=["・SSID/ネットワーク名は初期値を変更し、ルーター/スマホ機種名､使用者氏名､会社名などを想起させないものを使う",
        "・セキュリティキー/パスワードは、無線 LAN ルーターの暗号化キーと同等の推測できないものを使う"],
  pts=[P("利用場所", "外出先", items=[OUT])],
  notes=[N("The slashes in SSID/ネットワーク名, ルーター/スマホ機種名 and セキュリティキー/パスワード join synonyms or cases, "
           "not alternatives to choose.", 3246, None)])
R("C11.3-4", en="Public Wi-Fi: mail via remote access, no important information, VPN or TLS, no file sharing",
  title="公衆 Wi-Fi サービス", win=NET, pwin=NET,
  text=["・メールは社内 PC にリモートアクセスして利用する",
        "・ID・パスワードなどの認証情報、会社の秘密情報、個人情報などの重要情報を入力・表示しない",
        "・重要情報の入力・表示が必要な場合には VPN または SSL/TLS 対応サイトを利用する",
        "・OS の「ネットワークのファイルとフォルダーの共有」を解除する"],
  pts=[P("利用場所", "外出先", items=[OUT])])
R("C11.4.1", "3285", "When using e-mail and websites on telework devices, observe the following")
R("C11.4.1-1", "3287", "Personal mail accounts: do not open attachments or links carelessly",
  title="安易に添付ファイルを開いたリンクを参照しない",
  notes=[N("The text prints 「添付ファイルを開いたリンクを参照しない」 (probably 開いたり、リンクを参照したりしない); kept as "
           "printed.", 3287, "安易に添付ファイルを開いたリンクを参照しない")])
R("C11.4.1-2", "3289-3291", "Check the certificate before downloading; use trusted sites",
  title="ブラウザで証明書を確認し")
R("C11.4.1-3", "3293", "Do not visit suspicious sites unrelated to work")
R("C11.4.1-4", "3295-3297", "Encrypt important attachments; send the password by another channel",
  title="メールで重要な情報を添付ファイルで送信する場合はファイルを暗号化し")
R("C11.4.2", "3303", "Personal cloud services and SNS on telework devices: observe the following")
R("C11.4.2-1", "3305", "Not for sending, storing or sharing business data")
R("C11.4.2-2", "3307", "Not for contact within the company or with partners")
R("C11.4.2-3", "3309", "No posting of the company's secret information")
R("C11.4.3", "3315", "At home, take care of the following")
R("C11.4.3-1", "3317-3319", "Lock the screen when leaving; do not let others (family included) use the devices",
  title="離席時にスクリーンセーバーや画面をロックし")
R("C11.4.3-2", "3321", "Do not write telework passwords where others can see them",
  title="他者（家族を含む）から見えるところにテレワークで使うパスワードを書き記さない")
R("C11.4.4", "3327-3329", "When teleworking outside, take care of the following")
R("C11.4.4-1", "3331", "Take out only necessary information")
R("C11.4.4-2", "3333", "Keep devices and documents in sight; never leave them")
R("C11.4.4-3", "3335", "Lock the screen when leaving the seat at partners' sites or rental offices",
  title="取引先やレンタルオフィスなどで離席するときはスクリーンセーバーや画面をロックする",
  notes=[N("The text ends with the footnote mark ※2, but the sample prints no footnote ※2 (nor ※1) for it.", 3335,
           "画面をロックする※2")])
R("C11.4.4-4", "3337", "No important information on screen among many people; use a privacy filter",
  title="不特定多数の人がいる場所では重要情報を画面に表示せず")
R("C11.4.4-5", "3339", "Do not dispose of documents or media outside")
R("C11.4.4-6", "3341", "Public Wi-Fi: observe the following")
R("C11.4.4-6a", "3343-3344", "Mail via remote access to the in-house PC or the designated secure browser",
  title="メールは端末から直接メールサーバーにアクセスせず",
  notes=[N("The sub-items of 「公衆 Wi-Fi を利用するときは以下を遵守する。」 are printed with the same ⚫ as the items; "
           "they are read as its sub-items.", 3343, None)])
R("C11.4.4-6b", "3346-3348", "Other business data over public Wi-Fi: VPN or SSL/TLS sites",
  title="その他で公衆 Wi-Fiを使用して業務データを扱うときには VPNまたは SSL/TLS対応サイトを利用する")
R("C11.5.1", "3356", "Observe the following when handling business data")
R("C11.5.1-1", "3358-3360", "Secret or personal data processed on the telework PC: transfer it to the in-house server after work",
  title="作業後に社内 PC にリモートアクセスし、社内サーバーに転送・保存する")
R("C11.5.1-2", "3362", "After the transfer, erase the data on the PC with the SA's tool")
R("C11.5.1-3", "3364-3366", "Secret or personal information kept on the PC or lent media: encrypt the files",
  title="外付け HDD に保存する必要がある場合は、ファイルを暗号化する")
R("C11.5.2", "3372", "Observe the following when handling physical media")
R("C11.5.2-1", "3374-3376", "Keep documents and media with secret or personal information locked",
  title="鍵付き引き出し、書類ケースに保管し、利用時以外は施錠する")
R("C11.5.2-2", "3378", "Shred documents and printouts")
R("C11.5.2-3", "3380", "Break or scratch CDs and DVDs before disposal")
R("C11.6", "3386", "Ask the following contact about telework", mod="should", pwin="3388-3392",
  notes=[N("The contact is the システム管理者 (管理部長 in the example) with the mail address soumu@ (総務, general "
           "affairs); both are examples the company replaces.", 3390, "システム管理者（管理部長）")],
  pts=[P("＜問合せ先＞", items=["システム管理者（管理部長）TEL：090- ○○○○-○○○○", "Mail：soumu@○○○○.co.jp"])],
  params=[("システム管理者（管理部長）", "管理部長")])
R("C11.6-1", "3394-3396", "Report incidents (suspected infection, loss or theft) promptly to the emergency contact",
  title="セキュリティ事故が起きてしまったら、速やかに以下に連絡してください", pwin="3398-3402",
  pts=[P("＜緊急連絡先＞※夜間休日を問いません", items=["システム管理者（管理部長）TEL：090- ○○○○-○○○○", "Mail：soumu@○○○○.co.jp"])],
  params=[("システム管理者（管理部長）", "管理部長")])

# --------------------------------------------------------------------------
# Data: glossary, notes, the NIST CSF 2.0 annex
# --------------------------------------------------------------------------

# (term_ja, text_ja, window): definitions the sample itself gives
GLOSSARY = [
    ("情報セキュリティ責任者", "情報セキュリティに関する責任者。情報セキュリティ対策などの決定権限を有するとともに、全責任を負う。", "52-56"),
    ("情報セキュリティ部門責任者", "各部門における情報セキュリティの運用管理責任者。各部門における情報セキュリティ対策の実施などの責任を負う。", "58-60"),
    ("システム管理者", "社内の情報システムに必要な情報セキュリティ対策の検討・導入を行う。", "62-64"),
    ("教育責任者", "情報セキュリティ対策を推進するために従業員への教育を企画・実施する。", "66-68"),
    ("インシデント対応責任者", "事故の影響を判断し、対応について意思決定する。", "70-76"),
    ("個人情報苦情相談対応", "個人情報の取扱いに関して本人からの苦情・相談に対応する。", "70-76"),
    ("個人情報保護管理者", "個人情報の取扱いについて関連法令を遵守する責任を負う。", "78"),
    ("監査・点検/点検責任者", "情報セキュリティ対策が適切に実施されているか情報セキュリティ関連規程を基準として検証または評価し、助言を行う。", "80-82"),
    ("当社が営業秘密として管理する情報",
     "3 情報資産管理 1.1 情報資産の特定と機密性の評価 に示す「情報資産管理台帳」の機密性評価値が 1 以上のものをいう", "201-203"),
    ("情報資産", "当社事業に必要で価値がある情報及び個人情報", "301"),
    ("限定提供データ", "一定の条件を満たす特定の外部者に提供することを目的とする情報", "315-317"),
    ("ファイル共有ソフト", "インターネットを利用して、不特定多数のコンピュータ間でファイルをやりとりできるソフトウェア", "1075-1077"),
    ("モバイルコード", "クライアントパソコン側で動作するプログラム", "1229-1231"),
    ("同報メール", "外部の多数相手に同時に送信するとき", "1292"),
    ("個人データ", "個人情報データベース等（特定の個人を検索できるようにまとめたもの）を構成する個人情報", "2386-2388"),
    ("コンピュータ", "業務に利用しているパソコン、サーバー又はスマートフォン、タブレット", "2485-2487"),
]

CATALOG_NOTES = [
    N("The seed's front matter: a sample of information-security rules for private space operators, based on "
      "appendix 5 「情報セキュリティ関連規程（サンプル）」 of IPA's 「中小企業の情報セキュリティ対策ガイドライン」 "
      "(footnote 1: https://www.ipa.go.jp/security/guide/sme/about.html); the company selects and edits the measures "
      "to fit its basic policy and risks. It supplements 「民間宇宙システムにおけるサイバーセキュリティ対策ガイドライン」 "
      "and is not suitable as procurement requirements (調達要件に活用することは適当ではなく); for concrete measures "
      "see the guideline itself.", 15, "調達要件に活用することは適当ではなく"),
    N("Colour legend of the original: red text is to be rewritten with the company's own content (titles, names), "
      "blue text offers wordings to choose from, green highlighting marks what was customised for space operators "
      "from the guideline's 3rd edition. The text extraction keeps no colours: the parameters take every 「A/B」 "
      "alternative and every placeholder as a choice, and the space-specific notes are based on the content "
      "(\"Space-specific:\" where the text names space systems, satellites or space laws, \"Possibly "
      "space-specific:\" where an item only looks like a customisation, e.g. the mission (ミッション) or "
      "manufacturing and supply-chain items).", 19,
      "※緑色蛍光箇所は、「中小企業の情報セキュリティ対策ガイドライン第 3版」から宇宙事"),
    N("The seed names no publisher or date; it is printed as 「第 8 回宇宙産業 SWG 参考資料４」 (reference material 4 "
      "of the 8th Space Industry sub-working group), which the catalog uses as its version. Each chapter's revision "
      "date is the placeholder 改訂日 20yy.mm.dd.", 29, "参考資料４"),
    N("The sample numbers chapters and sections (1., 1.1, 1.4.1) but not the paragraphs and bullets in them; the "
      "requirement IDs number those in printed order (C<chapter>.<section>-<k>). Requirements without a printed "
      "heading have as title_ja a phrase of their text (the whole text when short) or the label ＜…＞ printed "
      "over them when they stand alone under it (labels over several bullets are notes on each); table rows have "
      "the row's first cell (the incident levels: the column header and the level, 事故レベル 3).", None, None),
    N("The extraction prints page numbers only twice (39, 45; left out) and repeats the URLs of some pages as "
      "link lines (left out); the sub-bullets of the targeted-mail table (6 §4.5), the app list of 6 §5.3 and "
      "the ≪重大事態≫ list of 10 §5 carry a private-use bullet glyph (left out).", 2665, "39"),
    N("The annex maps each chapter, not each rule, to NIST CSF 2.0 categories; its mappings are notes on the "
      "views. Its row 共通 (common to all chapters) maps to the Govern function: GV.OC, GV.RM, GV.RR, GV.PO, GV.OV "
      "and GV.SC (below). The annex says the Japanese category names are provisional translations (仮訳).", 3477,
      "※ カテゴリーの日本語名称は仮訳であるため、必要に応じて原文を参照のこと。"),
    N("In the extraction the annex's title and introduction (「NIST の Cybersecurity Framework 2.0 の フレームワーク"
      "コア・カテゴリーとの対応関係」, 「各章の内容は…必要に応じて参照されたい。」) stand inside its table, between "
      "the row of chapter 6 and that row's first category (PR.PS), and the table header is printed again after them.",
      3465, "NIST の Cybersecurity Framework 2.0 の"),
    N("The recurring clause on information that laws or instructions require to be handled specially (『人工衛星等の"
      "打上げ及び人工衛星の管理に関する法律』, 『衛星リモートセンシング記録の適正な取扱いの確保に関する法律』, "
      "『特定秘密の保護に関する法律』等…当該法、運用基準、省庁通達等に則った適切な保護措置等を講じる) is printed "
      "in chapters 3, 4, 5, 6, 7 (variant: operate the IT infrastructure under suitable conditions), 8, 9, 10 "
      "(variant: judge the impact by the level of the information) and in note 2 of the checklist; each occurrence "
      "is a requirement of its own, marked Space-specific.", 329, None),
    N("Glossary: the sample has no glossary; the catalog's glossary holds the role table of chapter 1 and the "
      "terms the text itself defines (「以下「情報資産」という」, ※…とは, *個人データ：, parenthetical "
      "definitions). The classification scheme of 3 §1.1 (機密性 3/2/1, 完全性 2/1, 可用性 2/1), the account "
      "scheme of 4 §9.3 (特権アカウント, 一般アカウント), the security areas of 5 §1 (レベル 1–3) and the incident "
      "levels of 10 §2 (事故レベル 3–0) are requirements with points, because each is a rule an assessor checks "
      "(evaluate by these criteria, configure accounts so), not only a definition.", None, None),
    N("The chapter number of chapter 2 is printed full-width (２) where the others are half-width; the header of "
      "chapter 11 (with its revision date and scope) is printed after its section 1.1 (the extraction places the "
      "header box late); the header of chapter 10 is printed over three lines.", 177, "２ 人的対策"),
]

# Labels ＜…＞ printed over a group of bullets: line -> the requirements under it (a note on each).
# (Labels over a single bullet are that requirement's title.)
GROUPS = {
    505: ["C3.4.2-1", "C3.4.2-2"],
    523: ["C3.4.3-1", "C3.4.3-2", "C3.4.3-3"],
    1036: ["C5.4-1", "C5.4-2"],
    1073: ["C6.1.2-2", "C6.1.2-3", "C6.1.2-4"],
    1241: ["C6.4.2-1", "C6.4.2-2", "C6.4.2-3"],
    1253: ["C6.4.2-4", "C6.4.2-5", "C6.4.2-6", "C6.4.2-7"],
    1308: ["C6.4.4-5", "C6.4.4-6"],
    1316: ["C6.4.4-7", "C6.4.4-8", "C6.4.4-9", "C6.4.4-10", "C6.4.4-11"],
    2035: ["C9.1-3", "C9.1-4", "C9.1-5", "C9.1-6", "C9.1-7", "C9.1-8", "C9.1-9", "C9.1-10"],
    2522: ["C10.5-1", "C10.5-2", "C10.5-3", "C10.5-4", "C10.5-5", "C10.5-6", "C10.5-7", "C10.5-8", "C10.5-9",
           "C10.5-10"],
    3061: ["C11.2.1-1", "C11.2.1-2", "C11.2.1-3"],
    3087: ["C11.2.1.2-5"],
    3096: ["C11.2.2-1", "C11.2.2-2", "C11.2.2-3", "C11.2.2-4", "C11.2.2-5", "C11.2.2-6"],
    3112: ["C11.2.2-7", "C11.2.2-8", "C11.2.2-9", "C11.2.2-10", "C11.2.2-11", "C11.2.2-12"],
}
GROUP_OF = {rid: line for line, rids in GROUPS.items() for rid in rids}

# NIST CSF 2.0 annex: chapter -> [(category, English name, Japanese as printed, line)]
CSF_EN = {
    "GV.OC": "Organizational Context", "GV.RM": "Risk Management Strategy",
    "GV.RR": "Roles, Responsibilities, and Authorities", "GV.PO": "Policy", "GV.OV": "Oversight",
    "GV.SC": "Cybersecurity Supply Chain Risk Management", "ID.AM": "Asset Management", "ID.RA": "Risk Assessment",
    "ID.IM": "Improvement", "PR.AA": "Identity Management, Authentication, and Access Control",
    "PR.AT": "Awareness and Training", "PR.DS": "Data Security", "PR.PS": "Platform Security",
    "PR.IR": "Technology Infrastructure Resilience", "DE.CM": "Continuous Monitoring",
    "DE.AE": "Adverse Event Analysis", "RS.MA": "Incident Management", "RS.AN": "Incident Analysis",
    "RS.CO": "Incident Response Reporting and Communication", "RS.MI": "Incident Mitigation",
    "RC.RP": "Incident Recovery Plan Execution", "RC.CO": "Incident Recovery Communication",
}
CSF_FN = {"GV": "Govern", "ID": "Identify", "PR": "Protect", "DE": "Detect", "RS": "Respond", "RC": "Recover"}
CSF = {
    "common": [("GV.OC", "組織のコンテクスト (GV.OC)", 3411), ("GV.RM", "リスクマネジメント戦略（GV.RM）", 3413),
               ("GV.RR", "役割、責任、権限（GV.RR）", 3415), ("GV.PO", "方針（GV.PO）", 3417),
               ("GV.OV", "監督(GV.OV)", 3419),
               ("GV.SC", "サイバーセキュリティサプライチェーンリスク マネジメント（GV.SC）", 3421)],
    1: [("ID.RA", "リスクアセスメント(ID.RA)", 3427), ("ID.IM", "改善 (ID.IM)", 3429)],
    2: [("PR.AT", "意識向上及びトレーニング(PR.AT)", 3433)],
    3: [("ID.AM", "資産管理（ID.AM）", 3437), ("ID.RA", "リスクアセスメント (ID.RA)", 3439),
        ("PR.DS", "データセキュリティ (PR.DS)", 3443)],
    4: [("PR.AA", "アイデンティティ管理、認証/アクセス制御 (PR.AA)", 3451)],
    5: [("PR.AA", "アイデンティティ管理、認証/アクセス制御 (PR.AA)", 3455), ("PR.IR", "技術インフラの回復力 (PR.IR)", 3457),
        ("DE.CM", "継続的なモニタリング(DE.CM)", 3461)],
    6: [("PR.PS", "プラットフォーム セキュリティ (PR.PS)", 3482), ("DE.AE", "有害イベント分析 (DE.AE)", 3486),
        ("DE.CM", "継続的なモニタリング (DE.CM)", 3488)],
    7: [("ID.IM", "改善 (ID.IM)", 3492), ("PR.PS", "プラットフォームセキュリティ (PR.PS)", 3496),
        ("PR.IR", "技術インフラの回復力 (PR.IR)", 3498)],
    8: [("ID.RA", "リスクアセスメント(ID.RA)", 3506), ("PR.PS", "プラットフォームセキュリティ (PR.PS)", 3510)],
    9: [("DE.CM", "継続的なモニタリング (DE.CM)", 3514)],
    10: [("PR.IR", "技術インフラの回復力 (PR.IR)", 3524), ("DE.AE", "有害イベント分析 (DE.AE)", 3528),
         ("RS.MA", "インシデント管理(RS.MA)", 3532), ("RS.AN", "インシデント分析 (RS.AN)", 3534),
         ("RS.CO", "インシデントレスポンスの報告とコミュニケーション(RS.CO)", 3536),
         ("RS.MI", "インシデントの緩和（RS.MI)", 3540), ("RC.RP", "インシデントの復旧計画の実行 (RC.RP)", 3544),
         ("RC.CO", "インシデント復旧コミュニケーション (RC.CO)", 3546)],
    11: [("PR.DS", "データセキュリティ (PR.DS)", 3554)],
}
CSF_ROW_LINES = {1: 3425, 2: 3431, 3: 3435, 4: 3445, 5: 3453, 6: 3463, 7: 3490, 8: 3500, 9: 3512, 10: 3516, 11: 3548}
VIEW_NOTES = {
    3: [N("In the annex the category PR.DS of chapter 3 is printed with the function bullet ・ instead of ➢.", 3443,
          "・ データセキュリティ (PR.DS)")],
}


# --------------------------------------------------------------------------
# Building the catalog
# --------------------------------------------------------------------------

HEADING_RE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)*)\.?\s*(\S.*?)\s*$")
RID_RE = re.compile(r"^C(\d+)\.(\d+)((?:\.\d+)*)(-\d+[a-z]?)?$")


TITLE_ERRORS = []


class Builder:
    def __init__(self, seed):
        self.seed = seed
        self.covered = set()       # seed lines accounted for
        self.emitted = []          # every Japanese string put in the catalog
        self.composed = set()      # titles joined from a table's column header and a cell
        self.headings = {}         # (chapter, number) -> (title, line)
        for ch, num, line, _ in SECTIONS:
            m = HEADING_RE.match(seed.line(line))
            if not m or m.group(1) != num:
                raise SystemExit("l.%d: %r is not the heading %s" % (line, seed.line(line), num))
            self.headings[(ch, num)] = (clean(m.group(2)), line)
            self.covered.add(line)

    def cover(self, spec):
        for a, b in parse_ranges(spec):
            self.covered |= set(range(a, b + 1))

    def near(self, text, a, b, what, loose=False, raw=False):
        """text (whitespace ignored) must occur in the seed lines a..b (noise lines left out);
        loose: also once the list markers ⚫ ➢ are removed (a ＜label＞ joined with its bullet)."""
        w = self.seed.window(max(1, a), min(len(self.seed.lines), b))
        t = squash(PUA.sub("", text))
        if t in w or loose and t in re.sub("[⚫➢]", "", w):
            return
        if raw and t in squash("".join(self.seed.lines[max(0, a - 1):b])):
            return
        raise SystemExit("%s: %r not in l.%d-%d" % (what, text, a, b))

    def checked_note(self, n, what):
        text_en, line, ja = n
        if ja is not None:
            self.near(ja, line - 4, line + 4, what + " note", raw=True)
            self.emitted.append(ja)
        if line:
            self.covered.add(line)
        return note(text_en, line, ja)

    # ---- requirements ----------------------------------------------------

    def span(self, r):
        specs = [x for x in (r["lines"], r["win"], r["pwin"]) if x]
        rs = [ab for s in specs for ab in parse_ranges(s)]
        return min(a for a, _ in rs), max(b for _, b in rs)

    def requirement(self, r):
        rid = r["id"]
        seed = self.seed
        notes = []
        first, last = self.span(r)
        # text
        purpose = None
        if r["lines"] and r["text"] is None:
            purpose = seed.text(r["lines"], r["strip"])
            if r["sent"]:
                purpose = pick(purpose, r["sent"])
            if r["drop"]:
                assert purpose.startswith(r["drop"]), rid
                purpose = purpose[len(r["drop"]):].strip()
            self.cover(r["lines"])
        elif r["text"] is not None:
            parts = [cell(t) for t in r["text"]]
            for t in parts:
                self.near(t, *parse_ranges(r["win"])[0], rid + " text")
            purpose = "\n".join(parts)
            self.cover(r["win"])
        # title
        m = RID_RE.match(rid)
        lead = m and not m.group(4)
        if lead:
            num = m.group(2) + m.group(3)
            title, hline = self.headings[(int(m.group(1)), num)]
            if r["title"]:
                raise SystemExit("%s has a printed heading; no title needed" % rid)
        elif isinstance(r["title"], tuple):
            # a table row: the column header and the row's cell, each as printed
            for part in r["title"]:
                self.near(part, first - 80, last + 2, rid + " title part")
            title = " ".join(r["title"])
            self.composed.add(title)
        elif r["title"]:
            title = cell(r["title"])
            self.near(title, first - 6, last + 2, rid + " title", loose=True)
        else:
            if not purpose or "\n" in purpose:
                raise SystemExit("%s: give a title" % rid)
            title = re.sub(r"。$", "", purpose)
            if len(title) > 40:
                TITLE_ERRORS.append("%s: text too long for a title (%d): %s" % (rid, len(title), purpose))
        d = {"id": rid, "title_ja": title, "title_en": r["en"]}
        if purpose:
            d["purpose_ja"] = purpose
        # points
        pts, strings, rows = [], [], []
        for p in r["pts"]:
            a, b = parse_ranges(r["pwin"])[0]
            pd = {}
            if p.label:
                pd["label"] = p.label
            pd["title_ja"] = cell(p.title)
            self.near(pd["title_ja"], a, b, rid + " point")
            n0 = len(strings)
            strings.append(pd["title_ja"])
            if p.text:
                pd["text_ja"] = "\n".join(cell(x) for x in p.text.split("\n"))
                for x in pd["text_ja"].split("\n"):
                    self.near(x, a, b, rid + " point text")
                    strings.append(x)

            def item(it):
                t, sub = (it, []) if isinstance(it, str) else it
                t = cell(t)
                self.near(t, a, b, rid + " item")
                strings.append(t)
                out = {"text_ja": t}
                if sub:
                    out["items"] = [item(s) for s in sub]
                return out
            if p.items:
                pd["items"] = [item(it) for it in p.items]
            pts.append(pd)
            rows.append((pd["title_ja"], strings[n0:], a, b))
        if r["pwin"]:
            self.cover(r["pwin"])
        if pts:
            d["points"] = pts
        # role
        if r["role"]:
            if r["rf"] is None and squash(r["role"]) not in squash(purpose or ""):
                raise SystemExit("%s: role %s is not named in the text" % (rid, r["role"]))
            d["role_ja"] = r["role"]
            if r["rf"] and squash(r["role"]) not in squash(purpose or ""):
                if r["rf"] != "-":
                    notes.append(note("The text does not name %s; role_ja is taken from %s." % (r["role"], r["rf"]),
                                      first))
        d["modality"] = r["mod"]
        # parameters: explicit ones, then every table cell, title or point with a placeholder
        params = []
        hay = squash((purpose or "") + "".join(strings) + title)
        for t, v in r["params"]:
            if squash(t) not in hay and not (r["pwin"] and squash(t) in seed.window(*parse_ranges(r["pwin"])[0])):
                raise SystemExit("%s: parameter %r is not in the text" % (rid, t))
            if v is not None and v not in t:
                raise SystemExit("%s: parameter value %r is not in its title" % (rid, v))
            params.append((cell(t), v))
        # a point with a placeholder (a table row) is one parameter: its cells as printed, when they stand
        # together in the seed; otherwise each cell with a placeholder is one
        auto = [title] + (purpose.split("\n") if r["text"] is not None else [])
        for ptitle, cells, a, b in rows:
            ph = [c for c in cells if PLACEHOLDER.search(c)]
            if not ph or all(any(squash(c) in squash(t) for t, _ in params) for c in ph):
                continue
            joined = " ".join(cells)
            if not ptitle.startswith("＜") and squash(joined) in seed.window(a, b):
                auto.append(joined)
            else:
                auto += [c for c in cells if PLACEHOLDER.search(c)]
        for s in auto:
            if PLACEHOLDER.search(s) and not any(squash(s) in squash(t) for t, _ in params):
                params.append((s, None))
        if purpose and r["text"] is None:
            for mm in PLACEHOLDER.finditer(purpose):
                if not any(t in purpose and purpose.find(t) <= mm.start() < purpose.find(t) + len(t)
                           for t, _ in params):
                    raise SystemExit("%s: placeholder at %r has no parameter" % (rid, purpose[mm.start():][:20]))
        seen = set()
        firsts = []  # each title once, where it first stands
        for t, v in params:
            if t not in seen:
                seen.add(t)
                firsts.append((t, v))
        plist = parameter_entries(rid, firsts)
        if plist:
            d["parameters"] = plist
        # documents
        if r["docs"]:
            d["documents_ja"] = checked_documents(seed, rid, r["docs"])
        # notes
        if r["space"]:
            notes.append(note("Space-specific: " + r["space"] + ".", first))
        if r["pspace"]:
            notes.append(note("Possibly space-specific: " + r["pspace"] + ".", first))
        if rid in GROUP_OF:
            gl = GROUP_OF[rid]
            label = clean(seed.line(gl))
            assert re.match(r"^＜[^＞]+＞$", label), gl
            notes.append(self.checked_note(N("Printed under the label %s, with the other requirements %s."
                                             % (label, ", ".join(x for x in GROUPS[gl] if x != rid) or "(none)"),
                                             gl, label), rid))
        for n in r["notes"]:
            notes.append(self.checked_note(n, rid))
        if notes:
            d["notes"] = notes
        self.emitted += [title] + ([purpose] if purpose else []) + strings + [p["title_ja"] for p in plist]
        return d

    # ---- the tree --------------------------------------------------------

    def build(self):
        seed = self.seed
        by_domain = {}
        for r in REQS:
            m = RID_RE.match(r["id"])
            if m:
                dom = "C%s-%s" % (m.group(1), m.group(2))
            else:
                k = r["id"].split(".")[1]
                dom = "CL-N" if k == "N2" else next(d for d, _, _, a, b in CL_DOMAINS if a <= int(k) <= b)
            by_domain.setdefault(dom, []).append(r)
        used = set()
        views = []
        for ch in sorted(CHAPTERS):
            (ha, hb), tja, ten, scope = CHAPTERS[ch]
            self.near(tja, ha, hb, "chapter %d" % ch)
            self.near("改訂日 20yy.mm.dd", ha, hb, "chapter %d" % ch)
            self.cover("%d-%d" % (ha, hb))
            self.cover(str(scope))
            scope_ja = cell(seed.line(scope))
            assert scope_ja.startswith("適用範囲"), scope
            vnotes = [note("Scope (適用範囲): %s." % scope_ja[4:].strip(), scope, scope_ja),
                      note("Revision date placeholder of the chapter.", ha, "改訂日 20yy.mm.dd")]
            self.emitted.append(scope_ja)
            for code, ja, line in CSF[ch]:
                self.near(ja, line, line + 2, "CSF %d" % ch)
                self.cover(str(line))
                vnotes.append(note("NIST CSF 2.0: %s (%s: %s); the annex maps the whole chapter %d to this category."
                                   % (code, CSF_FN[code[:2]], CSF_EN[code], ch), line, ja))
                self.emitted.append(ja)
            self.cover(str(CSF_ROW_LINES[ch]))
            for n in VIEW_NOTES.get(ch, []):
                vnotes.append(self.checked_note(n, "C%d" % ch))
            v = {"id": "C%d" % ch, "title_ja": tja, "title_en": ten, "domains": []}
            self.emitted.append(tja)
            subs = [(num, line) for c, num, line, en in SECTIONS if c == ch and en is None]
            for c, num, line, en in SECTIONS:
                if c != ch or en is None:
                    continue
                did = "C%d-%s" % (ch, num)
                title, _ = self.headings[(ch, num)]
                self.emitted.append(title)
                reqs = [self.requirement(r) for r in by_domain.get(did, [])]
                used.add(did)
                if not reqs:
                    raise SystemExit("%s has no requirement" % did)
                d = {"id": did, "title_ja": title, "title_en": en, "requirements": reqs}
                dnotes = []
                for snum, sline in subs:
                    if snum.split(".")[0] != num:
                        continue
                    leadid = "C%d.%s" % (ch, snum)
                    if any(x["id"] == leadid for x in reqs):
                        continue
                    kids = [x["id"] for x in reqs if x["id"].startswith(leadid + "-") or
                            x["id"].startswith(leadid + ".")]
                    stitle = self.headings[(ch, snum)][0]
                    dnotes.append(note("Subsection %s %s prints no text of its own; its requirements are %s."
                                       % (snum, stitle, ", ".join(kids)), sline, "%s %s" % (snum, stitle)))
                if dnotes:
                    d["notes"] = dnotes
                v["domains"].append(d)
            v["notes"] = vnotes
            views.append(v)
        # the checklist
        a, b = CL_LINES
        self.cover("%d-%d" % (a, b))
        self.near("9-1 委託先情報セキュリティ対策状況確認リスト", 2210, 2210, "CL")
        purpose = seed.text("2212-2214")
        assert purpose.startswith("注 1："), purpose
        purpose = purpose[4:]
        cl = {"id": "CL", "title_ja": "委託先情報セキュリティ対策状況確認リスト",
              "title_en": "Checklist of contractors' information security measures (9-1)",
              "purpose_ja": purpose, "domains": []}
        self.emitted += [cl["title_ja"], purpose]
        for did, tja, ten, _, _ in CL_DOMAINS + [("CL-N", "注", "Notes to the checklist", 0, 0)]:
            self.near(tja, a, b, did)
            self.emitted.append(tja)
            cl["domains"].append({"id": did, "title_ja": tja, "title_en": ten,
                                  "requirements": [self.requirement(r) for r in by_domain[did]]})
            used.add(did)
        cl["notes"] = [
            note("The checklist is printed after chapter 9 with the number 9-1; its title and its notes 1 and 2 stand "
                 "between items 20 and 21 (a page of the table). Note 1 is the view's purpose; note 2, a rule, is "
                 "CL.N2.", 2210, "9-1 委託先情報セキュリティ対策状況確認リスト"),
            note("role_ja of every item is 委託先 (the contractor), which the items do not name: the list is sent to the "
                 "contractor to answer (C9.4) and the 情報セキュリティ部門責任者 evaluates it (C9.1).", 2116, None),
            note("Every item is ticked in the column 実施状況 (○、×) (implemented or not); the sample offers the "
                 "thresholds of C9.1-10 (all / ○ or more / ○ or more planned / those needed) for selecting contractors.",
                 2146, "実施状況"),
            note("NIST CSF 2.0: DE.CM (Detect: Continuous Monitoring); the annex maps chapter 9 (委託管理), which the "
                 "checklist belongs to, to this category.", 3514, "継続的なモニタリング (DE.CM)")]
        views.append(cl)
        unused = set(by_domain) - used
        if unused:
            raise SystemExit("requirements in unknown domains: %s" % sorted(unused))
        # glossary
        glossary = []
        for term, text, win in GLOSSARY:
            aa, bb = parse_ranges(win)[0]
            self.near(term, aa - 2, bb + 2, "glossary")
            self.near(text, aa, bb, "glossary")
            self.cover(win)
            glossary.append({"term_ja": term, "text_ja": text})
            self.emitted += [term, text]
        # catalog notes
        cnotes = [self.checked_note(n, "catalog") for n in CATALOG_NOTES]
        for code, ja, line in CSF["common"]:
            self.near(ja, line, line + 2, "CSF common")
            self.cover("%d-%d" % (line, line + 2))
            cnotes.append(note("NIST CSF 2.0: %s (%s: %s); the annex maps it as common to all chapters (共通)."
                               % (code, CSF_FN[code[:2]], CSF_EN[code]), line, ja))
            self.emitted.append(ja)
        self.cover("1-30")               # front matter (catalog notes)
        self.cover("223-249")            # the editorial note of 2.2 (note on C2.2-2)
        self.cover("3407-3558")          # the annex: its categories are notes (functions: the codes' prefixes)
        catalog = {
            "format": "taisaku-catalog/1",
            "catalog": {
                "id": "space-rules",
                "title_ja": "民間宇宙事業者向けの情報セキュリティ関連規程のサンプル",
                "title_en": "Sample information security rules for private space operators",
                "version": "第 8 回宇宙産業 SWG 参考資料４",
                "source": SEED_NAME,
                "kind": "compliance",
                "description_en": "A sample set of company information-security rules for private space operators, "
                                  "based on the sample rules of IPA's SME information security guideline and "
                                  "customised for space operators: organisation, human measures, information "
                                  "assets, access control, physical measures, IT equipment, IT infrastructure, "
                                  "development, outsourcing (with the contractor checklist 9-1), incident response "
                                  "and business continuity, and telework, with the annex's NIST CSF 2.0 categories "
                                  "as notes. Placeholders and alternative wordings are parameters.",
            },
            "views": views,
            "glossary": glossary,
            "notes": cnotes,
        }
        assert squash(catalog["catalog"]["title_ja"]) in seed.window(3, 3)
        assert squash(catalog["catalog"]["version"]) in seed.window(25, 30)
        return catalog


# --------------------------------------------------------------------------
# YAML output (tools/seedlib.py)
# --------------------------------------------------------------------------

def dump(catalog):
    return seedlib.dump(catalog, "民間宇宙事業者向けの情報セキュリティ関連規程のサンプル (第 8 回宇宙産業 SWG 参考資料４).",
                        "space2yaml.py", SEED_NAME)


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

# My reading of the seed, per view: (domains, requirements, section texts with items after them,
# "Space-specific", "Possibly space-specific")
EXPECTED = {"C1": (3, 9, 2, 0, 0), "C2": (5, 10, 2, 0, 0), "C3": (4, 37, 7, 2, 1), "C4": (9, 27, 6, 3, 0),
            "C5": (4, 26, 4, 8, 1), "C6": (6, 96, 14, 1, 1), "C7": (7, 28, 8, 1, 6), "C8": (5, 14, 5, 1, 0),
            "C9": (5, 28, 4, 2, 3), "C10": (7, 34, 5, 5, 2), "C11": (6, 82, 14, 0, 0), "CL": (7, 25, 0, 1, 1),
            "total": 416}
# Why my count differs from the aid's rows (seed003.md Part 2, counted per subsection).  "lead" = the text of a
# (sub)section before its bullets, a requirement here, folded into the first item or left out by the aid.
AID_DIFF = {
    1: "+1: 2's paragraph is two rules (inspection C1.2, improvement plan C1.2-1)",
    2: "-4 +1: the six mandatory education themes are points of two requirements (C2.4-1, C2.4-2); +1 lead of 2",
    3: "+8: 1.2 is a lead and three rules (the aid: one row, +3); leads of 2, 3.1 and 3.2 (+3); 4.2 is a lead "
       "and three rules (the aid: two rows, +2)",
    4: "-7 +2: 9.3 is two requirements (the account columns) where the aid has 9 rows; leads of 2 and 5",
    5: "+5: leads of 2 (twice: equipment, satellite operations), 3 and 4, and 4's two delivery rules",
    6: "+24: leads (1.4.1, 3.1, 3.2, 4.1's employee lead-in, 4.4, 5.2, 5.3); sentences with different actors "
       "split (1.2, 1.5, 4.5's report to the SA); the EDR bullet and its SOC paragraph; 3.2's three lock methods; 4.4's three "
       "prohibitions and its HTML bullets; 5.3's nested bullets (4a-d, 10a-c) and its two mail/data bullets",
    7: "+2: leads of 7.1 and 7.2 (7.1's four tables are four requirements, the aid's four rows); 3's lead and "
       "the aid's split of the log bullet cancel out",
    8: "+2: 2's approval sentence (C8.2-1) and 4's lead-in paragraph (C8.4-1) are separate",
    9: "+11 -1 -1: the eleven contract clauses of 3 are requirements (the aid: one row); 5's documents are "
       "points of C9.5-1 (the aid: a row); the checklist 9-1 is the view CL (the aid: one row)",
    10: "+8: the four level rows of 2; leak level 1 (C10.4-3); the two My Number cases; 5's lead-in "
        "「事業内容に応じて…選択する」; the lead of 6",
    11: "+29: the rows of 1.1 (+2) and 1.2 (+8); leads of 1.3, 2.1, 2.2, 3, 4.1-4.4, 5.1, 5.2 (+10); 4.4's "
        "public Wi-Fi sub-items (+2); bullets the aid groups (2.1.2 apps +1, 2.2 updates and apps +3, 2.3's "
        "market +1, 4.2's three prohibitions +2)",
}
# The reading aid (seed003.md Part 5): items per chapter (311 in all; chapter 9 counts the checklist as one row)
# and its SPACE-tagged rows (23).
AID_ROWS = {1: 8, 2: 13, 3: 29, 4: 32, 5: 21, 6: 72, 7: 26, 8: 12, 9: 19, 10: 26, 11: 53}
AID_SPACE = {3: 2, 4: 3, 5: 7, 6: 1, 7: 1, 8: 1, 9: 2, 10: 6}
AID_SUBSECTIONS = {3: 10, 4: 4, 6: 23, 7: 5, 11: 13}


def all_reqs(catalog):
    for v in catalog["views"]:
        for d in v["domains"]:
            for r in d["requirements"]:
                yield v, d, r


def run_checks(catalog, yaml_text, seed, builder):
    check = Checks()
    views = catalog["views"]
    domains = [d for v in views for d in v["domains"]]
    reqs = [r for _, _, r in all_reqs(catalog)]
    print("Checks")
    # sections as printed
    tops = [i + 1 for i, l in enumerate(seed.lines) if re.match(r"^\s*[0-9]+\.(?![0-9])\S", l)]
    check("top-level sections printed (N.) = domains of chapters 1-11",
          len(tops) == len([d for d in domains if d["id"].startswith("C") and d["id"][1].isdigit()]) == 61,
          "%d printed" % len(tops))
    subs = [i + 1 for i, l in enumerate(seed.lines[:3400]) if re.match(r"^\s*[0-9]+\.[0-9]+(\.[0-9]+)?\s", l)]
    check("subsections printed (N.N, N.N.N) all known", len(subs) == sum(1 for s in SECTIONS if s[3] is None),
          "%d printed, %d known" % (len(subs), sum(1 for s in SECTIONS if s[3] is None)))
    for ch, n in AID_SUBSECTIONS.items():
        got = sum(1 for s in SECTIONS if s[0] == ch and s[3] is None)
        check("  chapter %d subsections = the aid's %d" % (ch, n), got == n, str(got))
    check("views (11 chapters + checklist 9-1)", len(views) == 12, str(len(views)))
    check("domains (61 sections + 6 checklist groups + its note)", len(domains) == 68, str(len(domains)))
    print("      chapter  domains  requirements  lead-ins | aid rows  space (mine/possibly/aid)")
    tot = 0
    for v in views:
        rs = [r for d in v["domains"] for r in d["requirements"]]
        ids = [r["id"] for r in rs]
        leads = sum(1 for i in ids if not i.startswith("CL") and "-" not in i and
                    any(j.startswith(i + "-") for j in ids))
        sp = sum(1 for r in rs if any(n["text_en"].startswith("Space-specific:") for n in r.get("notes", [])))
        psp = sum(1 for r in rs if any(n["text_en"].startswith("Possibly space-specific:") for n in r.get("notes", [])))
        ch = int(v["id"][1:]) if v["id"][1:].isdigit() else None
        print("      %-8s %7d %13d %9d | %8s  %d/%d/%s" % (v["id"], len(v["domains"]), len(rs), leads,
                                                        AID_ROWS.get(ch, "(9)"), sp, psp, AID_SPACE.get(ch, 0)))
        if ch in AID_DIFF:
            print("               vs aid %+d: %s" % (len(rs) - AID_ROWS[ch], AID_DIFF[ch]))
        if v["id"] in EXPECTED:
            check("  %s counts match my reading %s" % (v["id"], EXPECTED[v["id"]]),
                  (len(v["domains"]), len(rs), leads, sp, psp) == EXPECTED[v["id"]],
                  str((len(v["domains"]), len(rs), leads, sp, psp)))
        tot += len(rs)
    check("requirements in all (my reading: %d)" % EXPECTED.get("total", -1), tot == EXPECTED.get("total"), str(tot))
    print("      the aid counts 311 rows (23 SPACE-tagged); here 390 requirements in chapters 1-11 and 25 in the "
          "checklist view. Space: the aid tags content that names space matters; here \"Space-specific\" "
          "(same basis; + C5.2-3's lead-in and CL.N2, - C10.5-8 which names no space service) and "
          "\"Possibly space-specific\" for likely customisations.")
    ids = [v["id"] for v in views] + [d["id"] for d in domains] + [r["id"] for r in reqs] + \
        [p["id"] for r in reqs for p in r.get("parameters", [])]
    check_unique(check, "IDs unique (views, domains, requirements, parameters)", ids)
    check("ID forms: views C<n>/CL, domains with '-' and no '.', requirements with '.'",
          all(re.match(r"^(C\d+|CL)$", v["id"]) for v in views) and
          all("-" in d["id"] and "." not in d["id"] for d in domains) and all("." in r["id"] for r in reqs))
    check("every requirement has title_ja, title_en, modality, and purpose_ja or points",
          all(r.get("title_ja") and r.get("title_en") and r.get("modality") and
              (r.get("purpose_ja") or r.get("points")) for r in reqs))
    check_reload(check, yaml_text, catalog)
    check("deterministic: a second build dumps the same bytes", dump(Builder(seed).build()) == yaml_text)
    check_no_pua(check, yaml_text)
    # verbatim text
    lvl = {0: [], 1: [], 2: []}
    n15 = 0
    loose_short = []
    for path, text in walk_texts(catalog):
        for frag in text.split("\n"):
            if not frag.strip():
                continue
            long15 = len(squash(frag)) >= 15
            n15 += long15
            o = seed.occurs(frag)
            if o == 0 and not long15 and squash(frag) in re.sub("[⚫➢]", "", seed.flat_clean):
                loose_short.append((path, frag))
                continue
            if o == 0 and not long15:
                loose_short.append((path, frag))
                continue
            lvl[o].append((path, frag, long15))
    bad = [x for x in lvl[0] if x[2]]
    check("Japanese fragments of >= 15 characters found in the seed (spaces and newlines removed from both)",
          not bad, "%d fragments (%d of >= 15 characters): %d as printed, %d once the layout noise lines are "
                   "removed too, %d missing" % (sum(len(x) for x in lvl.values()) + len(loose_short), n15,
                                                len(lvl[1]), len(lvl[2]), len(bad)))
    for path, frag, _ in bad[:10]:
        print("        missing:", path, frag[:60])
    for path, frag, _ in lvl[2]:
        print("        after noise removal:", path, frag[:50])
    composed = [x for x in loose_short if x[1] in builder.composed]
    short_missing = [x for x in loose_short if x[1] not in builder.composed and
                     squash(x[1]) not in re.sub("[⚫➢]", "", seed.flat_clean)]
    check("shorter fragments found too (%d only with the ⚫/➢ marker between a ＜label＞ and its bullet removed; "
          "%d titles 事故レベル N joined from a column header and a cell, each part checked)"
          % (len(loose_short) - len(short_missing) - len(composed), len(composed)),
          not short_missing, str([x[1] for x in short_missing][:5]))
    # coverage
    emitted = squash("".join(builder.emitted))
    unc = []
    for i, l in enumerate(seed.lines, 1):
        if not l.strip() or i in seed.noise or i in builder.covered:
            continue
        s = squash(strip_marker(PUA.sub("", l)))
        if s and s in emitted:
            continue
        unc.append(i)
    check("every printed line is in the catalog (or layout noise)", not unc,
          "%d lines not accounted for: %s" % (len(unc), unc[:20]))
    for i in unc[:20]:
        print("        l.%d %s" % (i, seed.line(i)[:60]))
    # summary
    n_params = sum(len(r.get("parameters", [])) for r in reqs)
    n_val = sum(1 for r in reqs for p in r.get("parameters", []) if "value" in p)
    n_pts = sum(len(r.get("points", [])) for r in reqs)
    n_notes = sum(len(x.get("notes", [])) for x in reqs + domains + views) + len(catalog["notes"])
    n_space = sum(1 for r in reqs for n in r.get("notes", []) if n["text_en"].startswith("Space-specific:"))
    n_pspace = sum(1 for r in reqs for n in r.get("notes", []) if n["text_en"].startswith("Possibly space-specific:"))
    n_csf = sum(1 for x in views + [catalog] for n in x.get("notes", []) if n["text_en"].startswith("NIST CSF 2.0:"))
    mods = {}
    for r in reqs:
        mods[r["modality"]] = mods.get(r["modality"], 0) + 1
    print("  parameters: %d (%d with a value); points: %d; documents: %d; notes: %d (space-specific %d, possibly "
          "%d, NIST CSF %d); glossary: %d" % (n_params, n_val, n_pts, sum(len(r.get("documents_ja", [])) for r in reqs),
                                             n_notes, n_space, n_pspace, n_csf, len(catalog["glossary"])))
    print("  modality: " + ", ".join("%s %d" % kv for kv in sorted(mods.items())))
    print_roles(reqs)
    return check.ok


def main(argv=None):
    ap = arg_parser(__doc__, SEED_NAME, "space-rules.yaml")
    ap.add_argument("--dump", metavar="LINES", help="print the text the script reads from seed lines (e.g. 40-48)")
    args = ap.parse_args(argv)
    seed = Seed(args.seed)
    if args.dump:
        t = seed.text(args.dump)
        for i, s in enumerate(sentences(t), 1):
            print("%d: %s" % (i, s))
        return 0
    builder = Builder(seed)
    catalog = builder.build()
    if TITLE_ERRORS:
        print("\n".join(TITLE_ERRORS))
        return 1
    text = dump(catalog)
    write_catalog(args.out, text)
    return 0 if run_checks(catalog, text, seed, builder) else 1


if __name__ == "__main__":
    sys.exit(main())
