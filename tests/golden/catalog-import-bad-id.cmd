catalog import tests/data/oscal/small-catalog.json --id Small_Catalog
