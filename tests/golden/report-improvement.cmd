report examples/ordinary-company-2025.yaml --kind improvement
