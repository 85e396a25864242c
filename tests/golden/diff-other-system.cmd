diff examples/small-company.yaml examples/ordinary-company-2026.yaml
