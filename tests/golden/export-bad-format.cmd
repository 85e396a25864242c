catalog export ecom-2004 --format xml
