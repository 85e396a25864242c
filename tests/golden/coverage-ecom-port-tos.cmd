catalog coverage ecom-2004 port-tos
