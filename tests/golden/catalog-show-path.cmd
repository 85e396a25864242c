catalog show tests/data/mini.yaml
