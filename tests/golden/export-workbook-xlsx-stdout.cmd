export tests/data/workbooks/mini-assessment.yaml --format xlsx --catalog-dir tests/data
