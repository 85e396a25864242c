report examples/port-terminal-tos.yaml --kind ssp --lang en
