round delete 2
