profile diff examples/ordinary-company-2026.yaml ordinary-company
