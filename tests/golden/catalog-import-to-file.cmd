catalog import tests/data/oscal/small-catalog.json -o "$GOLDEN_TMP/small.yaml.file"
