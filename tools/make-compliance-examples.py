#!/usr/bin/env python3
"""Write the sample compliance assessments in examples/ (one per compliance catalog).

Developer tool, deterministic (no randomness: an item's status and the
wording of its note follow from a hash of its ID): the committed files in
examples/ are its output.  The organisations, people and products are
fictitious.

    python3 tools/make-compliance-examples.py [--out DIR]

Each file assesses every item of its catalog:

- `na` where the organisation's situation makes the item inapplicable, by
  rules on the item's and section's titles (NA_RULES: "this system has no
  wireless LAN", "no IPv6"...), each with the reason in Japanese;
- a few items with a status and note written by hand (OVERRIDES);
- the rest by the hash of the ID: mostly implemented, some partial, a few
  not implemented and unknown, with notes, evidence and actions built from
  the organisation's documents, departments and scopes (PROFILES).  The
  notes quote the item's own title, so that they read as written for it.

The space operator's file also fills in the catalog's roles and parameters
with the company's choices (the rules document is written from them), and
the defense supplier's its roles and parameters.  The output is in the
canonical layout of tk_compliance_write_yaml (what `taisaku plan` writes),
and tests/test_compliance.c checks that loading and writing each file again
gives the same bytes.
"""

import argparse
import hashlib
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(catalog_id):
    """The catalog: its title, sections with their items, role names and
    parameter IDs, in catalog order."""
    with open(os.path.join(ROOT, "catalogs", catalog_id + ".yaml"), encoding="utf-8") as f:
        c = yaml.safe_load(f)
    sections, roles, params = [], [], []
    for v in c["views"]:
        for sv in v.get("subviews") or [{"domains": v.get("domains", [])}]:
            for d in sv["domains"]:
                items = []
                for r in d["requirements"]:
                    items.append((r["id"], r["title_ja"], d["title_ja"]))
                    if r.get("role_ja") and r["role_ja"] not in roles:
                        roles.append(r["role_ja"])
                    params += [x["id"] for x in r.get("parameters") or []]
                sections.append((d["id"], d["title_ja"], items))
    for g in c.get("glossary") or []:
        if g["term_ja"] not in roles:
            roles.append(g["term_ja"])
    # Roles the text names without making them an item's role (atla-ssr's
    # approvers 総括者 and 経営者等) come after, by the first item naming them,
    # as the loader ranks them (compliance_load.c, named_in_text).
    purposes = [r.get("purpose_ja") or "" for v in c["views"]
                for sv in v.get("subviews") or [{"domains": v.get("domains", [])}]
                for d in sv["domains"] for r in d["requirements"]]
    named = []
    for name in TEXT_ROLES.get(c["catalog"]["id"], ()):
        i = next((i for i, t in enumerate(purposes) if name in t), None)
        if i is not None and name not in roles:
            named.append((i, purposes[i].index(name), name))
    roles += [name for _, _, name in sorted(named)]
    return c["catalog"]["title_ja"], sections, roles, params


def u(key, salt=""):
    """A number in [0, 1) from the item ID: the same every run."""
    h = hashlib.sha256((salt + key).encode("utf-8")).digest()
    return int.from_bytes(h[:4], "big") / 2**32


def pick(seq, key, salt):
    return seq[int(u(key, salt) * len(seq))]


def q(s):
    """A YAML double-quoted string (the writer's quoting, for the generator)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# ---------------------------------------------------------------------------
# The organisations
# ---------------------------------------------------------------------------

PROFILES = {
    "atla-ssr": {
        "file": "defense-supplier-atla.yaml",
        "system": {"name": "設計情報保護システム", "organization": "株式会社東雲精機 防衛事業部",
                   "date": "2026-09-30", "assessor": "情報システム課 高橋（保護システム管理者）"},
        "rules": [("システムセキュリティ実装計画書 第3版", "SSP-003", "2026-04-01"),
                 ("保護システム操作手順書", "OPS-012", "2026-05-15"),
                 ("構成設定目録（2026年度版）", "CFG-2026", "2026-06-30"),
                 ("アクセス制御方針", "ACP-002", "2025-12-01")],
        "records": [("保護システム監査記録", "AUD-2026-1", "2026-07-20"),
                    ("構成設定の点検記録", "CHK-CFG-2026-2", "2026-08-31")],
        "depts": ["情報システム課", "情報システム課", "防衛事業部 業務課", "品質保証部"],
        "freqs": [("月次", "毎月"), ("四半期ごと", "四半期ごとに"), ("半期ごと", "半期ごとに"), ("年次", "毎年")],
        "scopes": [("本社の保護システム", "甲府工場の保護システム"), ("サーバ", "設計用端末"),
                   ("正社員", "派遣社員と協力会社の常駐者")],
        "owners": ["情報システム課長", "防衛事業部 業務課長", "保護システム管理者"],
        "dues": ["2026-12-31", "2027-03-31", "2027-06-30"],
    },
    "nisc-2012": {
        "file": "ministry-nisc.yaml",
        "system": {"name": "本省LAN（行政情報ネットワーク）", "organization": "未来環境省 大臣官房",
                   "date": "2026-10-01", "assessor": "情報システム課 山田"},
        "rules": [("未来環境省情報セキュリティ対策基準", "KIJUN-2025", "2025-04-01"),
                 ("本省LAN運用手順書", "LAN-OPS-7", "2026-03-31"),
                 ("情報システム設定基準書", "SET-4", "2026-01-15"),
                 ],
        "records": [("情報セキュリティ自己点検結果", "CHK-2026", "2026-08-29"),
                    ("本省LAN監視報告（月次）", "MON-2026-08", "2026-09-05")],
        "depts": ["情報システム課", "情報システム課", "運用保守事業者", "大臣官房 総務課"],
        "freqs": [("月次", "毎月"), ("四半期ごと", "四半期ごとに"), ("半期ごと", "半期ごとに"), ("年次", "毎年")],
        "scopes": [("本省", "地方環境事務所"), ("職員", "非常勤職員と運用保守事業者"),
                   ("本番環境", "検証環境")],
        "owners": ["情報システム課長", "情報システムセキュリティ管理者", "大臣官房 総務課長"],
        "dues": ["2026-12-28", "2027-03-31", "2027-09-30"],
    },
    "space-rules": {
        "file": "space-operator-rules.yaml",
        "system": {"name": "衛星管制・データ提供システム", "organization": "株式会社ほしぞらスペースシステムズ",
                   "date": "2026-11-10", "assessor": "総務部 情報セキュリティ推進室 小林"},
        "rules": [("情報セキュリティ関連規程（第2版）", "ISR-2", "2026-04-01"),
                 ("地上局運用手順書", "GS-OPS-5", "2026-02-20"),
                 ("情報セキュリティ対策実施手順", "ISP-3", "2026-04-01")],
        "records": [("情報資産管理台帳", "ASSET-2026", "2026-06-01"),
                    ("委託先管理台帳", "VEND-2026", "2026-05-10"),
                    ("情報セキュリティ点検報告書", "CHK-2026-10", "2026-10-30")],
        "depts": ["情報システム課", "総務部", "衛星運用部", "地上システム部"],
        "freqs": [("月次", "毎月"), ("四半期ごと", "四半期ごとに"), ("半期ごと", "半期ごとに"), ("年次", "毎年")],
        "scopes": [("本社", "筑波地上局"), ("社員", "契約社員と派遣社員"),
                   ("衛星運用部", "データサービス部")],
        "owners": ["情報システム課長", "総務部長", "地上システム部長"],
        "dues": ["2027-01-31", "2027-03-31", "2027-06-30"],
    },
    "port-tos": {
        "file": "port-terminal-tos.yaml",
        "system": {"name": "ターミナルオペレーションシステム（TOS）", "organization": "青浜コンテナターミナル株式会社",
                   "date": "2026-10-20", "assessor": "システム管理室 中村"},
        "rules": [("TOS 情報セキュリティ対策基準", "TOS-SEC-1", "2025-10-01"),
                 ("TOS 運用手順書", "TOS-OPS-9", "2026-04-01"),
                 ("TOS システム構成書", "TOS-ARC-3", "2026-03-15"),
                 ("TOS 保守契約書（別紙 セキュリティ要件）", "MNT-2026", "2026-04-01")],
        "records": [("情報セキュリティ点検表", "CHK-TOS-2026", "2026-09-30"),
                    ("TOS 運用日誌", "LOG-TOS-2026-09", "2026-09-30")],
        "depts": ["システム管理室", "システム管理室", "TOS 保守事業者", "ターミナル運営部"],
        "freqs": [("月次", "毎月"), ("四半期ごと", "四半期ごとに"), ("半期ごと", "半期ごとに"), ("年次", "毎年")],
        "scopes": [("本番系", "待機系"), ("ターミナル管理棟", "ゲート・ヤードの端末"),
                   ("自社の社員", "保守事業者")],
        "owners": ["システム管理室長", "ターミナル運営部長", "総務部長"],
        "dues": ["2027-01-31", "2027-03-31", "2027-09-30"],
    },
}

# Items the organisation's situation makes inapplicable: (catalog, regex,
# reason). A regex starting with ^ is matched against the item's ID, any
# other against the item's title and its section's title.
NA_RULES = [
    ("atla-ssr", r"^S3\.2\.5\.b$", "ホワイトリスト方式を採用しており、ブラックリストは作成していないため"),
    ("atla-ssr", r"^S5\.2\.4\.", "保護システムへのリモートアクセスは計画書で禁止しており、その手段も設けていないため"),
    ("atla-ssr", r"^S7\.1\.2$", "保護システムは外部に公開するウェブサーバ等を持たないため"),
    ("nisc-2012", r"無線LAN", "本省LANでは無線LANを構築していないため"),
    ("nisc-2012", r"公衆電話網", "公衆電話網を経由したリモートアクセス環境は構築していないため"),
    ("nisc-2012", r"^2\.4\.1\.1\(1\)", "本省LANは IPv6 を導入していないため（導入しない場合の抑止の措置は 2.4.1.1(2) で評価）"),
    ("nisc-2012", r"ドメインネームシステム|DNS", "DNS は政府共通プラットフォームのサービスを利用し、本省では DNS サーバを運用していないため"),
    ("space-rules", r"^C8\.3", "自社に開発環境を持たず、開発はすべて委託先の環境で行うため（委託先の管理は第9章で評価）"),
    ("space-rules", r"衛星リモートセンシング記録", "当社の衛星は通信衛星で、衛星リモートセンシング記録を扱わないため"),
    ("port-tos", r"無線 LAN", "TOS のネットワークには無線 LAN を導入していないため（ヤードの無線は別システムで評価）"),
    ("port-tos", r"IPv6", "TOS のネットワークでは IPv6 を使っていないため"),
    ("port-tos", r"ドメインネームシステム|DNS", "TOS は閉域網で運用し、DNS サーバを持たないため"),
]

# Hand-written entries for items the organisation has something particular
# to say about: ID -> (status, note or reason, action or None).
OVERRIDES = {
    "atla-ssr": {
        "S2.1.1": ("implemented", "2026年4月に第3版へ改訂し、総括者の承認を得た。", None),
        "S2.5": ("partial", "第3版は作成したが、防衛省への提出は第2版のまま。",
                 ("第3版を防衛省へ提出する", "2026-11-30", "防衛事業部 業務課長")),
        "S6.1.3.d.i": ("implemented", "パスワードは英大文字・小文字・数字・記号のうち3種類以上、12文字以上を設定で強制している。", None),
        "S9.3.3": ("unknown", "NTP の参照先が工場側の端末で統一されているか、保守事業者に確認中。",
                   ("参照先を確認し、構成設定目録に記載する", "2026-12-31", "情報システム課長")),
        "S11.3": ("not-implemented", "目標復旧時間を定めていない。バックアップは取得しているが、復旧の頻度を決められていない。",
                  ("目標復旧時間を定め、復旧試験を年1回行う", "2027-03-31", "保護システム管理者")),
    },
    "nisc-2012": {
        "2.2.1.1(1)(a)": ("implemented", "全端末で ID とパスワードによる主体認証を行っている。", None),
        "2.2.1.1(1)(b)": ("partial", "パスワードは暗号化して保存しているが、旧文書管理システムは平文で通信している。",
                          ("旧文書管理システムを TLS 化する", "2027-03-31", "情報システム課長")),
        "2.4.1.1(2)(a)": ("implemented", "全ての通信回線装置で IPv6 を無効にし、ファイアウォールで IPv6 通信を遮断している。", None),
    },
    "space-rules": {
        "C1.2": ("implemented", "毎年10月に品質保証課長が点検し、結果を情報セキュリティ委員会に報告している（2026年は10月30日）。", None),
        "C5.2-3": ("partial", "筑波地上局には入退室管理と監視カメラを設置したが、沖縄のバックアップ局は監視カメラが未設置。",
                   ("沖縄局に監視カメラを設置する", "2027-03-31", "地上システム部長")),
        "C10.5-7": ("implemented", "宇宙活動法の許可条件（管理計画）を法務課が管理し、変更時に確認している。", None),
    },
    "port-tos": {
        "P1.3.1": ("implemented", "保守事業者のリモート保守は VPN と多要素認証を条件とする基準を定めた。", None),
        "P2.7.2.2": ("partial", "バックアップは別棟に保管しているが、同じネットワークからアクセスできる。",
                     ("オフラインの媒体に週1回複製する", "2027-01-31", "システム管理室長")),
    },
}

# Roles named only in the text that the organisations give titles to: the
# defense plan's approval chain (seed 000 第2 1(2): 保護システム管理者 prepares
# it, 総括者を通じて 経営者等 approve it; report --kind ssp prints them).
TEXT_ROLES = {"atla-ssr": ("総括者", "経営者等")}

# The choices the organisations make for the catalogs' roles and parameters.
ROLES = {
    "atla-ssr": {
        "総括者": "防衛事業部長",
        "経営者等": "代表取締役社長",
        "防衛関連企業": "株式会社東雲精機",
        "保護システム管理者": "情報システム課長",
        "保護システム担当者": "情報システム課 保護システム担当",
        "アカウント管理者": "情報システム課 アカウント管理担当",
        "保護システム利用者": "設計部の登録利用者",
        "監督者": "防衛事業部 品質保証部長",
    },
    "space-rules": {
        "情報セキュリティ委員会": "情報セキュリティ委員会（委員長 常務取締役）",
        "代表取締役": "代表取締役社長",
        "情報セキュリティ責任者": "総務部長",
        "情報セキュリティ部門責任者": "各部の部長（衛星運用部長、地上システム部長、データサービス部長）",
        "監査・点検/点検責任者": "品質保証課長",
        "インシデント対応責任者": "技術本部長",
        "システム管理者": "情報システム課長",
        "教育責任者": "人事課長",
        "復旧責任者": "地上システム部長",
        "部門長": "各部の部長",
        "経営者等": "取締役会",
        "従業員": "従業員（役員、契約社員、派遣社員を含む）",
        "委託先": "業務委託先",
        "利用する本人": "利用者本人",
        "発見者": "発見した従業員",
    },
}

PARAMETERS = {
    "atla-ssr": {
        "S2.2-p1": "システムセキュリティ実装計画書の内容を年1回（毎年4月）確認",
        "S2.3-p1": "契約の履行完了後5年間",
        "S3.2.4-p1": "半年ごとに",
        "S3.2.5.d-p1": "四半期ごとに",
        "S3.4.1.b.ii-p1": "半年ごとに",
        "S3.4.3-p1": "契約の履行完了後5年間",
        "S5.1.3-p1": "アクセス制御方針を年1回",
        "S5.2.1.d-p1": "事由の発生から1営業日以内",
        "S5.2.2.a-p1": "連続して失敗できる上限（5回）",
        "S5.2.2.a-p2": "当該ロック時から30分",
        "S5.2.3.a-p1": "非アクティブ状態であり続ける時間の上限（15分）",
        "S6.1.1.c-p1": "当該識別子の使用を終えた日から3年間",
        "S6.1.1.d-p1": "90日以上使用されなかった場合",
        "S6.1.3.d.i-p1": "３種類以上",
        "S6.1.3.d.i-p2": "１２文字以上",
        "S7.2.2.a-p1": "非アクティブ状態で15分",
        "S8.2.2.b.iii-p1": "毎月",
        "S8.2.2.b.iii-p2": "30日以上電源の切断された状態",
        "S8.4.2-p1": "3年間",
        "S9.1.1.e-p1": "四半期ごとに",
        "S9.1.2.a-p1": "毎週",
        "S9.2.2-p1": "1年間",
        "S9.2.3-p1": "毎月",
        "S9.3.2-p1": "日本標準時（JST）による時刻表記",
        "S9.3.3-p1": "情報通信研究機構（NICT）が運営する公開 NTP サーバ",
        "S10.1.1-p1": "年1回",
        "S10.2.3-p1": "認知から1時間以内",
        "S11.1-p1": "毎日",
        "S11.2-p1": "少なくとも次回のバックアップの完了まで",
        "S11.3-p1": "自社が定めた保護システムの目標復旧時間（3営業日）",
        "S11.3-p2": "毎日（夜間）",
        "S12.1.1-p1": "年1回",
        "S12.3.2-p1": "3年間",
    },
    "space-rules": {
        "C1.1-2-p1": "点検",
        "C1.1-2-p2": "点検責任者（品質保証課長）",
        "C1.1-2-p3": "情報セキュリティ責任者（総務部長）",
        "C1.1-2-p4": "情報セキュリティ部門責任者（衛星運用部長）（地上システム部長）（データサービス部長）",
        "C1.2-p1": "点検",
        "C1.2-p2": "毎年10月に点検",
        "C3.2-3-p1": "ハードディスク",
        "C3.2-6-p1": "ストラップで体やカバンに固定する",
        "C3.3.1-1-p1": "細断",
        "C3.3.1-2-p1": "完全消去",
        "C3.4.1-p1": "衛星運用管理システム アプリケーションデータ 同期ツール 外付け HDD",
        "C4.2-3-p1": "ログオン試行回数の上限（5回）",
        "C4.2-3-p2": "ロック時から30分",
        "C4.9.1-p1": "衛星運用管理システム アプリケーションのユーザー認証",
        "C4.9.1-1-p1": "衛星運用システム ネットワーク運用・制御システム 衛星管制システム テレメトリ受信システム コマンド送信システム",
        "C4.9.1-1-p2": "衛星データ利用システム（衛星データ利用サービス） データ送受信アンテナ制御システム 画像処理システム ネットワーク運用・制御システム データ配信サーバ",
        "C4.9.1-1-p3": "開発・製造システム 設計データ管理システム 試験設備制御システム",
        "C4.9.2-p1": "衛星運用管理システム アプリケーションのユーザー認証：ID・パスワード・多要素認証",
        "C4.9.2-1-p1": "衛星運用システム ネットワーク運用・制御システム ・ID・パスワード ・多要素認証 ・（複数間で利用するアカウントによる接続の場合）個人認証 衛星管制システム ・ID・パスワード ・多要素認証",
        "C4.9.2-1-p2": "衛星データ利用システム （衛星データ利用サービス） データ送受信アンテナ制御システム ・ID・パスワード ・多要素認証 ・（複数間で利用するアカウントによる接続の場合）個人認証 ネットワーク運用・制御システム ・ID・パスワード ・多要素認証",
        "C4.9.2-1-p3": "開発・製造システム ・ID・パスワード ・多要素認証",
        "C4.9.3-1-p1": "90日以内に変更する",
        "C4.9.4-p1": "衛星運用管理システム パソコンにデジタル証明書をインストール",
        "C5.1-4-p1": "サーバールーム",
        "C6.4.1-p1": "ウェブフィルタリングソフト",
        "C6.5.1-p1": "利用することを禁止する",
        "C6.5.3-3-p1": "する場合はシステム管理者の許可を得る",
        "C6.5.4-p1": "ことを禁止する。",
        "C6.5.4-1-p1": "禁止する",
        "C6.6.1-p1": "パソコン OS Windows Microsoft 11以降",
        "C6.6.1-p2": "オフィス系ソフト Office Microsoft 2021以降",
        "C6.6.1-p3": "電子メール Outlook Microsoft 2021以降",
        "C6.6.1-p4": "パソコン用ウイルス対策 ガーディアンEP 青嶺ソフト社 Ver.8以降",
        "C6.6.1-p5": "スマートフォン用ウイルス対策 ガーディアンMobile 青嶺ソフト社 Ver.5以降",
        "C6.6.1-p6": "ブラウザ Edge Microsoft社 Ver.120以降",
        "C6.6.1-p7": "シミュレーション OrbitSim 星図システム社 Ver.3以降",
        "C6.6.1-p8": "軌道計算ライブラリ OrbitLib 星図システム社 Ver.2以降",
        "C6.6.2-p1": "ブラウザ Edge Microsoft社 自動更新を有効にする",
        "C6.6.3-p1": "パソコン用ウイルス対策 ガーディアンEP 青嶺ソフト社 定義ファイル更新方法を自動に設定する",
        "C6.6.3-p2": "スマートフォン用ウイルス対策 ガーディアンMobile 青嶺ソフト社 定義ファイル更新方法を自動に設定する",
        "C7.3-4-p1": "ウェブフィルタリングソフト",
        "C7.7.1-1-p1": "ファイルサーバー 利用者認証機能 Windows Active Directory セキュリティログ取得機能 Windows システムログ取得機能 Windows ユーザーアクセスログ取得機能 ログ管理サーバ ハードディスク：容量8TB 以上 RAID 構成 RAID6",
        "C7.7.1-1-p2": "NAS サーバー 利用者認証機能 ディスク暗号化機能 AES-256 ハードディスク：容量500GB 以上",
        "C7.7.1-1-p3": "データ受付サーバー データの暗号化 TLS 1.3 利用者認証機能 クライアント証明書 ハードディスク：容量20TB 以上 冗長電源",
        "C7.7.1-1-p4": "SSH サーバー 利用者認証機能 公開鍵認証 データの暗号化 SSH プロトコル2 ハードディスク：容量500GB 以上 踏み台サーバとして運用",
        "C7.7.1-2-p1": "ＯＳ Windows Server Microsoft 2022以降",
        "C7.7.1-2-p2": "ＲＤＢ PostgreSQL PostgreSQL Global Development Group Ver.16以降",
        "C7.7.1-2-p3": "ウイルス対策 ガーディアンServer 青嶺ソフト社 Ver.8以降",
        "C7.7.1-2-p4": "ブラウザ Edge Microsoft社 Ver.120以降",
        "C7.7.1-2-p5": "シミュレーションソフト OrbitSim 星図システム社 Ver.3以降",
        "C7.7.1-3-p1": "ルーター 利用者認証機能 RADIUS 認証 MAC アドレス認証 許可リスト方式 通信ログ取得 ログ管理サーバへ転送 設定変更ログ 90日保存",
        "C7.7.1-3-p2": "統合監視ツール ユーザーアクセス監視 ログイン失敗の通知 異常通信の検知 月次レポート",
        "C7.7.1-3-p3": "ネットワークカメラシステム 地上局入口の常時録画 録画30日保存",
        "C7.7.1-3-p4": "施設管理システム 入退室記録 ICカード認証",
        "C7.7.1-4-p1": "ルーター RTX 山葉通信社 Ver.15以降",
        "C7.7.1-4-p2": "ＵＴＭ ShieldGate 北辰ネット社 Ver.7以降",
        "C7.7.1-4-p3": "監視ツール 統合監視ツール 北辰ネット社 Ver.4以降",
        "C7.7.1-4-p4": "VPN 装置 SecureLink 北辰ネット社 Ver.2以降",
        "C9.1-6-p1": "二つ星",
        "C9.1-10-p1": "取り扱う情報資産に必要な対策を実施している。",
        "C9.1-10-p2": "20個以上",
        "C10.3-p1": "代表取締役 携帯電話：090-0000-0001 電子メールアドレス：president@hoshizora-space.example.jp",
        "C10.3-p2": "インシデント対応責任者 携帯電話：090-0000-0002 電子メールアドレス：incident@hoshizora-space.example.jp",
        "C10.3-p3": "システム管理者 携帯電話：090-0000-0003 電子メールアドレス：system@hoshizora-space.example.jp",
        "C10.6-1-p1": "情報セキュリティインシデント①：大型地震の発生に伴う設備の倒壊、回線の途絶、停電等による衛星管制システム停止",
        "C10.6-1-p2": "想定理由：当社の事業は、衛星の運用から観測データの提供までの業務を衛星管制システムに依存しているため、停止した場合は事業の継続が困難になり多大な損失が発生",
        "C10.6-1-p3": "情報セキュリティインシデント②：地上局システムを対象としたサイバー攻撃による自社サービスの停止、機密情報の漏えい",
        "C10.6-1-p4": "想定理由：衛星関連システムを対象としたインシデント事例が増加しており、当社の基幹事業である衛星データ提供サービスは、地上局システムに依存しているため、停止した場合は、事業の継続が困難になり多大な損失が発生",
        "C10.6-2-p1": "電源設備 空調機 総務部長 北関東電力つくば支店 (株)筑波設備サービス",
        "C10.6-2-p2": "（衛星管制システム） ハードウェア ソフトウェア ネットワーク機器 回線サービス バックアップクラウドサーバー インシデント対応責任者 システム管理者 (株)星図システム開発 (株)北辰ネットワークサービス (株)青空マネージドサーバー",
        "C11.1.1-1-p1": "電子メールソフト Outlook",
        "C11.1.1-2-p1": "クラウド型グループウェア Microsoft 365",
        "C11.1.1-3-p1": "クラウド型ビジネスチャット Teams",
        "C11.1.1-3-p2": "テレワーク利用手順書.pdf 参照",
        "C11.1.1-4-p1": "オンライン会議システム Teams",
        "C11.1.1-4-p2": "オンライン会議利用手順書.pdf 参照",
        "C11.1.1-5-p1": "SecureLinkシリーズ",
        "C11.1.1-5-p2": "VPN 接続手順書.pdf 参照",
        "C11.1.1-6-p1": "顧客管理 CRM システム",
        "C11.1.1-6-p2": "CRM 利用手順書.pdf 参照",
        "C11.1.1-7-p1": "衛星データ閲覧ポータル",
        "C11.1.1-7-p2": "データポータル利用手順書.pdf 参照",
        "C11.1.1-7-p3": "観測データの品質確認業務",
        "C11.1.2-2-p1": "営業部員は会社貸与品を利用",
        "C11.1.2-2-p2": "営業部員以外は「私有機器を利用する場合」の対策を実施して利用",
        "C11.1.2-3-p1": "営業部員は会社貸与のモバイルルータを利用",
        "C11.1.2-3-p2": "営業部員以外は「私有機器を利用する場合」の対策を実施して利用",
        "C11.1.2-7-p1": "営業部員は会社貸与品を利用",
        "C11.1.2-7-p2": "営業部員以外は私有機器またはコンビニ・レンタルオフィス等のサービスを、「私有機器を利用する場合」の対策を実施して利用",
        "C11.1.2-8-p1": "会社貸与のスマートフォン",
        "C11.2.3-p1": "セキュリティソフト ガーディアンMobile",
        "C11.2.3-p2": "社内通話・打ち合わせ Teams",
        "C11.2.3-p3": "メール・スケジュール管理システムへのアクセス Outlook",
        "C11.2.3-p4": "ビジネスチャットメール Teams",
        "C11.2.3-p5": "ファイル共有 OneDrive",
        "C11.6-p1": "システム管理者（情報システム課長）",
        "C11.6-p2": "システム管理者（情報システム課長）TEL：090-0000-0003",
        "C11.6-p3": "Mail：system@hoshizora-space.example.jp",
        "C11.6-1-p1": "システム管理者（情報システム課長）",
        "C11.6-1-p2": "システム管理者（情報システム課長）TEL：090-0000-0003",
        "C11.6-1-p3": "Mail：system@hoshizora-space.example.jp",
    },
    "nisc-2012": {
        "2.2.1.1(1)(e)(ウ)-p1": "パスワードと同等以上の強度（12文字以上の英数記号）",
        "2.2.1.4(2)(b)-p1": "1年間",
        "2.2.2.3(1)(c)-p1": "インターネット接続回線とウェブサーバ",
        "2.2.2.3(1)(c)-p2": "トラフィック量の常時監視と閾値超過時の通知",
        "2.2.2.3(1)(c)-p3": "1年間",
        "2.2.2.4(1)(c)-p1": "踏み台となりうる通信の監視（外向きの大量通信の検知）",
        "2.2.2.4(1)(c)-p2": "1年間",
    },
    "port-tos": {
        "P2.7.3.2-p1": "サーバ機器等のログを毎日取得",
        "P2.7.4.2-p1": "ソフトウェアの情報を毎月確認",
        "P2.7.5.1-p1": "脆弱性対策の状況を毎月確認",
    },
}

# ---------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------

WHY_NOT = ["来年度の予算で対応する予定。", "担当者が不足しており、着手できていない。",
           "今年度中に進め方を決める予定。", "手順の検討を始めたところ。"]


def short(title):
    """The item's title when it reads well inside 「」, else None."""
    return title if len(title) <= 40 and "●" not in title and "○" not in title else None


def sp(name):
    """A name after a kana particle: a space before Latin letters ("を TOS 運用手順書")."""
    return " " + name if name[:1].isascii() else name


def entry(cid, p, iid, title):
    """(status, note, reason, evidence, action) for one item."""
    doc, ref, ddate = pick(p["rules"], iid, "doc")
    record = pick(p["records"] + p["rules"], iid, "record")
    dept = pick(p["depts"], iid, "dept")
    freq_n, freq_adv = pick(p["freqs"], iid, "freq")
    a, b = pick(p["scopes"], iid, "scope")
    owner = pick(p["owners"], iid, "owner")
    due = pick(p["dues"], iid, "due")
    t = short(title)
    x = u(iid, cid)
    evidence = [(record[0], record[2], record[1])] if u(iid, "ev") < 0.55 else []  # title, date, ref
    if x < 0.66:
        notes = [f"{doc}に定め、{dept}が実施している。{freq_n}の点検で実施を確認した。",
                 f"手順を{sp(doc)}に記載し、運用記録で実施を確認した。",
                 f"{dept}が実施している。{freq_adv}記録を見直している。",
                 None, None]
        return ("implemented", pick(notes, iid, "impl"), None, evidence, None)
    if x < 0.84:
        kind = int(u(iid, "partial") * 3)
        if kind == 0:
            return ("partial", f"{a}では実施しているが、{b}では未対応。", None, evidence,
                    (f"{b}にも同じ対策を適用し、{doc}を改訂する", due, owner))
        if kind == 1:
            return ("partial", f"実施しているが、記録が残っていない期間がある（{freq_n}の点検で判明）。", None, evidence,
                    (f"記録様式を見直し、{dept}が{freq_adv}確認する", due, owner))
        return ("partial", "実施しているが、手順が文書になっていない。", None, [],
                (f"手順を{sp(doc)}に追記する", due, owner))
    if x < 0.93:
        what = f"「{t}」" if t else "この項目"
        return ("not-implemented", f"{what}は未実施。{pick(WHY_NOT, iid, 'why')}", None, [],
                (f"{what}への対応を計画し、実施する", due, owner))
    if x < 0.97:
        return ("unknown", f"{dept}に実施状況を照会中で、回答がない。", None, [],
                ("実施状況を確認し、評価を更新する", p["dues"][0], owner))
    return ("implemented", None, None, evidence, None)


def build(cid):
    p = PROFILES[cid]
    _, sections, _, _ = load(cid)
    rules = [(re.compile(rx), reason) for c, rx, reason in NA_RULES if c == cid]
    entries = {}
    for _, _, items in sections:
        for iid, title, section in items:
            if iid in OVERRIDES.get(cid, {}):
                st, note, action = OVERRIDES[cid][iid]
                entries[iid] = (st, note, None, [], action)
                continue
            reason = next((r for rx, r in rules
                           if (rx.search(iid) if rx.pattern.startswith("^") else rx.search(title) or rx.search(section))),
                          None)
            if reason:
                entries[iid] = ("na", None, reason, [], None)
            else:
                entries[iid] = entry(cid, p, iid, title)
    return entries


def flow(pairs):
    return "{ " + ", ".join(f"{k}: {v}" for k, v in pairs) + " }"


def one_line(s):
    return s.replace("\n", " ").replace("\r", " ")


def render(cid, entries):
    """The canonical layout of tk_compliance_write_yaml (compliance_write.c),
    which tests/test_compliance.c checks byte for byte on these files."""
    p = PROFILES[cid]
    s = p["system"]
    title, sections, roles, params = load(cid)
    lines = [f"# taisaku 準拠性評価シート: {one_line(title)} ({cid})",
             "# 各項目に implemented / partial / not-implemented / unknown、または",
             "# { status: na, reason: 理由 } を記入してください（空欄は未評価）。書き方: docs/guide.ja.md",
             f"catalog: {cid}",
             "system: " + flow([("name", q(s["name"])), ("organization", q(s["organization"])),
                                ("date", s["date"]), ("assessor", q(s["assessor"]))]),
             "items:"]
    for sid, stitle, items in sections:
        lines.append(f"  # ---- {sid} {one_line(stitle)}")
        for iid, ititle, _ in items:
            st, note, reason, evidence, action = entries[iid]
            fields = [("status", st)]
            if reason:
                fields.append(("reason", q(reason)))
            if note:
                fields.append(("note", q(note)))
            if evidence:
                fields.append(("evidence", "[ " + ", ".join(
                    flow([("title", q(t)), ("date", d), ("ref", q(r))]) for t, d, r in evidence) + " ]"))
            if action:
                content, due, owner = action
                fields.append(("action", flow([("content", q(content)), ("due", due), ("owner", q(owner))])))
            value = st if len(fields) == 1 else flow(fields)
            lines.append(f"  # {iid} {one_line(ititle)}")
            lines.append(f"  {q(iid)}: {value}")
    for key, table, order in (("roles", ROLES, roles), ("parameters", PARAMETERS, params)):
        chosen = table.get(cid, {})
        unknown = set(chosen) - set(order)
        if unknown:
            sys.exit(f"{cid}: not in the catalog's {key}: {sorted(unknown)}")
        if chosen:
            lines.append(f"{key}:")
            lines += [f"  {q(k)}: {q(chosen[k])}" for k in order if k in chosen]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "examples"))
    args = ap.parse_args()
    for cid, p in PROFILES.items():
        entries = build(cid)
        path = os.path.join(args.out, p["file"])
        with open(path, "w", encoding="utf-8") as f:
            f.write(render(cid, entries))
        counts = {}
        for st, *_ in entries.values():
            counts[st] = counts.get(st, 0) + 1
        print(f"{path}: {len(entries)} items {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
