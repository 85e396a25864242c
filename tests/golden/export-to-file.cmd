catalog export tests/data/mini.yaml --format csv -o "$GOLDEN_TMP/mini.csv.file"
