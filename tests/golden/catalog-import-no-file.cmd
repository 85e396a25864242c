catalog import
