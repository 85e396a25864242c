history 在庫管理システム
