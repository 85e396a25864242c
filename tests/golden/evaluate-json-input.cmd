evaluate tests/data/assessments/small-company.json --lang en
