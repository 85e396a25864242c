export tests/data/mini-assessments/mini-round.yaml --format oscal-poam --catalog-dir tests/data
