project examples/small-company.yaml
