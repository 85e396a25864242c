catalog show ecom-2004 Tb1
