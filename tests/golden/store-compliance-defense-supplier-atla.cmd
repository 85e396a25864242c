history "設計情報保護システム"
