evaluate examples/port-terminal-tos.yaml --format html
