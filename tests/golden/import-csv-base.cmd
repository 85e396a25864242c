import tests/data/workbooks/mini-filled.csv --base tests/data/workbooks/mini-assessment.yaml --catalog-dir tests/data -o "$GOLDEN_TMP/imported.file"
