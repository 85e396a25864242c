import tests/data/workbooks/mini.xlsx --base
