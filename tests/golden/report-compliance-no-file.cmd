report --kind compliance
