catalog import tests/data/oscal/none.json
