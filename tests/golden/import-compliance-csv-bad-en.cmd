import tests/data/workbooks/port-bad.csv --base examples/port-terminal-tos.yaml --lang en
