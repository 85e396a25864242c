catalog
