round list --system 受注管理システム
