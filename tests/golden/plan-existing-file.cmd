plan --catalog ecom-2004 --level 3 -o examples/small-company.yaml
