import -o "$GOLDEN_TMP/imported.file"
