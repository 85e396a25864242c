project examples/ordinary-company-2026.yaml --to iso17799
