report tests/data/mini-assessments/mini-round.yaml --catalog-dir tests/data/extra --kind improvement
