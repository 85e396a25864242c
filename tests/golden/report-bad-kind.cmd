report examples/ordinary-company-2026.yaml --kind summary -o "$GOLDEN_TMP/never.file"
