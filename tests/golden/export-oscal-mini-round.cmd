export tests/data/mini-assessments/mini-round.yaml --format oscal --catalog-dir tests/data
