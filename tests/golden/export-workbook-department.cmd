export tests/data/workbooks/mini-assessment.yaml --format csv --department operations --catalog-dir tests/data -o "$GOLDEN_TMP/operations.file"
