report examples/port-terminal-tos.yaml
