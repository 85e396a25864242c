project examples/financial-institution.yaml --to space-rules --format yaml
