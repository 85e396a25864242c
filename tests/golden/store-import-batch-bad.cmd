round import --batch tests/data/assessments --system 受注管理システム
