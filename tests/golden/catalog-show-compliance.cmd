catalog show atla-ssr S6.1.3.d.i
