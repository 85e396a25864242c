plan --catalog ecom-2004 --level 4 --lang en
