profile show tests/data/profiles/bad-override.yaml
