profile show defense-supplier --json
