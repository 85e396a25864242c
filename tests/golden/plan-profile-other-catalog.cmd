plan --profile small-company --catalog atla-ssr
