export examples/small-company.yaml --format oscal --department operations
