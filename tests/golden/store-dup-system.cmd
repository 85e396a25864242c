system add 受注管理システム --org 株式会社北辰精機製作所
