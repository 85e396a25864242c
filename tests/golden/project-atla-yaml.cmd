project examples/ordinary-company-2026.yaml --to atla-ssr --format yaml -o "$GOLDEN_TMP/atla.file"
