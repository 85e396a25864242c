diff tests/data/compliance/port-tos-2025.yaml examples/port-terminal-tos.yaml
