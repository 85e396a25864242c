evaluate examples/financial-institution.yaml --lang en
