round import tests/data/assessments/bad-key.yaml --system 受注管理システム
