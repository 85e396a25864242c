catalog coverage ecom-2004
