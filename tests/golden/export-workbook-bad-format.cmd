export tests/data/workbooks/mini-assessment.yaml --format pdf --catalog-dir tests/data -o "$GOLDEN_TMP/sheet.pdf"
