evaluate examples/port-terminal-tos.yaml --json
