portfolio 青浜コンテナターミナル株式会社 --format json
