help db
