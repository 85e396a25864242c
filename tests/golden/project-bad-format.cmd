project examples/small-company.yaml --to port-tos --format html
