profile diff examples/small-company.yaml ordinary-company
