report tests/data/rules/space-rules-open.yaml --kind rules --lang en
