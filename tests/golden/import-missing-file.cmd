import tests/data/workbooks/no-such.xlsx --catalog-dir tests/data
