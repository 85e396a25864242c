report examples/small-company.yaml --kind rules
