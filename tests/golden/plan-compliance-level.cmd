plan --catalog nisc-2012 --level 3
