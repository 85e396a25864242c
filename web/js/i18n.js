// Every string of the UI, in Japanese (the default) and English. Catalog
// text (requirement titles, 対策のポイント) is not here: it comes from the
// catalog, Japanese as the seed prints it, with an English title where the
// catalog has one. {0}, {1} … are arguments. tests/browser/web_i18n.mjs
// checks that both languages have the same keys and that every key the
// code uses exists.
const KEY = 'taisaku.lang';

export const messages = {
	ja: {
		skip_to_main: '本文へ移動', language: '言語', nav_main: 'メイン', loading: '読み込み中…', error: 'エラー',
		not_found: 'ページが見つかりません', breadcrumbs: '現在位置', signed_in_as: '{0} でサインイン中',
		nav_systems: 'システム一覧', nav_users: 'ユーザーと権限', nav_audit: '監査ログ', nav_account: 'アカウント',
		sign_in: 'サインイン', sign_out: 'サインアウト', signed_out: 'サインアウトしました', verify: '確認',
		username: 'ユーザー名', password: 'パスワード', need_username_password: 'ユーザー名とパスワードを入力してください。',
		totp_step: 'パスワードを確認しました。認証アプリに表示されている 6 桁の確認コードを入力してください。',
		totp_code: '確認コード（6 桁）', totp_code_hint: '認証アプリ（TOTP）に表示される数字',
		recovery_code: 'リカバリーコード', use_recovery_code: '確認コードの代わりにリカバリーコードを使う',
		first_steps: '最初の設定', must_change_password: '一時パスワードでサインインしました。続けるには新しいパスワードを設定してください。',
		must_enrol_totp: '管理者と組織オーナーには二要素認証（TOTP）が必要です。認証アプリを登録してください。',
		roles: 'ロール', totp: '二要素認証', totp_on: 'TOTP 登録済み', totp_off: 'TOTP 未登録',
		change_password: 'パスワードを変更', current_password: '現在のパスワード', new_password: '新しいパスワード',
		new_password_again: '新しいパスワード（確認）', password_policy: '10 文字以上で、英大文字・英小文字・数字・記号のうち 3 種類以上を含めてください。',
		passwords_differ: '確認用のパスワードが一致しません。', password_changed: 'パスワードを変更しました',
		enrol_totp: '二要素認証（TOTP）の登録', totp_start: '登録を始める',
		totp_explain: '認証アプリ（Google Authenticator、Microsoft Authenticator など）に taisaku を登録し、サインインのたびに 6 桁のコードを入力します。',
		totp_add_to_app: '次の秘密鍵を認証アプリに入力するか、otpauth URI を貼り付けてください。秘密鍵は他人に見せないでください。',
		totp_secret: '秘密鍵', totp_uri: 'otpauth URI', totp_confirm_hint: '登録後に認証アプリに表示されるコード', totp_confirm: '登録を確定',
		totp_enrolled: '二要素認証を登録しました', recovery_codes: 'リカバリーコード',
		recovery_explain: '認証アプリが使えないときに、確認コードの代わりに 1 回ずつ使えます。この画面でしか表示されません。印刷するか安全な場所に保管してください。',
		recovery_saved: '保管しました。続ける',
		role_owner: 'オーナー', role_assessor: '評価者', role_auditor: '監査人', role_viewer: '閲覧者', role_admin: 'システム管理者',
		no_organizations: '閲覧できる組織がありません。', no_systems: 'システムはまだありません。', systems_of: '{0} のシステム',
		system: 'システム', latest_round: '最新の評価', level_vs_target: '達成レベル / 目標', n_under: '目標未達', n_rounds: '評価回数',
		no_rounds: '評価はまだありません', closed: '確定', open: '作業中', level_of_target: '{0} / {1}',
		add_system: 'システムを追加', system_name: 'システム名', industry: '業種', size: '規模', need_name: '名前を入力してください。',
		system_added: '{0} を追加しました', add_org: '組織を追加', org_name: '組織名', org_added: '組織を追加しました',
		history: '評価の履歴', date: '評価日', assessor: '評価者', counts: '件数', state: '状態', actions: '操作',
		counts_line: '達成 {0}・未達 {1}・超過 {2}・不明 {3}・対象外 {4}・未評価 {5}',
		plan: '計画', assess: '評価入力', view_ratings: '評価を見る', results: '結果', document: '評価ファイル',
		close_round: '確定する', confirm_close: 'この評価を確定しますか。確定後は変更できません。', round_closed: '評価を確定しました',
		differences: '評価回の比較', diff_from: '比較元', diff_to: '比較先', compare: '比較',
		system_level: 'システムの達成レベル', target_level: 'システムの目標レベル', target: '目標', level: 'レベル', domain: '対策ドメイン', requirement: '対策要求',
		achieved: '達成', status: '状態', domains_changed: 'レベルが変わった対策ドメイン（{0}）', requirements_changed: '変わった対策要求（{0}）',
		new_round: '新しい評価回', from_plan: '前回の計画のまま', latest: '最新の評価回', from_round: '引き継ぐ評価回',
		level_needed: '最初の評価回には目標レベルが必要です', copy_ratings: '前回の評価結果も引き継ぐ', create_round: '評価回を作成',
		round_created: '評価回を作成しました', upload_document: '評価ファイル（YAML / JSON）を取り込む',
		upload_document_hint: 'taisaku の評価ファイル。新しい評価回になります。', upload: 'アップロード', choose_file: 'ファイルを選んでください。',
		uploaded: '取り込みました', attributes: '業種と規模', save: '保存', saved: '保存しました',
		assessors: '担当評価者', no_assessors: 'この組織に評価者ロールのユーザーがいません。',
		round_pages: '評価回のページ', round_is_closed: 'この評価回は確定済みのため変更できません。',
		read_only: '閲覧のみ（計画を変更できるのはオーナーと管理者です）。', read_only_rate: '閲覧のみ（このシステムの評価を入力する権限がありません）。',
		system_level_hint: 'システムに求める強度（2〜5）', level_reason: 'レベル選定の理由',
		importance: '重要度', derived_target: '導かれる目標', override: '目標の調整', override_reason: '調整の理由',
		imp_critical: '特に重要', imp_important: '重要', imp_general: '一般', imp_low: '低い',
		importance_of: '{0} の重要度', override_of: '{0} の目標の調整', override_reason_of: '{0} の目標を調整する理由',
		no_override: 'なし', plan_table_caption: '対策要求ごとの重要度と目標（調整は導かれる目標の ±1、理由が必要）',
		save_plan: '計画を保存', plan_saved: '計画を保存しました', override_needs_reason: '{0} の目標の調整には理由が必要です。',
		catalog_partial: 'このサーバーはカタログの本文を返さないため、対策要求の名称・対策のポイント・○△× の設問を表示できません（GET /api/v1/catalogs/{id}）。',
		requirement_tree: '対策要求の一覧', na_short: '対象外', purpose: '目的', points: '対策のポイント',
		previous: '← 前へ（{0}）', next: '次へ（{0}）→', coverage: 'カバー率',
		missing_for_target: '目標に足りないもの', missing_for_next: '次のレベルに足りないもの',
		rating_kind: '評価', kind_core: '評価する', kind_assets: '資産ごとに評価する', kind_na: '対象外', kind_unknown: 'わからない', kind_none: '未評価',
		choose: '選択してください', core_level: '対策コアのレベル', core_hint: '表 4-6 / 4-7 の達成要件に照らして判定します',
		assets: '資産ごとの対策コアのレベル', asset_name: '資産名', asset_important: '重要な資産', asset_core: 'コアのレベル',
		add_asset: '資産を追加', remove_asset: '資産を削除', peripherals: '周辺要素のランク',
		el_core: '対策コア', el_study: '検討レベル', el_process: 'プロセスの確立', el_management: '実行管理', el_review: '見直し', el_documentation: '文書化',
		by_rank: 'ランクで', by_answers: '○△× で', how_rated: '{0} の入力方法', rank_of: '{0} のランク', not_given: '未入力（D 扱い）',
		unnamed_column: '見出しなし（{0} 列目）', answer_every_point: '{0} は全ての項目に ○△× を答えてください。',
		na_reason: '対象外の理由', evidence: '証跡', evidence_title: '文書名', evidence_date: '日付', evidence_ref: '文書番号',
		add_evidence: '証跡を追加', remove_evidence: '証跡を削除', note: 'メモ',
		need_core: '対策コアのレベルを選んでください（未保存）。', need_asset: '資産を 1 つ以上追加してください（未保存）。',
		need_asset_fields: '各資産の名前とレベルを入力してください（未保存）。', need_na_reason: '対象外の理由を入力してください（未保存）。',
		need_evidence_title: '証跡には文書名が必要です（未保存）。', saving: '保存中…', saved_at: '{0} に保存しました', not_saved: '保存されていません',
		saved_level: '保存しました。システムの達成レベルは {0} です',
		status_met: '達成', status_under: '目標未達', status_over: '目標超過', status_unknown: '不明', status_na: '対象外', status_unassessed: '未評価',
		downloads: 'ダウンロードと取り込み', report_kind: 'レポートの種類', report_assessment: '評価レポート', report_plan: 'セキュリティ対策計画書',
		report_improvement: '改善計画書', output_language: '出力の言語', download_report: 'レポートをダウンロード',
		workbook_format: 'チェックリストの形式', download_workbook: 'チェックリストをダウンロード', download_document: '評価ファイルをダウンロード',
		upload_workbook: '記入済みチェックリストを取り込む', upload_workbook_hint: 'この評価回から書き出した .xlsx または .csv。評価結果が置き換わります。',
		workbook_imported: 'チェックリストを取り込みました', workbook_imported_level: 'チェックリストを取り込みました。システムの達成レベルは {0} です。',
		charts: '対策ドメインのレベル', no_charts: 'グラフはありません。', gaps: '目標に届かない対策要求（{0}）', no_gaps: '目標に届かない対策要求はありません。',
		next_level_checklist: '次のレベルへのチェックリスト（{0}）', nothing_next: '該当なし。', show_checklist: 'チェックリストを表示',
		to_level: 'レベル {0} へ', other_findings: 'その他', list_unknown: 'わからない（{0}）', list_unassessed: '未評価（{0}）', list_na: '対象外（{0}）', none: 'なし。',
		disable: '無効にする', enable: '有効にする', disabled: '無効', active: '有効', one_time_pw: '一時パスワード',
		revoke_sessions: 'セッションを失効', sessions_revoked: 'セッションを失効させました', reset_password: 'パスワードを再設定',
		one_time_password: '一時パスワード', set_roles: 'ロールを設定', no_role: 'なし', role_in: '{0} でのロール',
		add_user: 'ユーザーを追加', user_added: 'ユーザーを追加しました',
		members_of: '{0} のメンバー', role: 'ロール', role_of: '{0} のロール', no_members: 'メンバーはいません',
		add_member: 'メンバーを追加', add_member_hint: '登録済みのユーザー名（ユーザーの作成はシステム管理者が行います）',
		member_added: 'メンバーを追加しました', remove_member: 'この組織から外す', member_removed: 'この組織から外しました',
		chain_ok: 'ハッシュチェーンは検証済みです（改ざんなし）。', chain_broken: 'ハッシュチェーンが壊れています。taisaku audit verify で確認してください。',
		audit_at: '日時（JST）', audit_user: 'ユーザー', audit_action: '操作', audit_target: '対象', audit_detail: '詳細', audit_remote: '接続元',
		// compliance rounds (views/compliance.js, views/compliance_results.js)
		cs_differences: '準拠性評価の評価回の違い', cs_sections_changed: '準拠率が変わった節（{0}）', cs_items_changed: '状況が変わった項目（{0}）',
		cs_unassessed: '未評価', cs_implemented: '実施済み', cs_partial: '一部実施', cs_not_implemented: '未実施', cs_na: '対象外', cs_unknown: '不明',
		cs_counts_line: '実施済み {0}・一部実施 {1}・未実施 {2}・対象外 {3}・不明 {4}・未評価 {5}',
		cs_items: '項目の評価', cs_catalog: '準拠性評価（カタログ {0}）', cs_compliance: '準拠率',
		cs_editor_hint: '項目ごとに状況を選ぶと、その場で保存され準拠率が更新されます。対象外には理由が必要です。準拠率 =（実施済み + 一部実施 × ½）÷ 対象外を除く項目数。',
		cs_role: '担当', cs_documents: '必要な文書・記録', cs_action: '対応', cs_action_content: '対応の内容', cs_action_due: '期限', cs_action_owner: '責任者',
		cs_saved: '保存しました。準拠率は {0} です', cs_by_view: '観点ごとの準拠率', cs_by_section: '節ごとの準拠率', cs_view: '観点', cs_section: '節',
		cs_open_items: '未完了の項目（{0}）', cs_item: '項目',
		cs_upload_workbook_hint: 'この評価回から書き出した .xlsx または .csv。変更した項目の状況が取り込まれます。',
		cs_workbook_imported: 'チェックリストを取り込みました。準拠率は {0} です。',
		cs_new_round_catalog: 'カタログ（準拠性評価のカタログでは目標レベルは使いません）',
		// the peer comparison (views/peers.js)
		peers: '同業比較', peers_of: '{0} の同業比較', peer_attributes: '比較の属性', peer_group_all: 'なし（同じカタログの全システム）',
		peers_show: '表示', peer_counts: '比較対象: {0} システム、{1} 組織',
		peers_kanon: '比較対象の組織が {0} 未満のため、統計は示しません（k-匿名性）。',
		peers_no_round: 'このシステムには強度評価の評価回がないため、比較できません。',
		peers_radar: 'ドメインごとのレベルと比較対象の平均', peers_this_system: 'このシステム', peers_mean: '比較対象の平均',
		peers_system_views: 'システムとビュー', peers_entry: '対象', peers_whole: 'システム全体',
		peers_lagging: '比較対象より遅れている要求（偏差値の低い順、最大 {0}）', peers_domains: 'ドメイン', peers_requirements: '要求（すべて）',
		peers_count: '件数', peers_mean_col: '平均', peers_sd: '標準偏差', peers_percentile: 'パーセンタイル', peers_deviation: '偏差値',
	},
	en: {
		skip_to_main: 'Skip to content', language: 'Language', nav_main: 'Main', loading: 'Loading…', error: 'Error',
		not_found: 'Page not found', breadcrumbs: 'You are here', signed_in_as: 'Signed in as {0}',
		nav_systems: 'Systems', nav_users: 'Users and roles', nav_audit: 'Audit trail', nav_account: 'Account',
		sign_in: 'Sign in', sign_out: 'Sign out', signed_out: 'Signed out', verify: 'Verify',
		username: 'User name', password: 'Password', need_username_password: 'Enter your user name and password.',
		totp_step: 'Password accepted. Enter the six-digit code your authenticator app shows.',
		totp_code: 'Code (6 digits)', totp_code_hint: 'The number in your authenticator app (TOTP)',
		recovery_code: 'Recovery code', use_recovery_code: 'Use a recovery code instead of the app',
		first_steps: 'First steps', must_change_password: 'You signed in with a one-time password. Set a new password to continue.',
		must_enrol_totp: 'Administrators and organisation owners need a second factor (TOTP). Enrol an authenticator app.',
		roles: 'Roles', totp: 'Second factor', totp_on: 'TOTP enrolled', totp_off: 'no TOTP',
		change_password: 'Change password', current_password: 'Current password', new_password: 'New password',
		new_password_again: 'New password (again)', password_policy: 'At least 10 characters, with 3 of: upper case, lower case, digits, symbols.',
		passwords_differ: 'The two new passwords differ.', password_changed: 'Password changed',
		enrol_totp: 'Enrol a second factor (TOTP)', totp_start: 'Start',
		totp_explain: 'Add taisaku to an authenticator app (Google Authenticator, Microsoft Authenticator …) and enter its six-digit code at every sign-in.',
		totp_add_to_app: 'Type this secret into your authenticator app or paste the otpauth URI. Keep the secret to yourself.',
		totp_secret: 'Secret', totp_uri: 'otpauth URI', totp_confirm_hint: 'The code the app shows once the account is added', totp_confirm: 'Confirm',
		totp_enrolled: 'Second factor enrolled', recovery_codes: 'Recovery codes',
		recovery_explain: 'Each code works once in place of the app\'s code. They are shown only now: print them or keep them somewhere safe.',
		recovery_saved: 'I have kept them. Continue',
		role_owner: 'owner', role_assessor: 'assessor', role_auditor: 'auditor', role_viewer: 'viewer', role_admin: 'system administrator',
		no_organizations: 'No organisation to show.', no_systems: 'No systems yet.', systems_of: 'Systems of {0}',
		system: 'System', latest_round: 'Latest round', level_vs_target: 'Level / target', n_under: 'Under target', n_rounds: 'Rounds',
		no_rounds: 'No rounds yet', closed: 'closed', open: 'open', level_of_target: '{0} / {1}',
		add_system: 'Add a system', system_name: 'System name', industry: 'Industry', size: 'Size', need_name: 'Enter a name.',
		system_added: '{0} added', add_org: 'Add an organisation', org_name: 'Organisation name', org_added: 'Organisation added',
		history: 'History', date: 'Date', assessor: 'Assessor', counts: 'Counts', state: 'State', actions: 'Actions',
		counts_line: 'met {0} · under {1} · over {2} · unknown {3} · n/a {4} · unassessed {5}',
		plan: 'Plan', assess: 'Assess', view_ratings: 'View ratings', results: 'Results', document: 'Document',
		close_round: 'Close', confirm_close: 'Close this round? It cannot be changed afterwards.', round_closed: 'Round closed',
		differences: 'Compare rounds', diff_from: 'From', diff_to: 'To', compare: 'Compare',
		system_level: 'System level', target_level: 'Target level of the system', target: 'target', level: 'level', domain: 'Domain', requirement: 'Requirement',
		achieved: 'achieved', status: 'Status', domains_changed: 'Domains whose level changed ({0})', requirements_changed: 'Requirements that changed ({0})',
		new_round: 'New round', from_plan: 'as in the plan', latest: 'the latest round', from_round: 'Take the plan of',
		level_needed: 'The first round needs a target level', copy_ratings: 'Copy the ratings too', create_round: 'Create the round',
		round_created: 'Round created', upload_document: 'Import an assessment file (YAML / JSON)',
		upload_document_hint: 'A taisaku assessment file; it becomes a new round.', upload: 'Upload', choose_file: 'Choose a file.',
		uploaded: 'Imported', attributes: 'Industry and size', save: 'Save', saved: 'Saved',
		assessors: 'Assessors', no_assessors: 'No user holds the assessor role in this organisation.',
		round_pages: 'Round pages', round_is_closed: 'This round is closed and cannot change.',
		read_only: 'Read only (owners and administrators change the plan).', read_only_rate: 'Read only (you may not rate this system).',
		system_level_hint: 'The strength the system needs (2 to 5)', level_reason: 'Why this level',
		importance: 'Importance', derived_target: 'Derived target', override: 'Override', override_reason: 'Reason for the override',
		imp_critical: 'critical', imp_important: 'important', imp_general: 'general', imp_low: 'low',
		importance_of: 'Importance of {0}', override_of: 'Target override of {0}', override_reason_of: 'Reason for overriding the target of {0}',
		no_override: 'none', plan_table_caption: 'Importance and target per requirement (an override is ±1 around the derived target and needs a reason)',
		save_plan: 'Save the plan', plan_saved: 'Plan saved', override_needs_reason: 'The override of {0} needs a reason.',
		catalog_partial: 'This server does not give the catalog\'s text, so requirement titles, countermeasure points and the ○△× questions cannot be shown (GET /api/v1/catalogs/{id}).',
		requirement_tree: 'Requirements', na_short: 'n/a', purpose: 'Purpose', points: 'Countermeasure points (対策のポイント)',
		previous: '← Previous ({0})', next: 'Next ({0}) →', coverage: 'coverage',
		missing_for_target: 'Missing for the target', missing_for_next: 'Missing for the next level',
		rating_kind: 'Rating', kind_core: 'Rated', kind_assets: 'Rated per asset', kind_na: 'Not applicable', kind_unknown: 'Unknown', kind_none: 'Not assessed',
		choose: 'Choose', core_level: 'Core level', core_hint: 'Judged against the achievement conditions of tables 4-6 / 4-7',
		assets: 'Core level per asset', asset_name: 'Asset', asset_important: 'Important', asset_core: 'Core level',
		add_asset: 'Add an asset', remove_asset: 'Remove the asset', peripherals: 'Peripheral ranks',
		el_core: 'core', el_study: 'Study', el_process: 'Process', el_management: 'Management', el_review: 'Review', el_documentation: 'Documentation',
		by_rank: 'by rank', by_answers: 'by ○△×', how_rated: 'How {0} is given', rank_of: 'Rank of {0}', not_given: 'not given (counts as D)',
		unnamed_column: 'no heading (column {0})', answer_every_point: 'Answer every point of {0} with ○, △ or ×.',
		na_reason: 'Reason it does not apply', evidence: 'Evidence', evidence_title: 'Title', evidence_date: 'Date', evidence_ref: 'Reference',
		add_evidence: 'Add evidence', remove_evidence: 'Remove the evidence', note: 'Note',
		need_core: 'Choose the core level (not saved).', need_asset: 'Add at least one asset (not saved).',
		need_asset_fields: 'Give every asset a name and a level (not saved).', need_na_reason: 'Give the reason it does not apply (not saved).',
		need_evidence_title: 'Evidence needs a title (not saved).', saving: 'Saving…', saved_at: 'Saved at {0}', not_saved: 'Not saved',
		saved_level: 'Saved. The system level is {0}',
		status_met: 'met', status_under: 'under target', status_over: 'over target', status_unknown: 'unknown', status_na: 'not applicable', status_unassessed: 'not assessed',
		downloads: 'Downloads and uploads', report_kind: 'Report', report_assessment: 'Assessment report', report_plan: 'Security measures plan',
		report_improvement: 'Improvement plan', output_language: 'Language', download_report: 'Download the report',
		workbook_format: 'Checklist format', download_workbook: 'Download the checklist', download_document: 'Download the assessment file',
		upload_workbook: 'Import a filled checklist', upload_workbook_hint: 'An .xlsx or .csv exported from this round; its ratings replace the round\'s.',
		workbook_imported: 'Checklist imported', workbook_imported_level: 'Checklist imported. The system level is {0}.',
		charts: 'Domain levels', no_charts: 'No charts.', gaps: 'Requirements under target ({0})', no_gaps: 'Every rated requirement meets its target.',
		next_level_checklist: 'Checklist for the next level ({0})', nothing_next: 'Nothing.', show_checklist: 'Show the checklist',
		to_level: 'to level {0}', other_findings: 'Other findings', list_unknown: 'Unknown ({0})', list_unassessed: 'Not assessed ({0})', list_na: 'Not applicable ({0})', none: 'None.',
		disable: 'Disable', enable: 'Enable', disabled: 'disabled', active: 'active', one_time_pw: 'one-time password',
		revoke_sessions: 'Revoke sessions', sessions_revoked: 'Sessions revoked', reset_password: 'Reset the password',
		one_time_password: 'One-time password', set_roles: 'Set roles', no_role: 'none', role_in: 'Role in {0}',
		add_user: 'Add a user', user_added: 'User added',
		members_of: 'Members of {0}', role: 'Role', role_of: 'Role of {0}', no_members: 'No members',
		add_member: 'Add a member', add_member_hint: 'the name of an existing user (system administrators create users)',
		member_added: 'Member added', remove_member: 'Remove from this organisation', member_removed: 'Removed from this organisation',
		chain_ok: 'The hash chain verifies (not tampered with).', chain_broken: 'The hash chain is broken: run taisaku audit verify.',
		audit_at: 'When (JST)', audit_user: 'User', audit_action: 'Action', audit_target: 'Target', audit_detail: 'Detail', audit_remote: 'From',
		// compliance rounds (views/compliance.js, views/compliance_results.js)
		cs_differences: 'Differences between compliance rounds', cs_sections_changed: 'Sections whose compliance changed ({0})', cs_items_changed: 'Items whose status changed ({0})',
		cs_unassessed: 'not assessed', cs_implemented: 'implemented', cs_partial: 'partial', cs_not_implemented: 'not implemented', cs_na: 'not applicable', cs_unknown: 'unknown',
		cs_counts_line: 'implemented {0} · partial {1} · not implemented {2} · n/a {3} · unknown {4} · not assessed {5}',
		cs_items: 'Items', cs_catalog: 'Compliance assessment (catalog {0})', cs_compliance: 'Compliance',
		cs_editor_hint: 'Choose each item\'s status: it is saved at once and the compliance is updated. Not applicable needs a reason. Compliance = (implemented + ½ × partial) ÷ the items that apply.',
		cs_role: 'Role', cs_documents: 'Documents and records required', cs_action: 'Action', cs_action_content: 'What is to be done', cs_action_due: 'Due', cs_action_owner: 'Owner',
		cs_saved: 'Saved. The compliance is {0}', cs_by_view: 'Compliance per view', cs_by_section: 'Compliance per section', cs_view: 'View', cs_section: 'Section',
		cs_open_items: 'Open items ({0})', cs_item: 'Item',
		cs_upload_workbook_hint: 'An .xlsx or .csv exported from this round; the statuses it changes are imported.',
		cs_workbook_imported: 'Checklist imported. The compliance is {0}.',
		cs_new_round_catalog: 'Catalog (a compliance catalog needs no target level)',
		// the peer comparison (views/peers.js)
		peers: 'Peer comparison', peers_of: 'Peer comparison of {0}', peer_attributes: 'Peer attributes', peer_group_all: 'none (every system of the catalog)',
		peers_show: 'Show', peer_counts: 'Peers: {0} systems, {1} organisations',
		peers_kanon: 'Fewer than {0} organisations in the group: no statistics are shown (k-anonymity).',
		peers_no_round: 'This system has no strength-assessment round to compare.',
		peers_radar: 'Domain levels against the peer mean', peers_this_system: 'this system', peers_mean: 'peer mean',
		peers_system_views: 'System and views', peers_entry: 'Entry', peers_whole: 'whole system',
		peers_lagging: 'Requirements where the system lags most (lowest deviation value first, at most {0})', peers_domains: 'Domains', peers_requirements: 'Requirements (all)',
		peers_count: 'Count', peers_mean_col: 'Mean', peers_sd: 'SD', peers_percentile: 'Percentile', peers_deviation: 'Deviation',
	},
};

let lang = (() => {
	try {
		const saved = localStorage.getItem(KEY);
		if (saved === 'ja' || saved === 'en')
			return saved;
	} catch { /* storage disabled: Japanese */ }
	return 'ja';
})();
const listeners = [];

export function getLang() {
	return lang;
}

export function setLang(l) {
	lang = l === 'en' ? 'en' : 'ja';
	try {
		localStorage.setItem(KEY, lang);
	} catch { /* not kept: fine */ }
	for (const f of listeners)
		f(lang);
}

export function onLangChange(f) {
	listeners.push(f);
}

export function t(key, ...args) {
	const table = messages[lang];
	let s = table[key] ?? messages.ja[key];
	if (s === undefined)
		return key;
	return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}
