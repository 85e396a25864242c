report examples/small-company.yaml --kind compliance
