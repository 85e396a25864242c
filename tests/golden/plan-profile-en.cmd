plan --profile defense-supplier --lang en
