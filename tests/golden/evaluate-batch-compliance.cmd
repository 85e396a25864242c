evaluate --batch tests/data/compliance
