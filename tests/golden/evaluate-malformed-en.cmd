evaluate tests/data/assessments/bad-key.yaml --lang en
