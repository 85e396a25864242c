profile show tests/data/profiles/bad-catalog.yaml
