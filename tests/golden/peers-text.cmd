peers 受注管理システム
