catalog export tests/data/mini.yaml --format oscal
