profile diff examples/financial-institution.yaml financial-institution
