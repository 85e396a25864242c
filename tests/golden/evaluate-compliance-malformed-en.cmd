evaluate tests/data/compliance/port-tos-malformed.yaml --lang en
