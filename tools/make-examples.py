#!/usr/bin/env python3
"""Write the sample assessments in examples/ (ECOM 2004, four files).

Developer tool, deterministic (no randomness): the committed files in
examples/ are its output, and each reads as if a security officer had filled
it in by hand.  The organisations are fictitious.

    python3 tools/make-examples.py [--out DIR] [--check]

Every file rates all 117 requirements of catalogs/ecom-2004.yaml: rated, `na`
with a reason, or `unknown`.  The data below is written per requirement and
per organisation; the script only lays it out (flow style, catalog order,
a `# ID title` comment above each entry, as `taisaku plan` writes it) and
checks it against the catalog: every ID present, ranks derived from ○/△/×
answers equal to the rank written next to them, overrides within ±1, and
an independent evaluation (MODEL.md §2-§6) that prints the expected counts.

Data notation (one requirement a line, fields separated by ' | '):

    ID | SPEC | NOTE | EXTRAS

SPEC is `core RANKS` (e.g. `3 BBCBC`, ranks in the order study, process,
management, review, documentation), `assets RANKS` (core per asset, from
the ASSETS table of the organisation), `na REASON` or `unknown`.
EXTRAS are space-separated: `ev=key,key` (evidence from the DOCS table),
`study=ooott` etc. (○/△/× answers in the catalog's column order: the
rank written in RANKS must be the one the answers give).
"""

import argparse
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "catalogs", "ecom-2004.yaml")
PERIPHERALS = ["study", "process", "management", "review", "documentation"]
RANK_ORDER = {"A": 4, "B": 3, "C": 2, "D": 1}
CAUSES = ("計画の無理", "展開の不手際", "管理の不徹底", "対応能力の欠如")
DOMAIN_TITLES = {}


# --------------------------------------------------------------------------
# Catalog
# --------------------------------------------------------------------------

def load_catalog():
    with open(CATALOG, encoding="utf-8") as f:
        c = yaml.safe_load(f)
    reqs = []      # (id, title, domain)
    for v in c["views"]:
        for sv in v["subviews"]:
            for d in sv["domains"]:
                DOMAIN_TITLES[d["id"]] = d["title_ja"]
                for r in d["requirements"]:
                    reqs.append((r["id"], r["title_ja"], d["id"]))
    sc = c["scoring"]
    periph = {p["id"]: p for p in sc["peripherals"]}
    return reqs, sc, periph


def cell_ok(cell, ans):
    """MODEL.md §2: ○ satisfies ○ △ ―; △ satisfies △ ―; × only ― and '△ or ×'."""
    if cell == "-":
        return True
    for alt in cell.split("|"):
        if alt == "o" and ans == "o":
            return True
        if alt == "t" and ans in ("o", "t"):
            return True
        if alt == "x" and ans == "x":
            return True
    return False


def rank_from_answers(per, answers):
    best = "D"
    for row in per["rows"]:
        if all(cell_ok(c, a) for c, a in zip(row["cells"], answers)):
            if RANK_ORDER[row["rank"]] > RANK_ORDER[best]:
                best = row["rank"]
    return best


def core_from_assets(assets):
    any_imp = any(a[1] for a in assets)
    imp = [a[2] for a in assets if a[1] or not any_imp]
    oth = [a[2] for a in assets if any_imp and not a[1]]
    mi, mo = min(imp), min(oth) if oth else 5
    if mi == 5 and mo == 5:
        return 5
    if mi >= 4 and mo >= 3:
        return 4
    if mi >= 3 and mo >= 2:
        return 3
    if mi >= 2:
        return 2
    return 1


# --------------------------------------------------------------------------
# Parsing the data tables
# --------------------------------------------------------------------------

def parse_table(text, docs, assets_tab, periph):
    out = {}
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("|"):
            line = line[:-1].rstrip()
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) < 2:
            raise SystemExit("bad line: " + line)
        rid, spec = parts[0], parts[1]
        note = parts[2] if len(parts) > 2 else ""
        extras = parts[3].split() if len(parts) > 3 else []
        e = {"id": rid, "note": note or None, "evidence": [], "answers": {}}
        for x in extras:
            k, _, v = x.partition("=")
            if k == "ev":
                for key in v.split(","):
                    if key not in docs:
                        raise SystemExit(f"{rid}: unknown document {key}")
                    e["evidence"].append(docs[key])
            elif k in PERIPHERALS:
                cols = [c["id"] for c in periph[k]["columns"]]
                if len(v) != len(cols):
                    raise SystemExit(f"{rid}: {k} needs {len(cols)} answers")
                e["answers"][k] = dict(zip(cols, v))
            else:
                raise SystemExit(f"{rid}: unknown extra {x}")
        if spec.startswith("na "):
            e["kind"] = "na"
            e["reason"] = spec[3:].strip()
        elif spec == "unknown":
            e["kind"] = "unknown"
        else:
            m = re.fullmatch(r"(\d|assets) ([ABCD]{5})", spec)
            if not m:
                raise SystemExit(f"{rid}: bad spec {spec}")
            e["kind"] = "rated"
            if m.group(1) == "assets":
                e["assets"] = assets_tab[rid]
                e["core"] = core_from_assets(e["assets"])
            else:
                e["core"] = int(m.group(1))
            e["ranks"] = dict(zip(PERIPHERALS, m.group(2)))
            for k, ans in e["answers"].items():
                got = rank_from_answers(periph[k], list(ans.values()))
                if got != e["ranks"][k]:
                    raise SystemExit(f"{rid}: {k} answers give {got}, table says {e['ranks'][k]}")
        if rid in out:
            raise SystemExit(f"{rid}: twice")
        out[rid] = e
    return out


# --------------------------------------------------------------------------
# Evaluation (independent of the C engine, for the expected counts)
# --------------------------------------------------------------------------

def evaluate(org, reqs, sc):
    th = {int(k): v for k, v in sc["thresholds"].items()}
    tt = {int(k): v for k, v in sc["targets"].items()}
    S = org["system"]["level"]
    res = {"rated": 0, "na": 0, "unknown": 0, "under": 0, "over": 0, "met": 0}
    unders, overs = [], []
    for rid, _title, _dom in reqs:
        e = org["ratings"][rid]
        imp = org.get("importance", {}).get(rid, "general")
        target = tt[S][imp]
        ov = org.get("targets", {}).get(rid)
        if ov:
            if abs(ov[0] - target) != 1 or not 2 <= ov[0] <= 5:
                raise SystemExit(f"{rid}: override {ov[0]} vs derived {target}")
            target = ov[0]
        e["target"] = target
        if e["kind"] == "na":
            res["na"] += 1
            continue
        if e["kind"] == "unknown":
            res["unknown"] += 1
            continue
        res["rated"] += 1
        ach = 1
        for L in (5, 4, 3, 2):
            if e["core"] >= L and all(RANK_ORDER[r] >= RANK_ORDER[th[L]] for r in e["ranks"].values()):
                ach = L
                break
        e["achieved"] = ach
        if ach < target:
            res["under"] += 1
            unders.append(f"{rid}({ach}<{target})")
        elif ach > target:
            res["over"] += 1
            overs.append(f"{rid}({ach}>{target})")
        else:
            res["met"] += 1
    return res, unders, overs


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

_PLAIN_BAD = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`]|[,\[\]{}]|: | #|:$|^\s|\s$")
_LOOKS_TYPED = re.compile(r"^(~|null|true|false|yes|no|on|off|[-+]?\d[\d.:eE+-]*)$", re.I)


def q(s):
    s = str(s)
    if s == "" or _PLAIN_BAD.search(s) or _LOOKS_TYPED.match(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def date_ok(s):
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) is not None


def fmt_evidence(ev):
    items = []
    for title, date, ref in ev:
        assert date_ok(date), date
        f = f"title: {q(title)}, date: {date}"
        if ref:
            f += f", ref: {q(ref)}"
        items.append("{ " + f + " }")
    return "evidence: [ " + ", ".join(items) + " ]"


def fmt_peripheral(e, p):
    if p in e["answers"]:
        a = ", ".join(f"{k}: {v}" for k, v in e["answers"][p].items())
        return f"{p}: {{ {a} }}"
    return f"{p}: {e['ranks'][p]}"


def fmt_rating(rid, e):
    pad = " " * (len(rid) + 6)
    lines = []
    if e["kind"] == "na":
        lines.append(f"na: {q(e['reason'])}")
    elif e["kind"] == "unknown":
        lines.append("unknown: true")
    else:
        periph = ", ".join(fmt_peripheral(e, p) for p in PERIPHERALS)
        if "assets" in e:
            al = []
            for name, imp, core in e["assets"]:
                f = f"name: {q(name)}"
                if imp:
                    f += ", important: true"
                f += f", core: {core}"
                al.append("{ " + f + " }")
            if len(al) > 2:
                # one asset a line, aligned under the first
                lines.append("assets: [ " + (",\n" + pad + " " * len("assets: [ ")).join(al) + " ]")
            else:
                lines.append("assets: [ " + ", ".join(al) + " ]")
            lines.append(periph)
        else:
            lines.append(f"core: {e['core']}, " + periph)
    if e["evidence"]:
        lines.append(fmt_evidence(e["evidence"]))
    if e["note"]:
        lines.append(f"note: {q(e['note'])}")
    body = (",\n" + pad).join(lines)
    return f"  {rid}: {{ {body} }}"


def block_str(key, s, indent):
    return f"{' ' * indent}{key}: {q(s)}"


def write_org(org, reqs, path):
    out = []
    for c in org["header"]:
        out.append(f"# {c}" if c else "#")
    out.append("catalog: ecom-2004")
    sy = org["system"]
    out.append("system:")
    for k in ("name", "level", "organization", "date", "assessor", "reason"):
        if k in sy:
            v = sy[k]
            out.append(f"  {k}: {v if k in ('level', 'date') else q(v)}")
    titles = {r[0]: r[1] for r in reqs}
    order = {r[0]: i for i, r in enumerate(reqs)}
    if org.get("importance"):
        out.append("")
        out.append("# 重要度（特に重要 critical / 重要 important / リスクが特に低い low。記載のないものは general）")
        out.append("importance:")
        for rid in sorted(org["importance"], key=order.get):
            why = org.get("importance_why", {}).get(rid)
            line = f"  {rid}: {org['importance'][rid]}"
            out.append(f"{line:<22}  # {why}" if why else line)
    if org.get("targets"):
        out.append("")
        out.append("# 目標レベルの個別調整（導出された目標から ±1、理由必須）")
        out.append("targets:")
        for rid in sorted(org["targets"], key=order.get):
            lv, why = org["targets"][rid]
            out.append(f"  {rid}: {{ level: {lv}, reason: {q(why)} }}")
    if org.get("weights"):
        out.append("")
        out.append("weights:")
        for k in ("requirements", "domains"):
            if org["weights"].get(k):
                items = ", ".join(f"{i}: {w}" for i, w in org["weights"][k].items())
                out.append(f"  {k}: {{ {items} }}")
    if org.get("settings"):
        out.append("")
        items = ", ".join(f"{k}: {v}" for k, v in org["settings"].items())
        out.append(f"settings: {{ {items} }}")
    out.append("")
    out.append("ratings:")
    domain = None
    for rid, title, dom in reqs:
        if dom != domain:
            domain = dom
            out.append(f"  # ---- {dom} {DOMAIN_TITLES[dom]}")
        out.append(f"  # {rid} {title}（目標 {org['ratings'][rid]['target']}）")
        out.append(fmt_rating(rid, org["ratings"][rid]))
    if org.get("improvements"):
        out.append("")
        out.append("# 改善計画（§5.3.4.4〜5.3.4.6）")
        out.append("improvements:")
        for im in org["improvements"]:
            assert im["cause"] in CAUSES, im["cause"]
            assert im["requirement"] in titles, im["requirement"]
            out.append(f"  # {im['requirement']} {titles[im['requirement']]}")
            out.append(f"  - requirement: {im['requirement']}")
            for k in ("cause", "aim", "content", "steps"):
                if im.get(k):
                    out.append(block_str(k, im[k], 4))
            if im.get("due"):
                assert date_ok(im["due"])
                out.append(f"    due: {im['due']}")
            if im.get("owner"):
                out.append(block_str("owner", im["owner"], 4))
    text = "\n".join(out) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return text


def build(org_def, reqs, periph):
    org = dict(org_def)
    org["ratings"] = parse_table(org_def["table"], org_def["docs"], org_def.get("assets", {}), periph)
    ids = [r[0] for r in reqs]
    missing = [i for i in ids if i not in org["ratings"]]
    extra = [i for i in org["ratings"] if i not in ids]
    if missing or extra:
        raise SystemExit(f"{org_def['file']}: missing {missing}, extra {extra}")
    for k in list(org.get("importance", {})) + list(org.get("targets", {})):
        if k not in ids:
            raise SystemExit(f"{org_def['file']}: unknown requirement {k}")
    day = org["system"]["date"]
    for rid, e in org["ratings"].items():
        for title, date, _ref in e["evidence"]:
            if date > day:
                raise SystemExit(f"{org_def['file']}: {rid}: evidence {title} dated {date} after {day}")
    for im in org.get("improvements", []):
        if im.get("due") and im["due"] <= day:
            raise SystemExit(f"{org_def['file']}: improvement {im['requirement']} due before the assessment")
    notes = {}
    for rid, e in org["ratings"].items():
        n = e["note"]
        if n and n in notes:
            raise SystemExit(f"{org_def['file']}: same note on {notes[n]} and {rid}")
        if n:
            notes[n] = rid
    return org


# ==========================================================================
# 1. 小規模企業: 建築設計事務所（従業員30名）、システムレベル2
# ==========================================================================

SMALL_DOCS = {
    "policy": ("情報セキュリティ基本方針 第2版", "2023-04-01", "SEC-01"),
    "rules": ("情報セキュリティ対策規程（社内ルール集）", "2023-04-01", "SEC-02"),
    "incident": ("情報セキュリティ事故発生時の連絡フロー（掲示物）", "2024-06-20", "SEC-03"),
    "selfcheck": ("情報セキュリティ自己点検チェックシート（2025年度）", "2026-02-27", "SEC-04"),
    "shugyo": ("就業規則 第12版", "2024-04-01", "HR-01"),
    "pledge": ("秘密保持誓約書（入社時）様式", "2022-10-01", "HR-05"),
    "edu": ("新入社員向け情報セキュリティ説明資料", "2026-04-03", "EDU-01"),
    "budget": ("2026年度 IT関連予算表", "2026-03-25", "FIN-IT-2026"),
    "contract": ("設計業務委託契約書（発注者との契約、秘密保持条項）", "2025-10-01", "LG-05"),
    "privacy": ("個人情報保護方針（Webサイト掲載）", "2022-04-01", "LG-01"),
    "acct": ("アカウント管理表（Microsoft 365・NAS）", "2026-08-31", "IT-03"),
    "netmap": ("社内ネットワーク構成図", "2025-06-10", "IT-01"),
    "pcledger": ("PC・機器管理台帳", "2026-07-01", "IT-02"),
    "swledger": ("ソフトウェアライセンス管理表", "2026-04-10", "IT-04"),
    "backup": ("バックアップ運用手順書", "2024-11-05", "IT-05"),
    "backuplog": ("バックアップ実施記録（2026年度）", "2026-09-01", "IT-05-R"),
    "utm": ("UTM設定報告書（保守業者提出）", "2026-03-15", "IT-07"),
    "m365": ("Microsoft 365・Intune 設定記録", "2026-05-20", "IT-08"),
    "kaigi": ("所内会議議事録（情報セキュリティ議題）", "2026-06-12", "MTG-2606"),
    "hoshu": ("IT機器保守契約書（秘密保持条項付き）", "2025-04-01", "LG-07"),
}

SMALL_ASSETS = {
    "Tb1.7": [("Microsoft 365", True, 3), ("NAS01（ファイルサーバ）", True, 3),
              ("事務用PC（12台）", False, 2), ("CAD端末（15台）", False, 2)],
    "Tb2.3": [("NAS01（ファイルサーバ）", True, 2), ("UTM（FortiGate）", True, 2),
              ("事務用PC（12台）", False, 3), ("CAD端末（15台）", False, 3)],
    "Tb3.2": [("事務用PC（12台）", True, 3), ("CAD端末（15台）", True, 3),
              ("NAS01（ファイルサーバ）", False, 3)],
    "Tc3.3": [("事務用PC（12台）", True, 3), ("CAD端末（15台）", True, 2),
              ("在宅勤務用ノートPC（6台）", False, 3)],
}

SMALL_TABLE = r"""
Ma1.1 | 2 CCCCB | 2019年に所長名で情報セキュリティ基本方針を制定し、2023年のテレワーク導入時に改定した。事務所内に掲示し入社時に説明しているが、守るべきものや対策レベルの大枠までは書かれておらず、周知度の確認もしていない。 | ev=policy
Ma1.2 | 2 CCCCC | 対策の全体像は社内ルール集の目次がそれに当たる程度で、対策どうしの関係や目標レベルは整理していなかった。今回の評価表を組立ての土台にする。 | ev=rules
Ma1.3 | 2 CCCCC | 情報セキュリティの責任者は所長、実務は総務課の佐藤が兼務。委員会はなく、月1回の所内会議で情報セキュリティを議題にしている。 | study=txttx ev=kaigi
Ma1.4 | 2 CCCCC | 就業規則と入社時の誓約書で秘密保持義務を定めている。部署ごとの責任は明文化していないが、図面データの管理は各設計チームのリーダーが負う慣行がある。 | ev=shugyo,pledge
Ma1.5 | 2 CCDDC | 新入社員に1時間の説明をしているだけで、既存社員への教育計画はない。誰にどの程度の知識が必要かも整理しておらず、教育の効果も確認していない。 | ev=edu
Ma1.6 | 2 CCCCB | UTM保守、ウイルス対策ライセンス、クラウドバックアップの費用をIT関連予算に計上している。セキュリティ予算としての評価はしていない。 | ev=budget
Ma2.1 | 2 CCCCC | 事務所の運営形態・業務・扱う情報を文書にしたものはなく、今回の評価にあわせて所長と整理した。今後は年1回の評価時に見直す。 |
Ma2.2 | 2 CCCCC | 顧客に提供しているのは設計図書の作成と納品で、納品データの機密保持と納期が求められる。要求の水準は発注者ごとの契約条項で把握している程度。 | ev=contract
Ma2.3 | 1 CDDDD | 図面・顧客情報・見積書などの情報資産の一覧がない。NASのフォルダ構成が事実上の分類になっているが、社外秘などの保護要件は指定していない。 |
Ba1.1 | 2 CCCCC | 採用時の誓約書と就業規則の懲戒規定はある。派遣のCADオペレーター2名の信用確認は派遣元任せで、当方での確認はしていない。 | ev=pledge
Ba1.2 | 2 BCCCC | 入社時の説明のほか、不審メールの事例を総務から全員にメールで回覧している。朝礼で年に数回注意喚起。 |
Ba1.3 | 2 CCCCC | 来客は受付で記帳し、設計室への立入りは社員が同伴する。清掃業者の作業は営業時間内のみ。不正行為の懲戒は就業規則にある。 | ev=shugyo
Ba2.1 | 2 CCCCC | 職場は設計部と総務部の二つで、守るべき事項は社内ルール集に共通事項として書いている。職場ごとに分ける必要はないと判断している。 | ev=rules
Ba2.2 | 2 CCCCC | ルールが守られているかの点検は年1回の自己点検のみで、日常の指導は所長と各チームリーダーの声かけに頼っている。 | ev=selfcheck
Ba2.3 | na 他社とシステムを連携させた業務（EDI・共同利用システム等）はない。図面の受渡しはメールとクラウドストレージで、Tb7.1 で評価した | 
Ba2.4 | unknown | CAD作図の一部と給与計算を外部に委託しているが、委託契約の秘密保持条項と委託先での図面の扱いを確認できていない。総務で契約書の原本を確認する。 |
Ba3.1 | 2 CCCCC | 図面の出力紙は設計室内で管理し、不要になった紙はシュレッダーか溶解処理業者に出している。「社外秘」の表示は顧客の指定がある案件のみ。 |
Ba3.2 | 1 CCDDD | USBメモリの私物利用を禁止しておらず、現場打合せ用の図面の持出しに使われている。暗号化USBの支給や持出しの記録はない。 |
Ba3.3 | 2 CCCCC | ノートPCの持出しは所長の許可制で、全台BitLockerを有効にしている。持出し記録簿は記入漏れが多い。 | ev=pcledger
Ba3.4 | 2 CCCCC | 複合機とプロッタは設計室内に置き、複合機のHDD消去機能を有効にしている。スマートフォンでの図面撮影の禁止は口頭の指示のみ。 |
Ba4.1 | 3 BBCCB | Microsoft 365とNASのアカウントは総務で一元管理し、入退社時にアカウント管理表を更新している。権限は部署・案件フォルダ単位で付与。 | ev=acct
Ba4.2 | 2 CCCCC | パスワードの使い回し禁止と多要素認証アプリの使い方を入社時に指導している。付箋でのパスワード貼付けがないかは自己点検で確認。 |
Ba5.1 | 2 CCCCC | 発注者との設計業務委託契約の秘密保持条項は総務で把握し、案件開始時に担当チームへ伝えている。 | ev=contract
Ba5.2 | 2 BCCCB | 建築士法の設計図書保存（15年）、個人情報保護法、ソフトウェアのライセンスを対象として把握している。CADソフトのライセンス数は管理表で確認。 | ev=swledger,privacy
Ba5.3 | 2 CCCCC | 設計の瑕疵などで争いになった場合に備え、図面の版とメールは保存しているが、証跡として何を残すかは決めていない。 |
Ta1.1 | 2 CCCCC | 業務システムは市販の会計・CADソフトとクラウドサービスで、自社開発はない。積算用のExcelシートは作成者以外がチェックする慣行がある。 |
Ta1.2 | na 業務仕様を定義して開発・改修する業務システムがない（市販パッケージとクラウドサービスのみを利用） |
Ta1.3 | na 自社開発・委託開発のアプリケーションソフトがない |
Ta1.4 | 2 CCCCC | 見積書・請求書は発行前に所長が金額を確認し、会計ソフトの月次残高は顧問税理士がチェックしている。 |
Ta1.5 | 2 CCCCC | 入力誤りや計算ミスは発生の都度修正しているが、原因の分析や再発防止の記録は残していない。 |
Ta2.1 | 2 CCCCC | NASはRAID6でUPSに接続。予備機はなく、故障時は保守業者が翌営業日に代替機を手配する前提。可用性の目標は文書にしていない。 | ev=netmap
Ta2.2 | 2 CCCCC | UPSの自動シャットダウンとNASのディスク障害のメール通知を設定している。停電時の動作確認は導入時に一度行ったのみ。 |
Ta2.3 | 2 CCCCC | 障害時の連絡先（保守業者、回線業者）の一覧を掲示している。総務担当が不在の時に対応できる者がいない。 |
Ta3.1 | 2 CCCCC | NASの容量は総務が月1回管理画面で確認し、使用率80%を超えたら増設を所長に相談する。 |
Ta3.2 | 2 CCCCC | CAD端末はメーカー推奨スペックで調達している。NASとの間は1Gbpsで、大きな3Dモデルの読込みが遅いという声がある。 |
Ta3.3 | 2 CCCCC | 社内LANは1Gbpsのスイッチで構成。性能テストは行っていないが、業務上の支障は出ていない。 |
Ta3.4 | 2 CCCCC | インターネット回線の使用率はUTMの月次レポートで、NASの容量と合わせて所内会議で報告している。 | ev=kaigi
Ta3.5 | 2 CCCCC | 容量が逼迫した時は完了案件のデータを外付けHDDへ移す手順を口頭で共有している。 |
Tb1.1 | 2 BCCCB | 業務LAN・ゲスト用無線LAN・複合機の3区分で、インターネットへの出入りはUTM経由に限定している。構成図は保守業者が作成したもの。 | ev=netmap
Tb1.2 | 2 CCCCC | 外部からの接続はUTMのSSL-VPNのみで、使えるのは在宅勤務を許可された社員。同じセグメント内の端末間の通信は制限していない。 | ev=utm
Tb1.3 | 2 CCCCC | UTMの設定は保守業者が行い、変更の都度設定報告書を受け取っている。報告書の内容を社内で確認したことはない。 | ev=utm
Tb1.4 | 2 CCCCC | ゲスト用無線LANはUTMのVLANで業務LANから分離している。VLAN設定の見直しは機器更新の時だけ。 |
Tb1.5 | 2 CCCDC | 業務用のアクセスポイント2台をWPA2-PSK（AES）で運用。パスフレーズを導入以来変えておらず、退職者も知っている状態。 |
Tb1.6 | 3 BBBBB | Microsoft 365は全員に多要素認証を必須にした。入退社・異動時の登録と削除はアカウント管理表に記録し、半期ごとに棚卸ししている。 | ev=acct
Tb1.7 | assets CCCCC | Microsoft 365とNASは個人アカウントで、NASの既定のadminは無効化済み。PCのローカルアカウントに共通パスワードのものが残っている。 |
Tb1.8 | 2 CCCCC | 管理者アカウントは総務担当と保守業者の2名に限っている。保守業者が使う管理者パスワードの変更ルールはない。 |
Tb1.9 | 2 CCCCC | NASとUTMの管理画面は社内LANからのみ接続できる。CAD端末の一部はソフト更新の都合で利用者が管理者権限を持ったまま。 |
Tb1.10 | na 汎用OS（Windows）とNAS標準のOSで足りる業務で、セキュアOSを必要とするような情報は扱っていない |
Tb1.11 | 2 CCCCC | アプリケーションはMicrosoft 365とクラウド会計だけで、アクセス管理は各サービスの権限設定で行う（会計は所長と総務のみ）。 |
Tb1.12 | 2 CCCCC | クラウド会計は個人IDと多要素認証で利用している。権限設定の定期的な確認はしていない。 |
Tb2.1 | 2 CCCCC | Windows UpdateはIntuneで自動適用、NASとUTMのファームウェアは保守業者任せ。脆弱性情報はIPAのメール配信を総務担当が見ている。 |
Tb2.2 | 2 CCCCC | IPA・JPCERTの注意喚起のうち当社の機器に関係しそうなものは保守業者に問い合わせている。やり取りはメールに残る程度。 |
Tb2.3 | assets CCCCC | PCはIntuneの更新リングで配信から2週間以内に適用。NASとUTMのファームウェアは年2回の保守点検時の適用で、緊急のパッチが遅れることがある。 |
Tb2.4 | 2 CCDCD | PCの適用状況はIntuneの画面で見られるが、NAS・UTMを含めた適用状況の一覧や未適用の理由の記録はない。セキュリティホールの検査もしていない。 | documentation=xx
Tb3.1 | 2 BCCCB | 全PCにMicrosoft Defender for Businessを入れ、総務担当が管理画面で状況を確認している。感染時の連絡フローを作成済み。 | ev=incident
Tb3.2 | assets BBBBB | 定義ファイルは自動更新。NASは週1回のスケジュールスキャンを設定している。導入状況はIntuneの管理画面で全台確認できる。 | ev=m365
Tb3.3 | 3 BBBBB | 定義ファイルの更新漏れは毎週月曜に管理画面で確認し、未更新の端末の利用者に声をかけている。USBメモリ接続時の自動スキャンも有効。 | management=ot ev=rules
Tb3.4 | 2 CCCCC | 感染が疑われたらLANケーブルを抜いて総務に連絡する、というルールを掲示している。訓練は行っていない。 | ev=incident
Tb4.1 | 1 CDDDD | UTM・NAS・無線LANの管理者パスワードとネットワーク構成図がラック横のファイルに紙で綴じてあり、保護すべき情報として認識されていなかった。 |
Tb4.2 | 2 CCCCC | 管理者パスワードは保守業者と総務担当だけが知る扱いとしている。文書での指定はない。 |
Tb4.3 | 2 CCCCC | 管理者パスワードは12文字以上とし、保守業者への伝達は電話で行っている。 |
Tb5.1 | 2 CCCCC | NASのフォルダを案件・部署単位に分けてアクセス権を付与し、顧客から秘密指定を受けた案件は専用フォルダに置く運用。 |
Tb5.2 | 2 CCCCC | 秘密指定の案件フォルダは担当チームのみアクセスできる。それ以外の案件は全社員が閲覧できる設定のまま。 |
Tb5.3 | na 自社で管理しているDBMSがない（会計・勤怠はクラウドサービスを利用） |
Tb5.4 | na DBMSを利用するアプリケーションを自社で構築していない |
Tb6.1 | 2 CCCCC | 社外とは図面や見積をメール添付かクラウドストレージの共有リンクでやり取りしている。秘密指定の案件はパスワード付きのリンクとする決まり。 |
Tb6.2 | 2 BCCCC | 拠点間の通信はなく、在宅勤務はSSL-VPN経由。利用しているクラウドサービスはすべてTLSで接続。 |
Tb6.3 | 2 CCCCC | 業務用はWPA2、ゲスト用は業務LANと分離しているが、不正なアクセスポイントの有無は確認していない。 |
Tb7.1 | 3 BBBBB | Microsoft 365で送受信ともTLS。社外宛の添付ファイルは共有リンクへ自動変換する設定にしている。フリーメールの業務利用は禁止。 | ev=m365
Tb7.2 | 2 CCCCC | FTPは使っておらず、大容量データはクラウドストレージで受け渡す。顧客指定のファイル転送サービスを使う場合は所長の承認を得る。 |
Tb8.1 | na 自社で公開サーバを運用していない（Webサイトは制作会社が管理するレンタルサーバ） |
Tb8.2 | 2 CCCCC | 回線障害や攻撃が疑われる時は回線業者と保守業者に連絡する、という手順のみ。 |
Tb9.1 | 2 CCCCC | UTMのログは保守業者のクラウドに90日保管され、月次レポートを受け取っている。社内で日常的に見ている者はいない。 | ev=utm
Tb9.2 | 2 CCCCC | Microsoft 365のサインインログと危険なサインインの通知は総務担当が受けている。NASのアクセスログは保存しているだけ。 |
Tb9.3 | 2 CCCCC | クラウド会計の操作履歴は、月次の締めの時に総務担当が削除・修正の操作だけを一覧で確認している。確認の記録は残していない。 |
Tc1.1 | 2 CCCCC | 保守業者の提案による標準的な構成（UTM、L2スイッチ、NAS）。ゾーンは業務LANとゲストの2区分。 | ev=netmap
Tc1.2 | 2 CCCCC | 機器の追加は保守業者経由で行い、構成図は年1回の点検時に更新される。 |
Tc2.1 | 2 BCCCB | OSはWindows 11 Proに統一し、PC調達時に保守業者がキッティングする。OSのバージョンは機器管理台帳で管理。 | ev=pcledger
Tc2.2 | 2 CCCCC | Microsoft 365 Appsを全員に配布。フリーソフトのインストールは総務への申請制だが、申請漏れがときどきある。 | ev=swledger
Tc2.3 | 2 CCCCC | CADソフトと積算ソフトは総務が一括購入してインストールする。アドオンの追加は各自で行っており把握できていない。 |
Tc3.1 | unknown | ルータとUTMは保守業者の管理で、管理画面の既定設定が残っていないか、ファームウェアの版は何かを把握できていない。次回の点検時に設定報告書で確認する。 |
Tc3.2 | 2 BCCCC | NASは不要なサービス（FTP、AFP等）を停止し、管理画面への外部からのアクセスを禁止。NAS付属の簡易診断を月1回実行している。 |
Tc3.3 | assets CCCCC | Intuneのセキュリティベースラインを適用し、BitLockerとファイアウォールを有効化している。CAD端末の一部は古いプラグインのためベースラインから除外している。 |
Tc4.1 | na アプリケーションの自社開発を行っていない |
Tc4.2 | na 自社で開発・改修するアプリケーションがなく、脆弱性を排除すべき対象がない |
Tc4.3 | na ソフトウェア開発を行っておらず、開発の外部委託もしていない |
Tc5.1 | 2 CCCCC | システムの運用は総務担当1名と保守業者で行い、作業内容は社内ルール集の「IT機器の運用」の章に書いている。職務の分離はできない規模。 | ev=rules
Tc5.2 | 2 BCCCB | 毎朝NASとバックアップの完了メールを確認し、異常時は保守業者へ連絡する。確認結果はバックアップ実施記録に残している。 | ev=backuplog
Tc5.3 | 2 CCCCC | NASとUTMの管理画面にアクセスできるのは管理者アカウントのみ。開発環境はない。 |
Tc5.4 | 2 CCCCC | 機器やソフトの入替えは保守業者が手順書を作って週末に行う。切戻しの手順は業者任せ。 |
Tc5.5 | 2 CCCCC | 保守業者の作業には総務担当が立ち会い、作業報告書を受け取っている。 |
Tc5.6 | 2 CCCCC | IT機器の保守は地元の業者1社に委託している。契約に秘密保持条項はあるが、業者側のセキュリティ対策を確認したことはない。 | ev=hoshu
Td1.1 | 2 CCCCC | 建築士法で設計図書を15年保存する必要があり、完了案件はNASのアーカイブフォルダとBlu-rayに保存している。管理責任者は総務課長。 |
Td1.2 | unknown | 2010年以前の案件データはDVDと旧形式のCADファイルで保管しており、今の環境で読み出せるか確認していない。抜取りで読出し試験を行う。 |
Td1.3 | 2 CCCCC | 保存期間は設計図書15年、経理書類7年と決めている。保存に使う媒体の指定はない。 |
Td1.4 | 2 CCCCC | アーカイブ媒体は耐火金庫で保管している。媒体の棚卸しは行っていない。 |
Td2.1 | 2 CCCCC | ノートPCの持出しとスマートフォンでのメール閲覧を認めている。条件は多要素認証とBitLocker。 | ev=m365
Td2.2 | 2 BCBCC | Microsoft 365の条件付きアクセスで、Intuneに登録した端末からの接続のみ許可している。 |
Td2.3 | 2 CCCCC | 社外で作業する社員には覗き見防止フィルタを配布。カフェ等での利用を控えることは周知のみ。 |
Td2.4 | na 支社・営業所などのリモートオフィスがない（事務所は1か所） |
Td2.5 | na リモートオフィスがなく、リモートオフィス側のシステムもない |
Td2.6 | na リモートオフィス側で運用しているシステムがない |
Td2.7 | na リモートオフィスの施設・設備がない（在宅勤務は Td2.1〜Td2.3 で評価） |
Td2.8 | na 事務所以外の拠点での業務運営がない |
Td3.1 | 2 CCCCC | NASとUTMは施錠できる書庫内のラックに設置し、鍵は総務が管理している。入室の記録はつけていない。 |
Td3.2 | 2 CCCCC | 事務所の入口はカードキーで施錠し、来客は受付で対応している。 |
Td3.3 | 2 CCCCC | 社外に設置している機器はない。在宅勤務者のノートPCには盗難防止ワイヤーを配布した。 |
Td4.1 | 2 CCCCC | 不審なメールや画面の表示に気づいたら総務へ連絡する、というルールを掲示している。 | ev=incident
Td4.2 | 2 BCCCB | NASは毎晩外付けHDDへ、週1回クラウドへバックアップしている。復元テストは導入時の1回のみで、全データを戻すのに何時間かかるか分からない。 | ev=backup,backuplog
Td4.3 | 2 CCCCC | 顧客のデータが漏えいした場合は所長が顧客に連絡する方針のみで、公表するかどうかの判断基準はない。 |
Td4.4 | 2 CCCCC | 予備のノートPC2台を確保している。NASが壊れた場合は外付けHDDのデータを直接参照することを想定。 |
Td4.5 | 1 CDDDD | 事務所が長期間使えない場合の業務継続（在宅での設計作業、クラウドへの切替え）を検討していない。 |
Aa1.1 | 2 CCCCC | 内部監査の仕組みはなく、年1回総務担当がチェックシートで自己点検するのみ。 | ev=selfcheck
Aa1.2 | 2 CCCCC | 2025年度の自己点検では14項目中3項目（USBメモリ、パスワードの掲示、持出し記録簿）で不備があった。 | ev=selfcheck
Aa1.3 | 2 CCDDD | 自己点検の結果は所長に口頭で報告したが、不備の改善状況を追いかけていない。 |
Aa2.1 | 1 DDDDD | 脆弱性診断を行ったことがなく、診断の方針もない。 |
Aa2.2 | 1 DDDDD | 外部からのポートスキャン等の診断は未実施。UTM保守業者の簡易診断サービスの利用を検討中。 |
"""

SMALL = {
    "file": "small-company.yaml",
    "header": [
        "taisaku サンプル: 小規模企業（建築設計事務所、従業員30名）の自己評価。組織名・人名は架空。",
        "ECOM セキュリティ対策評価モデル（2004）の117の対策要求すべてを評価している。",
        "評価: taisaku evaluate examples/small-company.yaml",
    ],
    "system": {
        "name": "社内業務システム（ファイルサーバ・CAD端末・メール）",
        "level": 2,
        "organization": "株式会社みどり野設計事務所",
        "date": "2026-09-18",
        "assessor": "総務課 佐藤（情報システム担当兼務）",
        "reason": ("事業の影響の大きさ：扱うのは発注者から預かる設計図書と顧客の連絡先で、問題が起きても影響は取引先数社の範囲にとどまり、"
                   "社会的な影響は小さい。組織にとっての重要性：図面データの消失や漏えいは納期遅延と信用の失墜に直結するが、"
                   "業務は手元のデータで当面継続できる。運用環境のぜい弱性：単一拠点・従業員30名で外部委託はIT保守業者のみ、"
                   "一方で専任の担当者はいない。以上から表4-2の「一部の中小企業のシステム」に当たるレベル2とし、"
                   "図面データの保護に関わる一部の要求は目標を引き上げる。"),
    },
    "targets": {
        "Tb1.6": (3, "Microsoft 365 は社外からも利用でき、アカウントの乗っ取りが図面・顧客情報の漏えいに直結するため"),
        "Tb3.3": (3, "発注者や協力事務所から図面データを受け取る機会が多く、ウイルス感染は取引停止につながるため"),
        "Td4.2": (3, "設計データの消失は納期遅延と損害賠償に直結するため、バックアップからの復旧能力は一段高くする"),
    },
    "docs": SMALL_DOCS,
    "assets": SMALL_ASSETS,
    "table": SMALL_TABLE,
    "improvements": [
        {"requirement": "Ma2.3", "cause": "計画の無理",
         "aim": "守るべき情報資産を漏れなく把握し、保護の扱いを決める",
         "content": "情報資産台帳（図面、顧客情報、見積・契約書類、会計データ）を作り、資産ごとに社外秘・関係者限りの区分と保管場所を決める",
         "steps": "総務が台帳の様式を作成し、各設計チームリーダーが案件フォルダ単位で記入、所内会議で確認する",
         "due": "2027-01-31", "owner": "総務課長"},
        {"requirement": "Ba3.2", "cause": "管理の不徹底",
         "aim": "USBメモリによる図面の持出しと紛失のリスクをなくす",
         "content": "私物USBメモリの使用を禁止し、暗号化USBメモリ5本を貸出制で用意する。Intuneで未登録のUSBメモリへの書込みを禁止する",
         "steps": "ルールを社内ルール集に追記して所内会議で説明、暗号化USBを購入、Intuneの設定は保守業者に依頼",
         "due": "2026-12-25", "owner": "総務課 佐藤"},
        {"requirement": "Tb1.5", "cause": "管理の不徹底",
         "aim": "退職者が業務用無線LANに接続できる状態を解消する",
         "content": "業務用無線LANのパスフレーズを変更し、以後は年1回と退職者が出た時に変更する。将来はWPA3への移行を検討する",
         "steps": "保守業者に変更を依頼し、全端末の再設定を土曜に行う",
         "due": "2026-10-31", "owner": "総務課 佐藤"},
        {"requirement": "Tb2.4", "cause": "管理の不徹底",
         "aim": "NASとUTMを含めたパッチの適用状況を一覧で把握する",
         "content": "機器管理台帳にファームウェアとOSの版、最終適用日、未適用の理由の欄を追加し、毎月更新する",
         "steps": "保守業者の点検報告書から版を転記し、PCはIntuneの画面から月初に転記する",
         "due": "2026-11-30", "owner": "総務課 佐藤"},
        {"requirement": "Tb4.1", "cause": "展開の不手際",
         "aim": "管理者パスワードとネットワーク構成情報を保護する",
         "content": "紙の管理者パスワード一覧を廃棄し、パスワード管理ツールに移す。構成図は総務の施錠キャビネットで保管する",
         "steps": "パスワード管理ツールを導入し、移行後に全管理者パスワードを変更する",
         "due": "2026-11-30", "owner": "総務課長"},
        {"requirement": "Td4.2", "cause": "対応能力の欠如",
         "aim": "NASが壊れても翌営業日中に設計業務を再開できることを確かめる",
         "content": "半年に1回、クラウドバックアップから代表的な案件フォルダを復元し、全データの復元時間を見積もる。復元手順を手順書に追記する",
         "steps": "保守業者の立会いで初回の復元テストを行い、結果を所内会議で報告する",
         "due": "2027-03-31", "owner": "総務課 佐藤"},
    ],
}


# ==========================================================================
# 2. 一般企業: 中堅製造業の受注管理システム、システムレベル3（2025年・2026年）
# ==========================================================================

ORD_DOCS_2025 = {
    "policy": ("情報セキュリティ基本方針 第3版", "2023-04-01", "ISP-001"),
    "kitei": ("情報セキュリティ管理規程 第5版", "2024-10-01", "ISP-010"),
    "iinkai": ("情報セキュリティ委員会規程", "2020-04-01", "ISP-011"),
    "iinkai_min": ("情報セキュリティ委員会議事録（2025年3月）", "2025-03-18", "ISC-2503"),
    "kyoiku": ("2024年度 情報セキュリティ教育実施報告書", "2025-03-31", "EDU-2024"),
    "yosan": ("2025年度 情報システム部予算書", "2025-03-28", "FIN-2025-IS"),
    "tokusei": ("受注管理システム セキュリティ特性整理表", "2021-03-19", "OMS-SEC-01"),
    "service": ("受注管理システム サービス別セキュリティ要求一覧", "2024-09-30", "OMS-SEC-02"),
    "shisan": ("情報資産管理台帳（受注管理システム・暫定版）", "2025-05-30", "AST-001"),
    "jinji": ("人事規程（採用・秘密保持誓約）", "2023-04-01", "HR-002"),
    "user_rule": ("ユーザID管理手順書 第2版", "2022-07-01", "OPS-021"),
    "id_list": ("ユーザID棚卸結果（2024年度下期）", "2025-01-31", "OPS-021-R"),
    "edi": ("EDI取引基本契約書および運用マニュアル（主要顧客3社）", "2023-10-01", "CT-EDI"),
    "horei": ("適用法令一覧（総務部）", "2025-04-15", "GA-LAW-01"),
    "network": ("ネットワーク構成図（本社・工場・営業所）", "2025-02-14", "NW-001"),
    "fw_rule": ("ファイアウォールルール表", "2025-04-10", "NW-005"),
    "patch_rule": ("セキュリティパッチ適用手順書", "2023-09-01", "OPS-030"),
    "vuln_list": ("脆弱性管理表（2025年度）", "2025-06-02", "OPS-031"),
    "av_rule": ("ウイルス対策実施要領", "2022-04-01", "OPS-040"),
    "backup_rule": ("バックアップ・リストア手順書", "2021-11-15", "OPS-050"),
    "incident_rule": ("情報セキュリティインシデント対応手順", "2023-06-01", "ISP-020"),
    "dev_std": ("システム開発標準（受注管理システム）第3版", "2021-04-01", "DEV-001"),
    "test_report": ("受注管理システム 2024年度改修 テスト結果報告書", "2024-11-22", "DEV-TR-2411"),
    "ops_manual": ("受注管理システム 運用手順書 第4版", "2024-04-01", "OPS-001"),
    "ops_log": ("システム運用日誌（2025年5月）", "2025-05-31", "OPS-001-L"),
    "itaku": ("システム開発・保守委託契約書（受注管理システム）", "2024-04-01", "CT-2024-07"),
    "capacity": ("性能・容量月次レポート（2025年4月分）", "2025-05-10", "OPS-060-R"),
    "audit": ("内部監査報告書（情報セキュリティ）2024年度", "2025-02-28", "AUD-2024-03"),
    "bcp": ("事業継続計画（BCP）第2版", "2022-09-01", "BCP-001"),
    "retention": ("文書管理規程（保存期間表）", "2019-04-01", "GA-005"),
    "nyutai": ("サーバ室入退室記録（2025年5月）", "2025-05-31", "FAC-002-R"),
    "eigyosho": ("営業所情報セキュリティ対策基準", "2023-10-02", "ISP-030"),
    "tenken": ("職場点検チェックリスト", "2022-04-01", "ISP-040"),
}

ORD_ASSETS_2025 = {
    "Tb1.7": [("受注管理AP web01", True, 4), ("受注管理AP web02", True, 4),
              ("EDIサーバ edi01", True, 3), ("営業所端末", False, 3)],
    "Tb2.3": [("受注管理AP web01", True, 3), ("受注管理AP web02", True, 3),
              ("受注DB db01", True, 3), ("EDIサーバ edi01", True, 2),
              ("本社PC（約180台）", False, 3), ("営業所PC（約40台）", False, 2)],
    "Tb3.2": [("サーバ群（Windows）", True, 3), ("本社PC（約180台）", True, 3),
              ("営業所PC（約40台）", False, 3), ("工場の生産設備用PC", False, 2)],
}

ORD_TABLE_2025 = r"""
Ma1.1 | 3 BBBBB | 基本方針は社長承認のうえ社内ポータルとWebサイトで公開。2023年の改定でクラウド利用と取引先情報の保護を追記した。周知の度合いは年1回のeラーニング後の確認テストで見ている。 | ev=policy
Ma1.2 | 3 BCBCB | 管理規程の体系図で対策の全体像は示しているが、対策テーマごとの目標レベルは決めていない。マネジメントの枠組みは委員会規程に大枠があるのみ。 | ev=kitei
Ma1.3 | 3 BBBBB | 管理本部長（取締役）を委員長とする情報セキュリティ委員会を四半期ごとに開催。各部門に情報セキュリティ推進者を置き、事務局は情報システム部。 | study=oooot ev=iinkai,iinkai_min
Ma1.4 | 3 BBCBB | 部門ごとの責任は管理規程の別表で定めているが、工場・営業所への説明が行き届かず、推進者の役割を知らない管理職がいた（2024年度内部監査の指摘）。 | ev=kitei,audit
Ma1.5 | 2 CCCCC | 全社員向けeラーニングは年1回行っているが、情報システム部員や推進者に必要なスキルを定義しておらず、専門的な教育は個人の自己研鑽任せ。 | ev=kyoiku
Ma1.6 | 3 BBCCB | セキュリティ関連費用は情報システム部予算の一項目として確保している。投資効果の評価はしていない。 | ev=yosan
Ma2.1 | 3 BBBCB | 2021年の改修時に利用部門・拠点・接続先・取り扱う情報を整理した特性整理表を作ったが、その後は見直していない（取引先の追加が反映されていない）。 | ev=tokusei
Ma2.2 | 3 BBBBB | 受注登録・納期回答・EDI受信のサービスごとに停止許容時間と機密性の要求を定義している。 | ev=service
Ma2.3 | 2 CCCCC | 情報資産台帳は暫定版で、EDIの受信ファイルや帳票の出力データが漏れている。保護クラスの基準は管理規程にあるが、個々の資産への指定は終わっていない。 | ev=shisan
Ba1.1 | 3 BBBBB | 採用時の身元確認と秘密保持誓約、派遣社員・常駐SEの誓約書の提出を人事規程で定めている。 | ev=jinji
Ba1.2 | 3 BBBBB | 全社eラーニング（受講率97%）と新入社員研修で意識付けを行い、就業規則に情報の取扱いの遵守事項を明記している。 | ev=kyoiku
Ba1.3 | 3 BBCBB | 本社は入館証で管理しているが、工場では保守業者や清掃要員の立入り記録が紙で、照合されていない。 |
Ba2.1 | 3 BBBBB | 業務課・営業所・工場出荷担当それぞれの受注データの扱いに関する要求を運用手順書の職場別の章に記載している。 | ev=ops_manual
Ba2.2 | 3 BBCCB | 職場点検のチェックリストはあるが、半年以上点検していない営業所があった。是正の指示は口頭のみで記録がない。 | ev=tenken
Ba2.3 | 3 BBBBB | 主要顧客3社とのWeb-EDIは取引基本契約と運用マニュアルで責任分担と障害時の連絡を取り決めている。相手側の障害時は電話・FAX受注に切り替える。 | ev=edi
Ba2.4 | unknown | 出荷・配送を委託している物流会社に受注データ（納品先の住所・担当者名）を渡しているが、委託先での取扱いと契約上の管理条項を確認できていない。購買部に契約書の写しを依頼中。 |
Ba3.1 | 3 BBBBC | 受注伝票と注文書の控えには「社外秘」を表示し、廃棄は溶解処理。営業所での印刷物の保管ルールは文書になっていない。 | documentation=xt
Ba3.2 | 2 CCDCC | USBメモリの使用制限がなく、営業所で顧客の図面をUSBメモリで持ち帰る運用が残っている。媒体の管理台帳もない。 |
Ba3.3 | 3 BBBBB | ノートPCは全台BitLockerで暗号化し、持出しは上長承認のうえ貸出簿で管理している。 |
Ba3.4 | 3 BBBBB | 複合機は認証印刷を導入済み。業務用スマートフォンは MDM で管理し、カメラで撮った画像は端末に残らない設定。 |
Ba4.1 | 4 BBBBB | 受注管理システムのIDは所属長の申請と情報システム部の承認で登録し、人事異動データと月次で突合。半期ごとに全IDを棚卸ししている。 | management=ot ev=user_rule,id_list
Ba4.2 | 3 BBBBB | パスワードの共有・貼付けの禁止を教育で周知し、職場点検で確認している。 |
Ba5.1 | 3 BBBBB | 顧客との取引基本契約・秘密保持契約の要求事項を法務担当が一覧にし、EDIの運用に反映している。 | ev=edi
Ba5.2 | 3 BBBBB | 個人情報保護法、下請法、不正競争防止法（営業秘密）などを対象に、総務部が年1回法令改正を確認している。 | ev=horei
Ba5.3 | 3 BBCBC | 受注内容の争いに備えてEDIの送受信記録は5年保存しているが、電話受注の記録の残し方が職場ごとに違う。 |
Ta1.1 | 3 BBBBB | システム開発標準で開発プロセスと業務側・開発側の責任者を定め、受注金額・納期の誤処理防止チェックの要件も記載している。 | ev=dev_std
Ta1.2 | 3 BBBBB | 業務仕様は業務課のキーユーザが参加するレビューで確定し、仕様書の様式も標準化されている。 |
Ta1.3 | 3 BBCBB | 開発委託先の品質管理計画は受け取っているが、フェーズごとの品質管理の実施状況を当社側で確認していない。 | ev=test_report
Ta1.4 | 3 BBBBB | 受注登録時の単価・数量チェックと日次の受注残照合は行っている。異常を見つけた時の対応は業務課のベテランに依存している。 |
Ta1.5 | 3 BBBBB | 誤受注・誤出荷が起きた時は業務課と情報システム部で原因を分析し、システムの改修要否を月次の連絡会で判断している。 |
Ta2.1 | 3 BBBBB | 可用性の目標（平日8〜20時、停止許容4時間）を定め、APサーバ2台構成、DBは仮想基盤のHA機能で保護する方式。 |
Ta2.2 | 3 BBBBB | 仮想基盤のHA、DBのレプリケーション、UPSと自家発電（本社）を整備。障害の検知はZabbixで監視している。 |
Ta2.3 | 3 BBBBB | 障害対応手順と連絡体制を整え、年1回障害対応訓練を行っている。対応の中心はベテランの運用担当2名。 | ev=ops_manual
Ta3.1 | 3 BBBBB | 性能・容量の管理は運用チームの担当で、月次レポートを作って部長に報告している。 | ev=capacity
Ta3.2 | 3 BCCBB | 2021年の改修時に性能設計をしたが、その後の取引先の増加による負荷の見直しはしていない。 |
Ta3.3 | 3 BBBBB | APサーバはロードバランサで負荷分散。改修時には性能テストを行い、結果を保管している。 | ev=test_report
Ta3.4 | 3 BBBBB | CPU・ディスク・DB容量を日次で取得し、月次レポートで傾向を見ている。月末の受注集中時も閾値の70%以内。 | ev=capacity
Ta3.5 | 3 CCCCC | 性能トラブルの対処は障害対応手順に準じる扱いで、専用の要領はない。 |
Tb1.1 | 3 BBBBB | 本社・工場・営業所を拠点ごとのセグメントに分け、受注管理サーバはサーバセグメント、EDIサーバはDMZに置いている。 | ev=network
Tb1.2 | 3 BBBBB | セグメント間は業務に必要なポートのみ許可するルール表で管理。営業所からは拠点間VPN経由でのみ接続できる。 | ev=fw_rule
Tb1.3 | 3 BBBCB | ファイアウォールの設定変更は申請制だが、ルール表と実機の設定の突合せを導入以来しておらず、不要なルールが残っているおそれがある。 | review=tttt ev=fw_rule
Tb1.4 | 3 BBBBB | 本社のVLANは部署単位で、サーバVLANへのアクセスはL3スイッチのACLで制限している。 | ev=network
Tb1.5 | na 受注管理システムを利用する事務所LANは有線のみ。来客用Wi-Fiは業務網と物理的に分離した別回線 |
Tb1.6 | 3 BBBBB | 一般ユーザのIDの付与・変更・削除は手順書に沿って行い、パスワードは10文字以上・90日ごとの変更としている。 | ev=user_rule
Tb1.7 | assets BBBBB | 受注管理APはADと連携した認証とロール別の権限設定。EDIサーバは取引先ごとの個別IDだがパスワードのみで、アカウントロックの設定もない。 |
Tb1.8 | 3 BCCBC | 特権IDの一覧は作ってあるが、情報システム部と保守委託先で共用しているIDがあり、誰が使ったかを特定できない。 |
Tb1.9 | 3 BBCBB | 特権でのリモートログインは踏み台サーバ経由に限っているが、操作ログを取っているのはDBサーバのみ。 |
Tb1.10 | na 取り扱う情報の機密性から汎用OSの機能で足り、セキュアOSを必要とする要件がない |
Tb1.11 | 3 BBBBB | 開発標準に画面・機能ごとのアクセス権限の設計手順があり、設計レビューで確認している。 | ev=dev_std
Tb1.12 | 3 BBBBB | アプリのロール（営業・業務課・管理者）ごとの権限テーブルは申請に基づいて登録し、半期ごとに棚卸ししている。 |
Tb2.1 | 3 BBBBB | セキュリティホール対策の責任者は運用チームリーダー。JVNとベンダーの情報を週次で確認し、適用要否を判断する手順がある。 | ev=patch_rule
Tb2.2 | 3 BBBBB | 入手した脆弱性情報は脆弱性管理表に記録し、CVSSと影響範囲から適用時期を決めている。 | ev=vuln_list
Tb2.3 | assets BBBBB | サーバは月次メンテナンスで適用、PCはWSUSで配信している。EDIサーバはミドルウェアの動作保証の関係で適用が半年以上遅れ、営業所PCは再起動されず未適用が残る。 | ev=patch_rule
Tb2.4 | 3 BCCCC | PCの適用状況はWSUSで把握しているが、サーバの未適用の理由と予定時期は記録されていない。定期的なセキュリティホール検査もしていない。 |
Tb3.1 | 3 BBBBB | ウイルス対策実施要領で責任者・担当・利用者のタスクを定め、感染時の対応フローも記載している。 | ev=av_rule
Tb3.2 | assets BBBBB | 全PCとWindowsサーバに法人向けウイルス対策製品を入れ、管理サーバで一元管理。工場の生産設備用PCは動作保証の関係でパターン更新が手動。 |
Tb3.3 | 3 BBBBB | 管理サーバで定義ファイルの更新状況を毎日確認し、3日以上更新されていない端末は利用者に連絡している。 | ev=av_rule
Tb3.4 | 3 BBBBB | 感染時は推進者経由で情報システム部に連絡し、ネットワークから切り離して調査する手順。2024年に机上訓練を行った。 | ev=incident_rule
Tb4.1 | 3 BBBBB | ネットワーク構成図・FWルール・特権パスワードを厳重管理の対象として一覧にし、保管場所を限定している。 |
Tb4.2 | 3 BBBBB | 厳重管理の対象ごとに閲覧できる者と保管方法を指定し、年1回見直している。 |
Tb4.3 | 3 BBBBB | 特権パスワードはパスワード管理ツールで保管し、構成図は文書管理システムの閲覧制限付きフォルダに置いている。 |
Tb5.1 | 3 BBBBB | 受注データ・顧客マスタ・単価マスタを保護の対象とし、データオーナーを業務課長と定めている。 |
Tb5.2 | 3 BBBBB | データごとに機密区分（社外秘・関係者限り）と閲覧範囲を指定。単価マスタは関係者限り。 |
Tb5.3 | 3 BBBBB | PostgreSQLはアプリ用IDと管理者IDを分け、管理者IDの直接ログインを制限している。監査ログは取っておらず、DB上の操作を追跡できない。 |
Tb5.4 | 3 BBBBB | アプリのDB接続IDは必要最小限の権限とし、接続情報は設定ファイルに暗号化して持たせている。 |
Tb6.1 | 3 BBBBB | 通信の保護基準を管理規程で定め、EDI・拠点間通信・社外メールに保護要件を指定している。 | ev=kitei
Tb6.2 | 3 BBBBB | 拠点間はIPsec VPN、EDIはTLS1.2以上、社外からのリモート接続はSSL-VPNと多要素認証。 | ev=network
Tb6.3 | na 業務網で無線LANを使用していない（来客用Wi-Fiは業務網と物理的に分離） |
Tb7.1 | 3 BBBBB | メールはTLSで送受信し、社外宛の添付ファイルは自動でダウンロードリンクにしている。フリーメールの業務利用は禁止。 |
Tb7.2 | 2 CCCCC | FTPは生産設備ベンダーとのデータ交換で閉域網の中でのみ使っている。平文のままで、代わりの手段の検討はしていない。 |
Tb8.1 | 3 BBBBB | 外部に公開しているのはEDIサーバのみで、回線とサーバには通常時の3倍程度の余裕がある。アクセス集中はUTMのアラートで検知。 |
Tb8.2 | 2 CCCCC | アクセス集中の時はISPにフィルタリングを依頼する連絡先を整理しているのみで、訓練はしていない。 |
Tb9.1 | 3 BBBBB | UTM・ファイアウォールのログを集約し、運用チームが毎日アラートを確認。ログは1年保管。 |
Tb9.2 | 3 BBCBB | サーバのログオンの成功・失敗ログは収集しているが、定期的な分析はしておらず、月次の確認も担当者の裁量になっている。 |
Tb9.3 | unknown | 受注管理アプリの操作ログ（受注の登録・変更・削除）がどこまで記録されているか分からない。開発委託先に仕様の確認を依頼中。 |
Tc1.1 | 3 BBBBB | ゾーン（DMZ・サーバ・業務・拠点）の分け方とサーバ配置の方針を構成設計書に書いている。 | ev=network
Tc1.2 | 3 BBBBB | 構成の変更は変更管理票で審査し、構成図は変更の都度更新している。 |
Tc2.1 | 3 BBBBB | サーバOSは標準構成（Windows Server 2022、RHEL 9）を定め、導入・変更は変更管理票で承認している。 |
Tc2.2 | 3 BCBBB | PCのソフトは申請制だが、許可リストが2019年から更新されておらず、申請が必要かどうかの判断が担当者によって違う。 |
Tc2.3 | 3 BBBBB | 受注管理システムのリリースは開発委託先が手順書を作り、運用チームが受入れ確認をしてから本番に反映する。 | ev=itaku
Tc3.1 | 3 BBBBB | ルータ・スイッチ・FWは管理者パスワードの変更、不要サービスの停止、管理アクセス元の制限を設定基準に沿って設定している。 |
Tc3.2 | 3 BBBBB | サーバは構築時にハードニング手順（不要サービスの停止、アカウントの整理）を適用し、年1回点検している。 |
Tc3.3 | 3 BBCBB | PCの標準イメージでローカル管理者を無効化しているが、営業所PCの一部で利用者が管理者権限を持っているのを確認した。 |
Tc4.1 | 3 BBBBB | 開発標準にセキュリティ要件の定義と設計レビューのチェック項目がある。セキュリティテストは委託先が実施。 | ev=dev_std
Tc4.2 | 2 CCCCC | 開発委託先に脆弱性チェックリストを求めておらず、SQLインジェクション等への対策の確認は委託先任せ。新しい脆弱性に対するアプリの見直しもしていない。 |
Tc4.3 | 3 BBBBB | 開発委託先の選定時にセキュリティ体制を審査し、契約に秘密保持と再委託の制限を明記している。 | ev=itaku
Tc5.1 | 3 BBBBB | 運用規程と運用手順書にジョブ実行・バックアップ・媒体管理のセキュリティ要求を反映している。 | ev=ops_manual
Tc5.2 | 3 BBBBB | ジョブスケジューラで日次バッチを実行し、結果を運用日誌に記録。異常はその日のうちに報告している。 | ev=ops_log
Tc5.3 | 3 BBBBB | 開発環境と本番環境はネットワークを分け、本番にアクセスできるのは運用チームのみ。 |
Tc5.4 | 3 BBBBB | リリースは受入れ判定会議を経て行い、切戻しの手順を事前に用意している。 |
Tc5.5 | 3 BBBBB | サーバ室での作業は作業申請と入退室記録で管理し、保守委託先の作業には運用担当が立ち会う。 | ev=nyutai
Tc5.6 | 3 BBCBB | 夜間監視を委託しているが、委託先のセキュリティ対策の確認は契約更新時の書面確認のみ。 |
Td1.1 | 3 BBBBB | 文書管理規程で受注記録・注文書の保存期間（10年）を定め、電子保存の責任者を業務課長にしている。 | ev=retention
Td1.2 | unknown | 2015年以前の旧受注システムのデータはテープで保管しているが、読み出せる装置とソフトが残っているか確認できていない。 |
Td1.3 | 3 BBBBB | 電子帳簿保存法に対応して、受注データの保存要件（検索性・真実性の確保）を指定している。 |
Td1.4 | 3 BBCBB | 保存データの完全性の確認（年1回の抜取り読出し）が2024年度は行われなかった。 |
Td2.1 | 3 BBBBB | 社外からの利用はノートPCのSSL-VPN接続のみ認め、スマートフォン・タブレットからのアクセスは禁止と規程に明記している。 | ev=kitei
Td2.2 | 3 BCCCC | VPN接続は多要素認証が必須。スマートフォン等は受注管理システム側でアクセスを許可していないため、個別の機能は実装していない。 |
Td2.3 | na スマートフォン・タブレット等からの受注管理システムの利用を認めておらず、対象となる利用者がいない |
Td2.4 | 3 BBBBB | 営業所4か所について拠点の人員構成と保有する情報（受注伝票・顧客情報）を評価し、営業所向けの対策基準を作った。 | ev=eigyosho
Td2.5 | 3 BBBBB | 営業所のネットワーク機器は本社と同じ標準構成で、拠点間VPN以外の外部接続はない。 |
Td2.6 | 3 BBBBB | 営業所の機器の設定変更は本社の運用チームがリモートで行い、営業所側での作業は発生しない。 |
Td2.7 | 2 CCCCC | 営業所のネットワーク機器を事務室内の施錠されていないラックに置いている拠点が2か所ある。 |
Td2.8 | 3 BBCCB | 営業所の内部監査は2年に1回で、所長による日常点検が行われているかを確認できていない。 | ev=eigyosho
Td3.1 | 3 BBBBB | 本社サーバ室はICカードで入退室を管理し、記録は毎月情報システム部長が確認している。 | ev=nyutai
Td3.2 | 3 BBBBB | 事務所エリアは社員証で入館を管理し、来訪者には受付で入館証を発行している。 |
Td3.3 | 3 BCCCC | 工場内の端末やハンディ端末の設置・移動は設備部の管理。盗難防止はワイヤーロック程度。 |
Td4.1 | 3 BBBBB | 異常に気づいた利用者の連絡先と初動（ネットワークからの切離し等）を手順にし、ポスターで掲示している。 | ev=incident_rule
Td4.2 | 3 BBBBC | インシデント対応手順はあるが、原因別の処理要領は不正アクセスのみ。バックアップは毎日取得しているが、リストア手順書が2021年のままで仮想基盤移行後の手順と合っていない。 | ev=incident_rule,backup_rule
Td4.3 | 3 BBBBB | 取引先に影響する事故では営業本部長が窓口となり、顧客への連絡と公表の判断手順を定めている。 | ev=incident_rule
Td4.4 | 3 BBBBB | 予備のサーバリソース（仮想基盤の余剰）とバックアップから復旧するためのツールを確保している。 |
Td4.5 | 3 BBBBB | BCPで受注業務の目標復旧時間を3日としているが、バックアップセンターはなく、手作業での受注（FAX・Excel）に切り替える手順のみ。 | ev=bcp
Aa1.1 | 3 BBBBB | 内部監査室が年1回情報セキュリティ監査を行う。監査員は内部監査室2名と情報システム部以外の推進者。 |
Aa1.2 | 3 BBBBB | 2024年度は本社・第1工場・営業所2か所を監査し、指摘は12件。 | ev=audit
Aa1.3 | 3 BCCBB | 監査結果は経営会議に報告しているが、指摘事項の改善状況のフォローアップが翌年度の監査まで行われない。 | ev=audit
Aa2.1 | 2 CCCCC | 脆弱性診断の方針はなく、EDIサーバ構築時に一度外部の診断を受けたのみ。 |
Aa2.2 | 1 DDDDD | 2019年のEDIサーバ構築以降、脆弱性診断を行っていない。 |
"""

ORD_IMPORTANCE_2025 = {
    "Ma1.1": "important", "Ma1.3": "important", "Ma1.6": "low",
    "Ba2.3": "important", "Ba4.1": "critical", "Ba5.1": "important",
    "Ta1.4": "critical", "Ta3.2": "low",
    "Tb1.7": "critical", "Tb2.3": "critical", "Tb3.2": "important", "Tb3.3": "important",
    "Tb5.3": "critical", "Tb6.2": "important", "Tb8.1": "low", "Tb8.2": "low",
    "Tc5.3": "important",
    "Td2.2": "low", "Td3.3": "low", "Td4.2": "critical",
}
ORD_IMPORTANCE_WHY_2025 = {
    "Ba4.1": "退職者・異動者のIDが残ると受注・単価情報が漏れる",
    "Ta1.4": "誤受注は顧客の生産ラインの停止に直結する",
    "Tb1.7": "EDIで社外から直接アクセスされる",
    "Tb2.3": "2023年に同業他社がVPN装置の脆弱性を突かれて被害",
    "Tb5.3": "受注DBには全顧客の単価・数量が入っている",
    "Td4.2": "受注データの復旧が遅れると出荷が止まる",
    "Td2.2": "モバイル端末からのアクセスを認めていない",
    "Tb8.1": "外部公開はEDIサーバのみで利用者は取引先に限られる",
}
ORD_TARGETS = {
    "Td4.5": (4, "受注の長期停止は主要顧客の生産計画に波及するため、取締役会の決定によりBCPを一段強化する"),
    "Ta3.5": (2, "受注量の変動が小さく過去5年間に性能トラブルがない。性能面は Ta3.4 の日常監視で補う"),
    "Tb7.2": (2, "FTPの使用は生産設備ベンダーとの閉域網内のデータ交換に限られ、受注データは流れない"),
}

ORD_2025 = {
    "file": "ordinary-company-2025.yaml",
    "header": [
        "taisaku サンプル: 中堅製造業（従業員約650名）の受注管理システム、第1回評価（2025年）。組織名・人名は架空。",
        "翌年の第2回評価は ordinary-company-2026.yaml。差分: taisaku diff examples/ordinary-company-2025.yaml examples/ordinary-company-2026.yaml",
    ],
    "system": {
        "name": "受注管理システム",
        "level": 3,
        "organization": "株式会社北辰精機製作所",
        "date": "2025-06-13",
        "assessor": "情報システム部 山田",
        "reason": ("事業の影響の大きさ：受注・納期回答は主要顧客の生産計画に直結するが、扱う情報は取引条件と納品先の業務情報で、"
                   "個人の生命・財産に関わる情報や社会インフラへの影響はない。組織にとっての重要性：受注管理が止まると出荷が止まり、"
                   "売上と取引先の信用に直結する基幹システム。運用環境のぜい弱性：本社・2工場・4営業所に分散し、開発・保守と夜間監視を外部に委託、"
                   "EDIで取引先から直接アクセスを受ける。表4-2の「一般企業のシステム」としてレベル3とし、受注データとEDIに関わる要求を特に重要とした。"),
    },
    "importance": ORD_IMPORTANCE_2025,
    "importance_why": ORD_IMPORTANCE_WHY_2025,
    "targets": ORD_TARGETS,
    "docs": ORD_DOCS_2025,
    "assets": ORD_ASSETS_2025,
    "table": ORD_TABLE_2025,
    "improvements": [
        {"requirement": "Tb1.7", "cause": "展開の不手際",
         "aim": "EDIサーバへのなりすましによる受注データの改ざん・漏えいを防ぐ",
         "content": "EDIサーバの取引先IDにワンタイムパスワード認証とアカウントロック（5回失敗で30分）を導入する",
         "steps": "EDIパッケージのオプション機能を購入し、取引先3社と切替え日を調整して順次適用する",
         "due": "2025-11-30", "owner": "情報システム部 基盤チームリーダー"},
        {"requirement": "Tb1.8", "cause": "管理の不徹底",
         "aim": "特権IDを使った者を必ず特定できるようにする",
         "content": "保守委託先との共用特権IDを廃止し、個人別の特権IDと利用申請・月次の利用状況確認を導入する",
         "steps": "特権ID一覧を見直し、委託先要員ごとのIDを発行してから共用IDを無効化する。委託契約の覚書を更新する",
         "due": "2025-09-30", "owner": "情報システム部 運用チームリーダー"},
        {"requirement": "Tb2.4", "cause": "管理の不徹底",
         "aim": "全サーバ・PCのパッチ適用状況と未適用の理由を常に把握する",
         "content": "脆弱性管理表にサーバごとの適用状況・未適用の理由・予定時期を加えて月次で委員会に報告する。四半期ごとにセキュリティホール検査を行う",
         "steps": "2025年7月の委員会で様式を承認し、8月分から報告。検査ツールは既存の資産管理ツールの脆弱性スキャン機能を使う",
         "due": "2025-12-31", "owner": "情報システム部 運用チームリーダー"},
        {"requirement": "Td4.2", "cause": "展開の不手際",
         "aim": "受注DBを確実かつ短時間で復旧できるようにする",
         "content": "リストア手順書を仮想基盤移行後の構成に合わせて改訂し、年1回のリストア訓練を行う。原因別の処理要領（障害・誤処理・情報漏えい）を追加する",
         "steps": "手順書を改訂し、検証環境で受注DBの全件リストアを実施して所要時間を記録する",
         "due": "2026-03-31", "owner": "情報システム部長"},
        {"requirement": "Ma2.3", "cause": "展開の不手際",
         "aim": "受注管理システムの情報資産を漏れなく台帳に載せ、保護クラスを指定する",
         "content": "EDI受信ファイル、帳票出力データ、バックアップ媒体を台帳に追加し、全資産に保護クラスを指定する",
         "steps": "業務課と情報システム部で棚卸しを行い、委員会の承認を得て正式版とする",
         "due": "2025-12-15", "owner": "業務課長"},
        {"requirement": "Ba3.2", "cause": "管理の不徹底",
         "aim": "USBメモリによる顧客図面の持出しと紛失を防ぐ",
         "content": "可搬媒体取扱要領を制定し、USB制御ソフトで登録済みの暗号化USBメモリ以外への書込みを禁止する",
         "steps": "要領の制定、暗号化USBの配布（営業所各2本）、USB制御ソフトの段階的な適用（本社→営業所→工場）",
         "due": "2025-12-31", "owner": "情報システム部 基盤チームリーダー"},
        {"requirement": "Ma1.5", "cause": "対応能力の欠如",
         "aim": "情報システム部員と推進者が役割に必要なスキルを持つようにする",
         "content": "役割ごとのスキルマップを作り、外部研修の受講計画を立てる。推進者向けに年1回の研修を行う",
         "steps": "スキルマップ案を8月の委員会に諮り、下期から研修を開始する",
         "due": "2026-03-31", "owner": "情報システム部長"},
        {"requirement": "Tc4.2", "cause": "対応能力の欠如",
         "aim": "受注管理アプリから既知の脆弱性を排除する",
         "content": "Webアプリケーションの脆弱性チェックリストを作成して開発委託先と合意し、改修時の設計・テストで適用する",
         "steps": "IPA「安全なウェブサイトの作り方」を基にチェックリストを作成し、次回の改修案件から適用する",
         "due": "2026-03-31", "owner": "情報システム部 開発チームリーダー"},
        {"requirement": "Aa2.2", "cause": "対応能力の欠如",
         "aim": "外部公開サーバの脆弱性を定期的に検出して是正する",
         "content": "外部の診断業者によるEDIサーバと受注管理APのプラットフォーム・Webアプリケーション診断を年1回行う",
         "steps": "診断業者3社から見積を取り、下期に初回の診断を実施する",
         "due": "2025-11-30", "owner": "情報システム部長"},
    ],
}

ORD_DOCS_2026 = dict(ORD_DOCS_2025)
ORD_DOCS_2026.update({
    "kitei": ("情報セキュリティ管理規程 第6版", "2025-10-01", "ISP-010"),
    "iinkai_min": ("情報セキュリティ委員会議事録（2026年3月）", "2026-03-17", "ISC-2603"),
    "kyoiku": ("2025年度 情報セキュリティ教育実施報告書", "2026-03-31", "EDU-2025"),
    "yosan": ("2026年度 情報システム部予算書", "2026-03-27", "FIN-2026-IS"),
    "shisan": ("情報資産管理台帳（受注管理システム）第1版", "2025-12-15", "AST-001"),
    "id_list": ("ユーザID棚卸結果（2025年度下期）", "2026-01-30", "OPS-021-R"),
    "vuln_list": ("脆弱性管理表（2026年度）", "2026-06-01", "OPS-031"),
    "backup_rule": ("バックアップ・リストア手順書 第2版", "2026-02-20", "OPS-050"),
    "ops_log": ("システム運用日誌（2026年5月）", "2026-05-31", "OPS-001-L"),
    "capacity": ("性能・容量月次レポート（2026年4月分）", "2026-05-11", "OPS-060-R"),
    "audit": ("内部監査報告書（情報セキュリティ）2025年度", "2026-02-27", "AUD-2025-03"),
    "nyutai": ("サーバ室入退室記録（2026年5月）", "2026-05-31", "FAC-002-R"),
    "eigyosho": ("営業所情報セキュリティ対策基準 第2版", "2025-11-04", "ISP-030"),
    "taikei": ("情報セキュリティ対策体系表（対策テーマ別目標レベル）", "2025-09-24", "ISP-012"),
    "skill": ("情報セキュリティ スキルマップおよび研修計画（2025年度）", "2025-08-29", "EDU-SKL-01"),
    "usb": ("可搬媒体取扱要領", "2025-09-01", "ISP-041"),
    "drill": ("受注DBリストア訓練 実施報告書", "2026-03-13", "OPS-050-T"),
    "shindan": ("外部脆弱性診断報告書（EDIサーバ・受注管理AP）", "2025-11-28", "VA-2025-01"),
    "diag_rule": ("脆弱性診断実施要領", "2025-10-15", "ISP-050"),
    "tablet": ("営業用タブレット利用要領", "2025-12-20", "ISP-042"),
    "fw_review": ("ファイアウォールルール棚卸結果", "2025-10-24", "NW-005-R"),
    "vuln_check": ("Webアプリケーション脆弱性チェックリスト（委託先合意版）", "2025-10-31", "DEV-SEC-01"),
    "nyuko": ("工場入構管理システム運用要領", "2025-10-01", "FAC-010"),
})

ORD_ASSETS_2026 = {
    "Tb1.7": [("受注管理AP web01", True, 4), ("受注管理AP web02", True, 4),
              ("EDIサーバ edi01", True, 4), ("営業所端末", False, 3)],
    "Tb2.3": [("受注管理AP web01", True, 4), ("受注管理AP web02", True, 4),
              ("受注DB db01", True, 4), ("EDIサーバ edi01", True, 3),
              ("本社PC（約180台）", False, 3), ("営業所PC（約40台）", False, 3)],
    "Tb3.2": ORD_ASSETS_2025["Tb3.2"],
}

# The second round: only what changed since 2025 (the rest is carried over as it was).
ORD_TABLE_2026_CHANGES = r"""
Ma1.2 | 3 BBBBB | 2025年の評価結果を受けて、対策テーマごとの目標レベルを対策体系表にまとめ、委員会で承認した。マネジメントの枠組み（責任部署と管理の要領）も同表に記載。 | ev=taikei,iinkai_min
Ma1.4 | 3 BBBBB | 工場・営業所で推進者向けの説明会を開き（2025年9〜11月）、役割の理解度を確認テストで確かめた。 | ev=kitei
Ma1.5 | 3 BBBBB | 情報システム部員と推進者のスキルマップを作り、外部研修（情報処理安全確保支援士の特定講習等）の受講計画に沿って6名が受講した。推進者研修も年1回実施。 | ev=skill,kyoiku
Ma2.3 | 3 BBBBB | EDI受信ファイルと帳票出力データを加えて情報資産台帳を完成させ、全資産に保護クラスを指定した（2025年12月に委員会承認）。 | ev=shisan
Ba1.3 | 3 BBBBB | 工場にも入構管理システムを入れ、保守業者・清掃要員の立入りを記録して毎週照合するようになった。 | ev=nyuko
Ba2.2 | 3 BBBBB | 職場点検を四半期ごとに全職場で行い、是正指示をチェックリストに記録して次回の点検で確認する運用に改めた。 | management=ot ev=tenken
Ba2.4 | 3 BBCBB | 物流委託先の契約を確認したところ、秘密保持条項はあるが受注データの管理方法や返却・消去の定めがなく、委託先の点検もしていなかった。 |
Ba3.1 | 3 BBBBB | 営業所の印刷物の保管・廃棄ルールを営業所対策基準に追記し、各営業所に施錠キャビネットを置いた。 | ev=eigyosho
Ba3.2 | 4 BBBBB | 可搬媒体取扱要領を制定し、USB制御ソフトで登録済みの暗号化USBメモリ以外への書込みを全PCで禁止した。貸出の記録はシステムで自動取得。 | ev=usb
Ta1.3 | 3 BBBBB | 開発委託先の品質管理の実施状況を月次の進捗会議で確認する項目を追加し、議事録に残している。 | ev=test_report
Ta2.3 | 3 BCBBB | 障害対応の中心だったベテランの運用担当1名が2025年12月に退職し、手順書にない対応（仮想基盤の切替え等）をできる者が1名になった。2026年度の障害対応訓練はまだ。 | ev=ops_manual
Tb1.3 | 3 BBBBB | 2025年10月にファイアウォールのルールを全件棚卸しし、不要な42件を削除した。以後は半期ごとにルール表と実機を突き合わせる。 | ev=fw_rule,fw_review
Tb1.5 | unknown | 2026年2月に第2工場のハンディターミナル用の無線LANが導入された。設備部が設備ベンダーに構築させたもので、接続できる端末の制限やアクセスポイントの設計を確認できていない。 |
Tb1.7 | assets BBBBB | EDIサーバに取引先ごとのワンタイムパスワード認証とアカウントロックを導入した（2025年11月）。受注管理APはADと連携した認証とロール別の権限設定のまま。 |
Tb1.8 | 3 BBBBB | 保守委託先との共用特権IDを廃止して個人別の特権IDに切り替え、利用申請と月次の利用状況の確認を始めた。 | management=to
Tb2.3 | assets BBBBB | サーバは月次メンテナンスでの適用を徹底し、営業所PCは強制再起動の設定で未適用がなくなった。EDIサーバはミドルウェアの対応版が出ておらず、一部のパッチが未適用のまま。 | ev=patch_rule
Tb2.4 | 3 BBBBB | サーバ・PCの適用状況と未適用の理由を脆弱性管理表で一元管理し、月次で委員会に報告している。2026年1月から四半期ごとにセキュリティホール検査を実施。 | ev=vuln_list
Tb5.3 | 4 BBBBB | pgauditを導入してDBの更新操作と管理者操作の監査ログを取得し、週次で点検している。管理者IDの直接ログインの制限も継続。 |
Tb6.3 | 2 CCCCC | 第2工場の無線LANはWPA2-PSKの共通鍵で、鍵は設備ベンダーも知っている。無線LANの利用基準がなく、不正なアクセスポイントの監視もしていない。 |
Tb9.2 | 3 BBBBB | サーバのログオンログをSIEMに集約し、週次の分析と月次の報告を運用手順に組み込んだ。 | ev=ops_manual
Tb9.3 | 3 BBBBB | 開発委託先の回答で、受注の登録・変更・削除が操作ログに記録されていることを確認した。月次で削除操作を点検する手順を加えた。 |
Tc2.2 | 3 BBBBB | 許可ソフトウェアのリストを改訂し（2025年8月）、申請の審査を情報システム部の担当者1名に集約した。 |
Tc3.1 | unknown | 2026年4月にUTMを新機種に更改した直後で、設定基準どおりになっているか（管理アクセス元の制限、不要サービスの停止）の確認が終わっていない。 |
Tc4.2 | 3 BBCBC | 脆弱性チェックリストを作って開発委託先と合意し、2025年度の改修から適用した。ただしチェック結果は委託先の社内にしか残らず、新しい脆弱性が出た時の見直し手順もない。 | ev=vuln_check
Td1.4 | 3 BBBBB | 2025年度の抜取り読出しを行い、結果を記録した。保存データの完全性の確認は年1回の定例作業として運用日程に組み込んだ。 |
Td2.2 | 3 BCCCC | 2026年1月から営業がタブレットで受注照会・入力を始めた。アクセスはMDM登録端末に限っているが、タブレット用画面のセッション有効期限が8時間と長く、紛失時の遠隔消去の手順も決まっていない。 | ev=tablet
Td2.3 | 2 CCCCC | タブレットのパスコードはMDMで強制しているが、社外で使う時の注意（覗き見、放置の禁止）は配布時に口頭で説明しただけ。 | ev=tablet
Td2.7 | 3 BBBBB | 営業所2か所のラックを施錠式に替え、鍵の管理者を所長にした。 | ev=eigyosho
Td2.8 | 3 BBBBB | 営業所の内部監査を毎年に改め、所長の日常点検の記録を本社で毎月確認している。 | ev=eigyosho
Td4.2 | 4 BBBBB | リストア手順書を仮想基盤に合わせて改訂し、2026年3月に受注DBのリストア訓練を行った（所要2時間40分）。原因別の処理要領に障害・誤処理・情報漏えいを加えた。 | ev=backup_rule,drill
Td4.5 | 3 BBBBB | バックアップセンターの設置は費用面で見送り、クラウドへのDB複製による代替を検討中。手作業での受注への切替え訓練は2025年11月に行った。 | ev=bcp
Aa1.2 | 3 BBBBB | 2025年度は第2工場・営業所2か所と物流委託先を監査し、指摘は8件。 | ev=audit
Aa1.3 | 3 BBBBB | 監査の指摘事項の改善状況を四半期ごとに委員会でフォローアップする運用を始めた。 | ev=audit,iinkai_min
Aa2.1 | 3 BBBBB | 脆弱性診断の方針（外部公開サーバは年1回、内部サーバは2年に1回）を診断実施要領に定め、診断業者と年間契約を結んだ。 | ev=diag_rule
Aa2.2 | 3 BBBBB | 2025年11月にEDIサーバと受注管理APの外部診断を実施。高リスク1件（TLSの設定）は12月に是正済み。 | ev=shindan
"""


def merge_tables(base, changes):
    lines = {}
    order = []
    for raw in base.strip().splitlines():
        rid = raw.split(" | ")[0].strip()
        lines[rid] = raw
        order.append(rid)
    for raw in changes.strip().splitlines():
        rid = raw.split(" | ")[0].strip()
        if rid not in lines:
            raise SystemExit("change for unknown " + rid)
        lines[rid] = raw
    return "\n".join(lines[r] for r in order)


ORD_IMPORTANCE_2026 = dict(ORD_IMPORTANCE_2025)
ORD_IMPORTANCE_2026["Td2.2"] = "important"
ORD_IMPORTANCE_WHY_2026 = dict(ORD_IMPORTANCE_WHY_2025)
ORD_IMPORTANCE_WHY_2026["Td2.2"] = "2026年1月から営業がタブレットで受注を入力（2025年は low）"

ORD_2026 = {
    "file": "ordinary-company-2026.yaml",
    "header": [
        "taisaku サンプル: 中堅製造業（従業員約650名）の受注管理システム、第2回評価（2026年）。組織名・人名は架空。",
        "前年の評価（ordinary-company-2025.yaml）の改善計画の実施結果を反映している。",
        "差分: taisaku diff examples/ordinary-company-2025.yaml examples/ordinary-company-2026.yaml",
    ],
    "system": dict(ORD_2025["system"], date="2026-06-12"),
    "importance": ORD_IMPORTANCE_2026,
    "importance_why": ORD_IMPORTANCE_WHY_2026,
    "targets": ORD_TARGETS,
    "docs": ORD_DOCS_2026,
    "assets": ORD_ASSETS_2026,
    "table": merge_tables(ORD_TABLE_2025, ORD_TABLE_2026_CHANGES),
    "improvements": [
        {"requirement": "Tb2.3", "cause": "計画の無理",
         "aim": "EDIサーバのパッチ未適用の状態を解消する",
         "content": "EDIミドルウェアの対応版を待つ計画を改め、ミドルウェアの後継製品への移行を前倒しする。移行まではWAFの仮想パッチで緩和する",
         "steps": "後継製品の検証（9月）、取引先との接続試験（11月）、本番移行（2027年1月）",
         "due": "2027-01-31", "owner": "情報システム部 基盤チームリーダー"},
        {"requirement": "Tc4.2", "cause": "対応能力の欠如",
         "aim": "脆弱性チェックの結果を当社が確認でき、新しい脆弱性にも対処できるようにする",
         "content": "改修ごとのチェックリストの記入結果を成果物として受け入れ、新しい脆弱性の公表時にアプリへの影響を委託先と評価する手順を定める",
         "steps": "委託契約の成果物一覧を変更し、影響評価の手順書を開発チームで作る",
         "due": "2026-12-31", "owner": "情報システム部 開発チームリーダー"},
        {"requirement": "Td2.2", "cause": "展開の不手際",
         "aim": "タブレットからの受注入力を安全に行えるようにする",
         "content": "タブレット用画面のセッション有効期限を30分に短縮し、紛失時はMDMで即時に遠隔消去する手順を定める",
         "steps": "開発委託先に画面の改修を依頼し、紛失時の連絡フローを営業本部と決める",
         "due": "2026-09-30", "owner": "情報システム部 開発チームリーダー"},
        {"requirement": "Td2.3", "cause": "展開の不手際",
         "aim": "タブレットを使う営業担当者が社外での注意事項を守るようにする",
         "content": "営業用タブレット利用要領に社外での利用上の注意を追記し、営業全員に教育と確認テストを行う",
         "steps": "要領の改訂（7月）、営業所ごとの説明会（8月）",
         "due": "2026-08-31", "owner": "営業本部 業務推進課長"},
        {"requirement": "Tb6.3", "cause": "展開の不手際",
         "aim": "第2工場の無線LANを当社の管理下に置く",
         "content": "無線LAN利用基準を定め、WPA2-Enterpriseへの移行と不正アクセスポイントの検知を導入する。設備ベンダーとの鍵の共有をやめる",
         "steps": "設備部と基準を作り、設備ベンダーに設定変更を依頼する。Tb1.5 の確認も同時に行う",
         "due": "2026-10-31", "owner": "情報システム部 基盤チームリーダー"},
        {"requirement": "Ta2.3", "cause": "対応能力の欠如",
         "aim": "障害対応を特定の個人に頼らずに行えるようにする",
         "content": "仮想基盤の切替えなど手順書にない対応を手順化し、運用チーム全員で障害対応訓練を行う",
         "steps": "退職者から引き継いだメモを手順書に起こし、10月の訓練で確認する",
         "due": "2026-10-31", "owner": "情報システム部 運用チームリーダー"},
        {"requirement": "Td4.5", "cause": "計画の無理",
         "aim": "受注管理システムが長期に止まっても3日以内に受注業務を再開できるようにする",
         "content": "自社のバックアップセンターを設ける計画をやめ、クラウド上に受注DBの複製と縮退版の受注画面を用意する。手作業での受注への切替え訓練は年1回続ける",
         "steps": "クラウド事業者2社の比較（8月）、取締役会への予算申請（10月）、構築と切替え訓練（2027年度上期）",
         "due": "2027-09-30", "owner": "情報システム部長"},
        {"requirement": "Ta1.4", "cause": "対応能力の欠如",
         "aim": "受注処理の誤りを担当者の経験によらず確実に見つけて対処する",
         "content": "受注残照合の結果の異常をシステムで自動判定してアラートを出し、異常時の対処要領を業務課の手順書に加える。チェック結果を記録に残す",
         "steps": "業務課のベテランから判断基準を聞き取って要領にし、次回の改修で自動判定を組み込む",
         "due": "2027-03-31", "owner": "業務課長"},
        {"requirement": "Ba2.4", "cause": "管理の不徹底",
         "aim": "物流委託先での受注データの扱いを契約で定め、確認する",
         "content": "物流委託先との覚書でデータの管理方法・返却・消去を定め、年1回の点検を行う",
         "steps": "購買部が覚書案を作り、法務確認の後に締結する。点検は内部監査に合わせて行う",
         "due": "2026-12-31", "owner": "購買部長"},
    ],
}


# ==========================================================================
# 3. 金融機関: 地方銀行のインターネットバンキングシステム、システムレベル4
# ==========================================================================

BANK_DOCS = {
    "policy": ("情報セキュリティポリシー（基本方針）改定第6版", "2025-04-01", "SEC-P-001"),
    "standard": ("情報セキュリティ対策基準 第9版", "2025-10-01", "SEC-S-001"),
    "ib_std": ("インターネットバンキング安全対策基準", "2025-07-01", "IB-S-001"),
    "fisc": ("FISC安全対策基準 対応状況一覧（第13版）", "2026-03-31", "SEC-F-2026"),
    "committee": ("サイバーセキュリティ委員会規程", "2024-04-01", "SEC-P-010"),
    "committee_min": ("サイバーセキュリティ委員会議事録（2026年9月）", "2026-09-24", "CSC-2609"),
    "kengen": ("職務権限規程（情報セキュリティ関係抜粋）", "2025-04-01", "ORG-002"),
    "kyoiku": ("2025年度 情報セキュリティ研修実施報告書", "2026-04-10", "EDU-2025"),
    "skill": ("IT・サイバー人材スキルマップ（2026年度）", "2026-05-20", "EDU-SKL-2026"),
    "it_plan": ("中期IT投資計画（2025〜2027年度）", "2025-03-27", "ITP-2025"),
    "risk": ("IBシステム リスク評価書（2026年度）", "2026-05-15", "RM-IB-2026"),
    "asset": ("情報資産管理台帳（IBシステム）", "2026-09-30", "AST-IB-001"),
    "jinji": ("人事規程・委託先要員受入れ要領", "2024-10-01", "HR-010"),
    "eigyoten": ("営業店事務取扱要領（法人IB申込関係）", "2024-10-01", "OPE-IB-005"),
    "tenken": ("営業店自店検査結果（2026年度上期）", "2026-09-15", "INS-2026-H1"),
    "densai": ("外部接続先との接続契約・障害時連絡手順（でんさいネット他）", "2025-06-30", "IB-C-003"),
    "itaku_kanri": ("外部委託管理規程", "2024-04-01", "OUT-001"),
    "itaku_eval": ("委託先評価結果（IBシステム開発・運用委託先）", "2026-05-29", "OUT-IB-2026"),
    "user_rule": ("IB利用者・管理者ID管理手順", "2025-04-01", "IB-O-010"),
    "id_review": ("特権ID棚卸結果（2026年度上期）", "2026-09-30", "IB-O-010-R"),
    "phishing": ("顧客向けセキュリティ注意喚起 掲載・通知記録", "2026-08-01", "MKT-IB-SEC"),
    "contract_list": ("IB関連契約 要求事項一覧（法務部）", "2026-04-30", "LGL-IB-01"),
    "law": ("IB関連法令・監督指針 対応一覧", "2026-04-30", "CMP-IB-01"),
    "dev_std": ("システム開発標準 第7版", "2024-04-01", "DEV-STD-007"),
    "secure_coding": ("セキュアコーディング基準・脆弱性チェックリスト", "2025-08-01", "DEV-SEC-002"),
    "uat": ("IB 2026年3月リリース 受入れテスト結果報告書", "2026-03-06", "IB-T-2603"),
    "recon": ("振込データ日次照合記録", "2026-09-30", "OPE-IB-020-R"),
    "design": ("IBシステム 基本設計書（セキュリティ編）", "2024-09-30", "IB-D-001"),
    "network": ("IBシステム ネットワーク構成図", "2026-03-10", "IB-D-002"),
    "fw_review": ("ファイアウォールルール棚卸結果（2026年度上期）", "2026-09-12", "IB-O-060-R"),
    "dr_drill": ("バックアップセンター切替訓練 実施報告書", "2026-06-27", "CP-IB-TR-2606"),
    "cp": ("コンティンジェンシープラン（インターネットバンキング編）", "2026-04-01", "CP-IB-001"),
    "drill": ("サイバー攻撃対応訓練 実施報告書", "2026-02-20", "CP-IB-TR-2602"),
    "capacity": ("キャパシティ管理報告書（2026年9月）", "2026-10-08", "IB-O-040-R"),
    "perf_test": ("基盤更改時 性能テスト結果報告書", "2024-10-18", "IB-T-2410"),
    "auth_eval": ("IB認証方式の有効性評価報告書（外部専門家）", "2026-07-31", "IB-A-2026"),
    "patch": ("脆弱性対応手順書（IBシステム）", "2025-06-01", "IB-O-020"),
    "patch_list": ("パッチ適用状況管理表（2026年9月）", "2026-09-30", "IB-O-020-R"),
    "edr": ("EDR運用要領", "2025-02-01", "IB-O-025"),
    "key": ("暗号鍵管理手順（HSM）", "2025-01-15", "IB-O-070"),
    "ddos": ("DDoS対策サービス契約および対応手順", "2025-11-01", "IB-O-050"),
    "siem": ("SIEM・MSS監視運用要領", "2025-05-01", "IB-O-031"),
    "log_review": ("アクセスログ点検記録（2026年9月）", "2026-09-30", "IB-O-031-R"),
    "monitoring": ("不正送金モニタリング運用要領", "2025-12-01", "IB-O-030"),
    "change": ("変更管理手順（IBシステム）", "2024-07-01", "IB-O-080"),
    "ops_rule": ("IBシステム運用規程", "2025-04-01", "IB-O-001"),
    "retention": ("記録保存規程", "2023-04-01", "GA-REC-001"),
    "hash_check": ("保存データ完全性確認記録（2025年度）", "2026-03-19", "IB-O-090-R"),
    "dc_audit": ("委託先データセンター実地監査報告書", "2026-07-10", "OUT-DC-2026"),
    "bcp": ("業務継続計画（BCP）", "2025-09-01", "BCP-001"),
    "audit": ("システム監査報告書（IBシステム）", "2026-06-30", "AUD-SYS-2026-02"),
    "audit_plan": ("2026年度 システム監査計画", "2026-03-25", "AUD-PLN-2026"),
    "diag": ("脆弱性診断実施報告書（2026年度上期）", "2026-08-28", "VA-2026-H1"),
    "pentest": ("ペネトレーションテスト報告書", "2026-01-30", "VA-2026-01"),
    "diag_rule": ("脆弱性診断・ペネトレーションテスト実施基準", "2025-04-01", "VA-STD-001"),
}

BANK_ASSETS = {
    "Tb1.7": [("個人IB（ワンタイムパスワード＋リスクベース認証）", True, 5),
              ("法人IB（電子証明書＋トランザクション認証）", True, 5),
              ("スマートフォンアプリ（FIDO生体認証）", True, 5)],
    "Tb1.9": [("IB-Webサーバ群", True, 4), ("IB-APサーバ群", True, 4), ("IB-DBサーバ", True, 5),
              ("認証サーバ", True, 5), ("運用監視サーバ", False, 4)],
    "Tb2.3": [("IB-Webサーバ群", True, 4), ("IB-APサーバ群", True, 4), ("IB-DBサーバ", True, 4),
              ("認証サーバ", True, 4), ("運用監視サーバ", False, 3), ("IB管理端末（シンクライアント）", False, 4)],
    "Tb3.2": [("IBサーバ群（EDR）", True, 4), ("IB管理端末", True, 4), ("営業店端末", False, 4)],
    "Tc3.2": [("IB-Webサーバ群", True, 4), ("IB-APサーバ群", True, 4), ("IB-DBサーバ", True, 4),
              ("認証サーバ", True, 4), ("運用監視サーバ", False, 3)],
}

BANK_TABLE = r"""
Ma1.1 | 4 BBABB | 取締役会で決議した情報セキュリティポリシーで、IBを含む顧客向けチャネルの保護方針とリスク許容度を定めている。2025年の改定でサイバー攻撃対策の高度化を追記し、全行員にeラーニングと理解度テストで周知した。 | ev=policy
Ma1.2 | 4 BBBBB | FISC安全対策基準とサイバーセキュリティ管理態勢の枠組みに沿って対策基準を体系化し、対策テーマごとの目標水準を一覧にしている。 | ev=standard,fisc
Ma1.3 | 4 ABBBB | 担当役員を委員長とするサイバーセキュリティ委員会（月次）とCSIRTを設置。IB固有の事項は営業統括部とシステム統括部がIB推進会議で連携して扱う。 | study=ooooo ev=committee,committee_min
Ma1.4 | 4 BBBBB | 職務権限規程と対策基準で本部各部・営業店・システム部門の責任を定め、年1回の研修と確認テストで認識を確かめている。 | ev=kengen,kyoiku
Ma1.5 | 3 BBCBB | スキルマップはあるが、ログ分析やフォレンジックなどの専門スキルは外部研修頼みで、育成計画の進み具合を誰も管理していない。 | ev=skill
Ma1.6 | 4 BBBBB | IB関連のセキュリティ投資は中期IT投資計画の枠で確保し、執行状況を半期ごとにIT戦略委員会へ報告している。 | ev=it_plan
Ma2.1 | 4 BBBBB | 利用者数・取引種類・接続先・委託形態などIBシステムの特性をリスク評価書に整理し、年1回と大規模な変更の時に見直している。 | ev=risk
Ma2.2 | 4 BBBBB | 個人IB・法人IB・でんさい連携のサービスごとに可用性と機密性の要求水準を定義している。 | ev=ib_std
Ma2.3 | 4 BBBBB | 顧客情報・取引データ・認証情報を最重要区分として台帳に登録し、保護要件を指定。半期ごとに棚卸ししている。 | ev=asset
Ba1.1 | 4 BBBBB | 行員の採用時審査、委託先要員の誓約書の提出と入館登録、年1回の再確認を規程にしている。 | ev=jinji
Ba1.2 | 4 BBBBB | 全行員研修に加え、部店長が朝礼で不正送金の事例を紹介し、手口の変化を本部から月次で配信している。 | ev=kyoiku
Ba1.3 | 3 BBBBB | データセンターでの委託先要員の作業は入館記録と作業申請で管理しているが、営業店の清掃・警備要員の立入り管理は店ごとにやり方が違う。 |
Ba2.1 | 3 BBBBB | 営業店でのIB関連事務（法人IBの申込受付、IDの再発行、トークンの交付）のセキュリティ要求を事務取扱要領に書いている。 | ev=eigyoten
Ba2.2 | 3 BBCBB | 自店検査で法人IB申込書の保管や本人確認の不備が上期だけで7店舗に指摘された。指摘後の是正の確認は次の検査まで行われない。 | management=tt ev=tenken
Ba2.3 | 4 BBBBB | でんさいネットや資金移動業者との接続は接続契約でシステム面の責任分担と障害時の連絡手順を取り決めている。 | ev=densai
Ba2.4 | 4 BBBBB | IBの開発・運用委託先は外部委託管理規程に沿って年1回評価し、再委託先も含めて管理している。 | ev=itaku_kanri,itaku_eval
Ba3.1 | 3 BBBCC | 法人IB申込書とID通知書は施錠キャビネットで保管しているが、保存期間を過ぎたものの廃棄記録が残っていない店舗がある。 | documentation=tt ev=tenken
Ba3.2 | 3 BBBBB | 営業店で使える可搬媒体は暗号化USBメモリのみで、端末側でそれ以外の媒体を制御している。 |
Ba3.3 | 4 BBBBB | 行内PCは資産管理ツールで一元管理し、シンクライアント化により持出しは禁止している。 |
Ba3.4 | 3 BBBBB | トークンやカード類の在庫は営業店の重要物管理簿で管理し、複合機は認証印刷。 |
Ba4.1 | 4 BBBBB | 法人IBと管理画面の利用者登録は申込書と本人確認に基づいて二人体制で行い、権限変更・解約の処理は日次で照合している。 | ev=user_rule
Ba4.2 | 3 BBBBB | 顧客にはWebサイトとアプリ通知でフィッシングの注意喚起をしているが、営業店での法人顧客への指導（ID・トークンの管理）は担当者任せで、指導の記録がない。 | ev=phishing
Ba5.1 | 4 BBBBB | IB利用規定、接続先との契約、委託契約の守秘義務・SLA条項を法務部が一覧にしている。 | ev=contract_list
Ba5.2 | 4 BBBBB | 銀行法、犯罪収益移転防止法、個人情報保護法、監督指針を対象に、コンプライアンス統括部が改正を把握してIBの対策に反映している。 | ev=law
Ba5.3 | unknown | 不正送金の補償をめぐる紛争に備えた証跡（ログイン履歴、取引認証の記録）の保存期間と提出手順を法務部と確認中。記録保存規程の改定と合わせて判断する。 |
Ta1.1 | 4 BBBBB | 開発標準で業務・開発・運用の責任者を定め、振込・振替の正確性の保証要件（二重送信の防止、限度額チェック）を明確にしている。 | ev=dev_std
Ta1.2 | 4 BBBBB | 業務仕様は営業統括部とシステム統括部の合同レビューで確定し、仕様書は標準様式で管理している。 |
Ta1.3 | 4 BBBBB | 委託先の品質管理計画に加え、行内の受入れテストで独立に検証している。テストデータと結果は保管。 | ev=uat
Ta1.4 | 4 BBBBB | IBの受付件数と勘定系の処理件数の日次照合を事務センターで行い、不一致はその日のうちに調査している。 | ev=recon
Ta1.5 | 3 BBBCB | 誤処理の原因分析は事務部門で行うが、営業店で起きた事務ミスがシステム側の見直しにつながる仕組みがない。 |
Ta2.1 | 4 BBBBB | 稼働率99.9%の目標を定め、Web・AP・DBを冗長化し、バックアップセンターへの切替え方式を決めている。 | ev=design
Ta2.2 | 4 ABABB | 全サーバを二重化し、DBはクラスタ構成、回線は2キャリア。年1回のセンター切替訓練で機能を確認している。 | process=ottot ev=dr_drill
Ta2.3 | 4 BBBBB | 24時間のオンコール体制と緊急連絡網を整え、半期ごとに障害対応訓練を行っている。 | ev=cp
Ta3.1 | 4 BBBBB | キャパシティ管理の責任者を置き、毎月キャパシティ管理報告書を作っている。 | ev=capacity
Ta3.2 | unknown | 2024年の基盤更改時の性能設計書は委託先が持っており、取引量の増加（前年比+18%）に対して設計上の余裕がどれだけあるか確認できていない。委託先に設計根拠の提出を求めている。 |
Ta3.3 | 4 BBBBB | ロードバランサで負荷を分散し、基盤更改時にピーク時の3倍の負荷で性能テストを行った。 | ev=perf_test
Ta3.4 | 4 BBBBB | 給料日・月末・賞与時の取引ピークを予測し、日次の性能データを監視。閾値を超えると自動で通知される。 | ev=capacity
Ta3.5 | 4 BBBBB | 性能トラブル時に照会系の取引を制限する縮退運転の手順を整えている。 | ev=cp
Tb1.1 | 4 BBBBB | インターネット・DMZ・AP・DB・管理の各セグメントを分け、接続ルールを設計書で定義している。 | ev=network
Tb1.2 | 4 BBBBB | セグメント間は必要最小限のポートのみ許可し、管理セグメントへは踏み台サーバ経由に限っている。 | ev=network
Tb1.3 | 4 ABBAB | ファイアウォールは異なるベンダー製の二段構成。ルールは半期ごとに実機と突き合わせている。 | ev=fw_review
Tb1.4 | 4 BBBBB | データセンター内のVLANは用途別に分け、設定の変更は二人で確認する。 |
Tb1.5 | na IBシステムのネットワーク（データセンター・行内とも）では無線LANを使用していない |
Tb1.6 | 4 BBBBB | 顧客IDの発行・失効はIBの申込処理と連動している。ログインパスワードの強度要件とアカウントロックを設定。 | ev=user_rule
Tb1.7 | assets AAAAA | 認証方式の有効性を年1回外部の専門家と評価し、新しい攻撃手口（リアルタイムフィッシング等）への対応を反映している。 | ev=auth_eval
Tb1.8 | 4 BBBBB | 特権IDは申請・承認制で、使う都度パスワードを払い出す特権ID管理ツールを使っている。 | management=ot ev=id_review
Tb1.9 | assets BBBBB | 特権での操作は特権ID管理ツール経由でのみ可能で、操作ログと画面録画を取得し、週次で点検している。 | ev=id_review
Tb1.10 | 3 BBBBB | Webサーバ・APサーバはSELinuxをenforcingで運用し、公開サービスの権限を絞っている。トラステッドOSの採用は費用対効果から見送った。 |
Tb1.11 | 4 BBBBB | アプリケーションのアクセス管理の基準を開発標準に定め、機能ごとの権限設計を設計レビューで確認している。 | ev=dev_std
Tb1.12 | 4 BBBBB | 管理画面の権限テーブルは変更申請と二人確認で登録し、毎月妥当性を点検している。 |
Tb2.1 | 4 BBBBB | 脆弱性対応の責任体制（CSIRT、システム統括部、委託先）と判断基準を手順書で定め、外部の脆弱性情報サービスを利用している。 | ev=patch
Tb2.2 | 4 BBBBB | 入手した脆弱性情報は全件を管理表で評価し、緊急度に応じて適用期限（緊急は72時間）を決めている。 | ev=patch
Tb2.3 | assets BBBBB | 検証環境で事前テストをしてから緊急度に応じて適用している。運用監視サーバの一部ミドルウェアは保守期限の関係で更新を計画中。 | ev=patch_list
Tb2.4 | 4 BBBBB | 全サーバのパッチ適用状況と未適用の理由を管理表で一元管理し、毎月CSIRTに報告している。 | ev=patch_list
Tb3.1 | 4 BBBBB | ウイルス対策の推進体制と定義ファイル更新の確認手順を規程にしている。 | ev=edr
Tb3.2 | assets BBBBB | サーバと端末にEDRを導入し、SOCで24時間監視している。 | ev=edr
Tb3.3 | 4 BBBBB | 定義ファイルとエージェントの稼働状況を毎日確認し、更新されていないものはチケットにして追跡している。 | ev=edr
Tb3.4 | 4 BBBBB | 感染時はEDRから遠隔でネットワークを隔離できる。CSIRTの初動手順がある。 | ev=cp
Tb4.1 | 4 BBBBB | 構成情報・暗号鍵・証明書・特権パスワードを重要管理情報として一覧にし、管理責任者を指定している。 |
Tb4.2 | 4 BBBBB | 重要管理情報ごとの保護要件（保管場所・暗号化・閲覧者）を指定し、年1回見直している。 |
Tb4.3 | 4 BBBBB | 暗号鍵はHSMで管理し、設計書類は文書管理システムでアクセスを制限している。 | ev=key
Tb5.1 | 4 BBBBB | 顧客情報・取引情報の保護の体制と点検の手順を規程にしている。 | ev=standard
Tb5.2 | 4 BBBBB | 取引データと顧客属性ごとに保護要件（暗号化・マスキング）を指定している。 | ev=asset
Tb5.3 | 4 BBBBB | DBの管理者権限を分離し、全操作の監査ログを取得。表単位で最小権限を実装している。 |
Tb5.4 | 4 BBBBB | アプリケーションのDB接続IDは機能単位で分け、接続情報は暗号化して保持している。 | ev=secure_coding
Tb6.1 | 4 BBBBB | 通信の保護基準で、顧客との通信・勘定系との接続・委託先との接続ごとに保護要件を指定している。 | ev=ib_std
Tb6.2 | 4 BBBBB | 顧客との通信はTLS1.2以上、勘定系やセンター間は専用線。HSTSを設定し、サーバ証明書の期限と偽サイトを監視している。 | ev=network
Tb6.3 | na 行内で無線LANの使用を禁止しており、IBシステムに関係する区画に無線LANがない |
Tb7.1 | 4 BBBBB | 顧客宛のメールはS/MIMEの署名付きで送り、本文にURLを書かない運用。送信ドメイン認証（DMARC）も設定している。 | ev=phishing
Tb7.2 | 3 BBBBB | ファイル転送は専用の暗号化ファイル転送システムに限定し、FTPの使用は禁止している。 |
Tb8.1 | 4 BBBBB | 回線帯域とサーバ能力に余裕を持たせ、ISPのDDoS対策サービスとCDNを利用している。 | ev=ddos
Tb8.2 | 4 BBBBB | DDoS発生時の対応手順と優先するサービス（ログイン・振込）の保護手順を定め、年1回訓練している。 | ev=ddos,drill
Tb9.1 | 4 BBBBB | IDS/IPSとファイアウォールのログをSIEMに集め、MSSで24時間監視している。 | ev=siem
Tb9.2 | 4 BBBBB | サーバへのログインと特権操作をSIEMで相関分析し、週次でアクセスログを点検している。 | ev=log_review
Tb9.3 | 5 AAAAA | 不正送金モニタリングシステムで全取引をリアルタイムに分析し、不審な取引は24時間体制で保留して顧客に確認する。検知ルールは毎月更新。 | ev=monitoring
Tc1.1 | 4 BBBBB | ゾーンの分け方とサーバの配置方針を基本設計書（セキュリティ編）に書いている。 | ev=design
Tc1.2 | 4 BBBBB | 構成の変更は変更管理委員会で審査し、構成管理データベースで設計との整合を確認している。 | ev=change
Tc2.1 | 4 BBBBB | OS・ミドルウェアは標準構成と承認済みバージョンを定め、変更管理で導入・切替えを行う。 | ev=change
Tc2.2 | 3 BBBBB | 行内PCのソフトは許可リスト方式で配布している。 |
Tc2.3 | 4 BBBBB | パッケージのカスタマイズは委託先と仕様レビューを行い、変更の記録を保管している。 | ev=change
Tc3.1 | 4 BBBBB | ネットワーク機器の脆弱性点検を半期ごとに行い、結果を記録している。 |
Tc3.2 | assets BBBBB | サーバ構築時にCISベンチマークに準拠したハードニング基準を適用し、年1回設定を監査している。 |
Tc3.3 | 3 BBBBB | IB管理端末はシンクライアントで、端末側に情報を残さない。 |
Tc4.1 | 4 BBBBB | セキュリティ要件の定義、設計レビュー、第三者によるセキュリティテストを開発工程に組み込んでいる。 | ev=dev_std,uat
Tc4.2 | 4 BBBBB | セキュアコーディング基準と脆弱性チェックリストを委託先と共有し、リリース前に静的解析と脆弱性診断を行っている。 | ev=secure_coding
Tc4.3 | 4 BBBBB | 開発委託先の審査、開発環境の分離、開発プロセスの遵守状況の定期確認を行っている。 | ev=itaku_eval
Tc5.1 | 4 BBBBB | 運用規程と操作マニュアルにセキュリティ要求を反映し、操作者と承認者の職務を分けている。 | ev=ops_rule
Tc5.2 | 4 BBBBB | 運用計画に沿ったジョブの実行と結果の確認をジョブ管理ツールで行い、記録を保管している。 | ev=ops_rule
Tc5.3 | 4 BBBBB | 本番環境へのアクセスは特権ID管理ツール経由の申請制で、開発環境とは物理的に分けている。 |
Tc5.4 | 4 BBBBB | リリース判定会議を経て、切替え・切戻しの手順をリハーサルしてから本番に切り替えている。 | ev=change
Tc5.5 | 3 BBBBB | 運用センターでの行動ルール（私物の持込み禁止等）を定め、監視カメラで確認している。 |
Tc5.6 | 3 BBBBB | 運用委託先は年1回の書面調査と実地監査で評価しているが、夜間オペレーションの再委託先の対策状況は委託先経由の報告だけで、直接確認していない。 | ev=itaku_eval
Td1.1 | 4 BBBBB | 記録保存規程でIBの取引記録とログの保存期間（10年）と管理責任者を定めている。 | ev=retention
Td1.2 | unknown | 10年保存のアクセスログと取引記録をアーカイブした媒体の読出し検証をしていない（形式変換が必要かも未確認）。次のアーカイブ更新時に委託先と確認する。 |
Td1.3 | 4 BBBBB | 保存対象ごとに法的根拠・保存期間・媒体を指定している。 | ev=retention
Td1.4 | 3 BBBBB | 年1回、保存データのハッシュ照合を行っている。 | ev=hash_check
Td2.1 | 3 BBBBB | モバイル端末からIBシステムの管理機能への接続を禁止することを対策基準に明記している。 | ev=standard
Td2.2 | na 行員のモバイル端末からIBシステム（管理機能）へのアクセスを認めておらず、センター側にモバイル向けの機能がない |
Td2.3 | na 行員がモバイル機器でIBシステムを利用することはない（顧客のスマートフォンアプリは Tb1.7・Tc4.1 で評価） |
Td2.4 | 3 BBBBB | 営業店（42か店）をリモートオフィスとして、IB関連の保有資産（申込書、トークンの在庫）と脆弱性を評価している。 | ev=risk
Td2.5 | 3 BBBBB | 営業店の端末は行内ネットワーク経由でのみ管理画面にアクセスでき、構成は本部で統一して管理している。 |
Td2.6 | 3 BBCBB | 営業店の管理画面用端末の運用（ログアウト、離席時のロック）の点検が店ごとの自主点検に任されている。 |
Td2.7 | 3 BBBBB | 営業店のトークン在庫と申込書は金庫室と施錠キャビネットで保管している。 |
Td2.8 | 3 BBBCB | 営業店のIB関連事務は自店検査と事務指導で点検しているが、検査項目が2019年から見直されておらず、新しい不正の手口に合っていない。 | ev=tenken
Td3.1 | 4 ABBBB | 委託先データセンターのサーバ区画は生体認証と共連れ防止ゲートで管理し、入退室記録を毎月点検している。 | ev=dc_audit
Td3.2 | 4 BBBBB | 本部システム部門の執務室はICカードで入室を管理している。 |
Td3.3 | 3 BBBBB | バックアップセンターの機器は施錠ラックに設置し、移設は手順に沿って二人で行う。 | ev=dc_audit
Td4.1 | 4 BBBBB | 異常を検知した時の初動（SOCからの連絡、CSIRTの招集、接続遮断の判断基準）を手順にしている。 | ev=cp
Td4.2 | 4 BBBBB | 原因別の事故対応要領（不正送金、情報漏えい、DDoS、システム障害）とフォレンジック用のツールを整えている。 | ev=cp,drill
Td4.3 | 4 BBBBB | 顧客や他行に影響が出た場合の対応と公表の判断手順を広報部・営業統括部と定めている。 | ev=cp
Td4.4 | 4 BBBBB | バックアップ機器、復旧ツール、ログを保全するための環境を整えている。 |
Td4.5 | 4 BBBBB | バックアップセンターへの切替え（目標4時間）を年1回訓練している。長期停止時は窓口・電話での代替手順がある。 | ev=bcp,dr_drill
Aa1.1 | 4 BBBBB | 監査部が年1回システム監査を行い、3年に1回は外部監査人による監査を受けている。 | ev=audit_plan
Aa1.2 | 4 BBBBB | 2026年度はIBの認証基盤と委託先管理を重点に監査し、指摘は5件。 | ev=audit
Aa1.3 | 3 BBCBB | 指摘事項の改善計画は提出されるが、改善の実効性の確認（フォローアップ監査）が期日どおりに行われていないものがある。 | ev=audit
Aa2.1 | 4 BBBBB | 年2回の脆弱性診断と年1回のペネトレーションテストの方針を定め、診断の対象と手法を明確にしている。 | ev=diag_rule
Aa2.2 | 4 BBBBB | 2026年度上期の診断で中リスク2件を検出し、1か月以内に是正されたことを確認した。 | ev=diag,pentest
"""

BANK = {
    "file": "financial-institution.yaml",
    "header": [
        "taisaku サンプル: 地方銀行のインターネットバンキングシステムの評価。組織名・人名は架空。",
        "システムレベル4、特に重要・重要な対策要求が多い。評価: taisaku evaluate examples/financial-institution.yaml",
    ],
    "system": {
        "name": "インターネットバンキングシステム（個人・法人）",
        "level": 4,
        "organization": "株式会社しののめ銀行",
        "date": "2026-10-16",
        "assessor": "システム統括部 情報セキュリティ管理室 高橋",
        "reason": ("事業の影響の大きさ：個人約18万口座・法人約6千社が利用し、不正送金や停止は預金者の財産に直結して社会的な影響が大きい。"
                   "組織にとっての重要性：主要な顧客チャネルで、事故は当行の信用と監督上の評価に直結する。"
                   "運用環境のぜい弱性：インターネットに公開され、攻撃の標的になりやすい。開発・運用を外部に委託し、42か店の営業店でも申込・ID関連の事務がある。"
                   "表4-2の「金融機関」に当たるレベル4とし、認証と不正取引の監視は目標を5に引き上げる。"),
    },
    "importance": {
        "Ma1.1": "critical", "Ma1.3": "important", "Ma1.6": "low", "Ma2.3": "important",
        "Ba1.3": "important", "Ba2.4": "important", "Ba3.4": "low", "Ba4.1": "critical", "Ba5.2": "important",
        "Ta1.4": "important", "Ta2.2": "important",
        "Tb1.1": "important", "Tb1.3": "important", "Tb1.6": "critical", "Tb1.7": "critical",
        "Tb1.8": "critical", "Tb1.9": "critical", "Tb1.12": "critical",
        "Tb2.3": "critical", "Tb2.4": "important", "Tb3.2": "critical", "Tb3.3": "important",
        "Tb4.3": "important", "Tb5.3": "critical", "Tb5.4": "important",
        "Tb6.1": "important", "Tb6.2": "critical", "Tb7.2": "low", "Tb8.1": "critical",
        "Tb9.2": "critical", "Tb9.3": "critical",
        "Tc1.1": "important", "Tc3.2": "important", "Tc4.1": "important", "Tc4.2": "critical",
        "Tc5.3": "important", "Tc5.6": "important",
        "Td2.1": "low", "Td3.1": "important", "Td3.3": "low", "Td4.1": "important",
        "Td4.2": "critical", "Td4.5": "critical",
        "Aa1.2": "important", "Aa2.2": "critical",
        # 全体として平均以上の水準が求められるシステムなので、基盤となる要求も「重要」とする
        "Ma1.2": "important", "Ma1.4": "important", "Ma2.1": "important", "Ma2.2": "important",
        "Ba1.1": "important", "Ba1.2": "important", "Ba2.3": "important", "Ba5.1": "important",
        "Ta1.1": "important", "Ta1.3": "important", "Ta2.1": "important", "Ta2.3": "important",
        "Ta3.1": "important", "Ta3.3": "important", "Ta3.4": "important",
        "Tb1.2": "important", "Tb1.4": "important", "Tb1.11": "important", "Tb2.1": "important",
        "Tb2.2": "important", "Tb3.1": "important", "Tb3.4": "important", "Tb4.1": "important",
        "Tb4.2": "important", "Tb5.1": "important", "Tb5.2": "important", "Tb9.1": "important",
        "Tc1.2": "important", "Tc2.1": "important", "Tc3.1": "important", "Tc4.3": "important",
        "Tc5.1": "important", "Tc5.2": "important", "Tc5.4": "important",
        "Td1.1": "important", "Td4.3": "important", "Aa1.1": "important", "Aa2.1": "important",
    },
    "importance_why": {
        "Tb1.7": "不正送金対策の要",
        "Tb9.3": "不正送金の早期検知",
        "Tb8.1": "DDoSによるサービス停止",
        "Td4.5": "監督指針上のコンティンジェンシープラン",
        "Ma1.6": "予算は中期IT投資計画で確保済み",
        "Tb7.2": "FTPは使用禁止",
    },
    "targets": {
        "Tb1.7": (5, "不正送金対策の中核であり、FISC安全対策基準と監督指針の要請を踏まえ最高水準を目標とする"),
        "Tb9.3": (5, "不正送金の被害を最小にするには取引の即時検知が欠かせず、経営会議の決定で最高水準とする"),
        "Ba4.2": (4, "フィッシングによる法人顧客の被害が地域で相次いでおり、顧客・行員への指導を強化する"),
    },
    "weights": {
        "requirements": {"Tb1.7": 2, "Tb9.3": 2},
        "domains": {"Tb1": 2, "Tb9": 1.5},
    },
    "docs": BANK_DOCS,
    "assets": BANK_ASSETS,
    "table": BANK_TABLE,
    "improvements": [
        {"requirement": "Ba4.2", "cause": "展開の不手際",
         "aim": "法人顧客のID・トークンの管理不備による不正送金を防ぐ",
         "content": "法人IBの申込時と年1回、営業店担当者が法人顧客にチェックシートを使ってID・トークンの管理を指導し、記録を残す",
         "steps": "営業統括部がチェックシートと説明資料を作り、営業店の事務指導で担当者に説明する。指導記録は自店検査の項目に加える",
         "due": "2027-03-31", "owner": "営業統括部 IB推進グループ長"},
        {"requirement": "Ba2.2", "cause": "管理の不徹底",
         "aim": "営業店での法人IB事務の不備を早く是正する",
         "content": "自店検査の指摘事項は1か月以内に是正報告を求め、事務指導グループが是正を確認する",
         "steps": "事務取扱要領に是正報告の様式と期限を追加し、2026年度下期の検査から適用する",
         "due": "2026-12-31", "owner": "事務統括部 事務指導グループ長"},
        {"requirement": "Td2.8", "cause": "計画の無理",
         "aim": "営業店の検査項目を最新の不正の手口に合わせる",
         "content": "自店検査のIB関連項目を全面的に見直し、以後は年1回CSIRTの知見を反映して改訂する",
         "steps": "CSIRTと事務統括部で改訂案を作り、監査部の意見を聞いて2027年度上期の検査から適用する",
         "due": "2027-03-31", "owner": "事務統括部長"},
        {"requirement": "Ba1.3", "cause": "展開の不手際",
         "aim": "営業店への外部要員の立入りを全店同じ基準で管理する",
         "content": "清掃・警備要員の立入り管理を営業店事務取扱要領に統一して定め、入退店記録を本部で点検する",
         "steps": "総務部が要領案を作り、モデル店3店で試行してから全店に展開する",
         "due": "2027-03-31", "owner": "総務部 施設管理グループ長"},
        {"requirement": "Tc5.6", "cause": "管理の不徹底",
         "aim": "夜間オペレーションの再委託先の対策状況を直接確認する",
         "content": "運用委託契約に再委託先への立入り監査の権利を加え、年1回実地で確認する",
         "steps": "次回の契約更新（2027年4月）で条項を追加し、初回の実地確認を2027年度上期に行う",
         "due": "2027-09-30", "owner": "システム統括部 委託管理グループ長"},
        {"requirement": "Aa1.3", "cause": "管理の不徹底",
         "aim": "監査の指摘事項の改善を期日どおりに確認する",
         "content": "指摘事項ごとの改善期日を監査部の管理表で追跡し、期日を過ぎたものは監査委員会に報告する",
         "steps": "監査部で管理表を整え、四半期ごとに監査委員会へ報告する",
         "due": "2026-12-31", "owner": "監査部 システム監査グループ長"},
        {"requirement": "Ma1.5", "cause": "対応能力の欠如",
         "aim": "ログ分析とフォレンジックを行内で行える人材を確保する",
         "content": "スキルマップに基づく育成計画を個人別に作り、CSIRT要員2名に専門研修を受けさせ、進み具合を半期ごとに委員会へ報告する",
         "steps": "人事部と育成計画を作り、2027年度の研修予算に計上する",
         "due": "2027-09-30", "owner": "システム統括部 情報セキュリティ管理室長"},
    ],
}


# --------------------------------------------------------------------------

ORGS = [SMALL, ORD_2025, ORD_2026, BANK]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "examples"))
    ap.add_argument("--check", action="store_true",
                    help="do not write; fail if a file in --out differs from what would be written")
    args = ap.parse_args()
    reqs, sc, periph = load_catalog()
    stale = []
    for od in ORGS:
        org = build(od, reqs, periph)
        res, unders, overs = evaluate(org, reqs, sc)
        path = os.path.join(args.out, od["file"])
        if args.check:
            tmp = path + ".tmp"
            text = write_org(org, reqs, tmp)
            os.unlink(tmp)
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    stale.append(path)
        else:
            os.makedirs(args.out, exist_ok=True)
            write_org(org, reqs, path)
        print(f"{od['file']}: level {org['system']['level']}, "
              + ", ".join(f"{k} {v}" for k, v in res.items()))
        print("  under: " + " ".join(unders))
        print("  over:  " + " ".join(overs))
    if stale:
        print("stale: " + " ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
