catalog coverage port-tos ecom-2004 --format json
