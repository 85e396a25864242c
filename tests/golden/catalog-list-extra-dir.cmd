catalog list --catalog-dir tests/data/extra
