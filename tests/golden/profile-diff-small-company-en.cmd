profile diff examples/small-company.yaml small-company --lang en
