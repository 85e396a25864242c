export tests/data/workbooks/mini-assessment.yaml --catalog-dir tests/data -o "$GOLDEN_TMP/sheet.xlsx"
