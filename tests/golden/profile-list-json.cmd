profile list --json
