catalog coverage ecom-2004 nisc-2012
