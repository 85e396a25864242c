import tests/data/workbooks/port-bad.csv --base examples/port-terminal-tos.yaml -o "$GOLDEN_TMP/out.file"
