evaluate tests/data/assessments/with-bom.yaml --format json
