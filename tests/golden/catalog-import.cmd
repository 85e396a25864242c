catalog import tests/data/oscal/small-catalog.json --id small
