project examples/small-company.yaml --to nisc-2013
