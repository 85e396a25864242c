export --format oscal
