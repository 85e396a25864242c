evaluate examples/ordinary-company-2026.yaml --format json
