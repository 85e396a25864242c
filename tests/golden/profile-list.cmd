profile list
