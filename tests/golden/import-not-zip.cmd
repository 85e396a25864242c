import tests/data/workbooks/not-a-zip.xlsx tests/data/workbooks/mini-filled.csv --base tests/data/workbooks/mini-assessment.yaml --catalog-dir tests/data
