catalog list --json
