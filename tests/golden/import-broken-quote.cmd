import tests/data/workbooks/mini-broken-quote.csv --base tests/data/workbooks/mini-assessment.yaml --catalog-dir tests/data
