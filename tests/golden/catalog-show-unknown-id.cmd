catalog show ecom-2004 Zz9.9
