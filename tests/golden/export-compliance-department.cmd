export examples/port-terminal-tos.yaml --format csv --department operations
