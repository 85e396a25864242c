round close 1
