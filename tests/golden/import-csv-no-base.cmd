import tests/data/workbooks/mini-filled.csv --catalog-dir tests/data
