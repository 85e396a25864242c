catalog show ecom-2004 --lang en
