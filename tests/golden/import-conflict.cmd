import tests/data/workbooks/mini-dept-a.csv tests/data/workbooks/mini-dept-b.csv --base tests/data/workbooks/mini-assessment.yaml --catalog-dir tests/data -o "$GOLDEN_TMP/imported.file"
