profile diff tests/data/plan-port-terminal-operator.yaml port-terminal-operator
