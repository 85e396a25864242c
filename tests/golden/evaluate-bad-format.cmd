evaluate examples/small-company.yaml --format pdf
