catalog export tests/data/mini.yaml --format json
