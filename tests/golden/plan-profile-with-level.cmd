plan --profile small-company --level 3
