round delete 1
