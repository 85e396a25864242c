catalog show ecom-2004 A
