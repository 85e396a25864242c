import tests/data/workbooks/port-filled.csv --base examples/port-terminal-tos.yaml
