diff examples/small-company.yaml examples/port-terminal-tos.yaml
