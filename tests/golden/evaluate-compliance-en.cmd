evaluate examples/port-terminal-tos.yaml --lang en
