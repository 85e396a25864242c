peers 受注管理システム --format json
