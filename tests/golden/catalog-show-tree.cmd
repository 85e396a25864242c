catalog show ecom-2004
