import tests/data/workbooks/mini.xlsx --catalog-dir tests/data
