project examples/small-company.yaml --to port-tos --catalog-dir tests/data/mappings-bad
