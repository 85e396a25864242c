profile diff examples/none.yaml small-company
