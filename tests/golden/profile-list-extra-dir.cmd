profile list --catalog-dir tests/data
