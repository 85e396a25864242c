evaluate examples/small-company.yaml
