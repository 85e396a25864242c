report tests/data/mini-assessments/mini-round.yaml --catalog-dir tests/data/extra -o "$GOLDEN_TMP/report.html.file"
