catalog show ecom-2004 Ma1.1 --json
