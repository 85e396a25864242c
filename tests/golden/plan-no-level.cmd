plan --catalog ecom-2004
