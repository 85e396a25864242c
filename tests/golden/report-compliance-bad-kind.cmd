report examples/port-terminal-tos.yaml --kind plan
