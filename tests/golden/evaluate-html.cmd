evaluate tests/data/assessments/met.yaml --format html
