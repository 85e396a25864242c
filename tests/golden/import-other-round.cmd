import tests/data/workbooks/mini.xlsx --base tests/data/workbooks/mini-next-round.yaml --catalog-dir tests/data -o "$GOLDEN_TMP/never.file"
