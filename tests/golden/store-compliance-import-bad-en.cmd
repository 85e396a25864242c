round import tests/data/compliance/port-tos-malformed.yaml --lang en
