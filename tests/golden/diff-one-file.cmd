diff examples/small-company.yaml
