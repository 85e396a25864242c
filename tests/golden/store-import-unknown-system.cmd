round import examples/small-company.yaml
