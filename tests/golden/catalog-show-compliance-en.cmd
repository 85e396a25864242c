catalog show atla-ssr S2.1.2 --lang en
