export tests/data/workbooks/mini-assessment.yaml --format xlsx --catalog-dir tests/data -o tests/data/workbooks/mini-assessment.yaml
