catalog export ecom-2004
