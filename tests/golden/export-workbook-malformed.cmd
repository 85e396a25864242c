export tests/data/assessments/bad-key.yaml --format csv
