import tests/data/workbooks/port-filled.csv
