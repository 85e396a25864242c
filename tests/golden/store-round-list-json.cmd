round list --system 受注管理システム --format json
