catalog coverage nisc-2012 space-rules
