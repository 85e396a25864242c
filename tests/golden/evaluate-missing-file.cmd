evaluate tests/data/assessments/nosuch.yaml
