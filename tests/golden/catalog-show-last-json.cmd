catalog show ecom-2004 Aa2.2 --json
