report tests/data/assessments/bad-key.yaml -o "$GOLDEN_TMP/never.file"
