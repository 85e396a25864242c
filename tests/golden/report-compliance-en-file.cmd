report examples/space-operator-rules.yaml --lang en -o "$GOLDEN_TMP/report.file"
