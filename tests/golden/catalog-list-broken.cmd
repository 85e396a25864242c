catalog list --catalog-dir tests/data/broken
