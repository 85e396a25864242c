project examples/small-company.yaml --to ecom-2004
