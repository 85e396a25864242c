plan --catalog ecom-2004 --level 6
