catalog remove ecom-2004
