export examples/ordinary-company-2026.yaml --format oscal-poam -o "$GOLDEN_TMP/poam.json.file"
