db restore tests/golden/nosuch.tkb
