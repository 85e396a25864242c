round import examples/ordinary-company-2025.yaml examples/ordinary-company-2026.yaml
