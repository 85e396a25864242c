report examples/space-operator-rules.yaml --kind rules
