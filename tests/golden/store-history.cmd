history 受注管理システム
