catalog export tests/data/mini.yaml --format json -o /nonexistent/dir/out.json
