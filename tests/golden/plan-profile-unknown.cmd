plan --profile bank
