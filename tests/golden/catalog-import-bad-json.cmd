catalog import tests/data/oscal/bad-syntax.json
