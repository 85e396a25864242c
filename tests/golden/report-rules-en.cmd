report examples/port-terminal-tos.yaml --kind rules --lang en
