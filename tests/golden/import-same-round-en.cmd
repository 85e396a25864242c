import tests/data/workbooks/mini.xlsx --base tests/data/workbooks/mini-assessment.yaml --catalog-dir tests/data --lang en
