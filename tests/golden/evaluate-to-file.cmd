evaluate tests/data/assessments/met.yaml -o "$GOLDEN_TMP/result.file"
