export examples/port-terminal-tos.yaml --format csv
