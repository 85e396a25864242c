export tests/data/workbooks/mini-assessment.yaml --format csv --catalog-dir tests/data --department
