help profile
