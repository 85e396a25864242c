catalog show tests/data/bad-unknown-key.yaml --lang en
