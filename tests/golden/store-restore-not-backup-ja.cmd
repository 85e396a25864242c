db restore examples/small-company.yaml
