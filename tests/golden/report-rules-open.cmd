report tests/data/rules/space-rules-open.yaml --kind rules -o "$GOLDEN_TMP/rules.file"
