export examples/small-company.yaml --format oscal-ar
