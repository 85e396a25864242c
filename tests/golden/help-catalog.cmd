help catalog
