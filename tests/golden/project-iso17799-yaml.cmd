project examples/small-company.yaml --to iso17799 --format yaml
