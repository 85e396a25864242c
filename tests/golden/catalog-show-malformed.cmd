catalog show tests/data/bad-unknown-key.yaml
