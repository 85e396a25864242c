evaluate tests/data/assessments/met.yaml
