export tests/data/workbooks/mini-assessment.yaml --format csv --department 総務部 --catalog-dir tests/data
