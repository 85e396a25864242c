catalog show ecom-2000
