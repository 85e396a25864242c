profile list --lang en
