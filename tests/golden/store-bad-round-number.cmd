round export x1 -o out.yaml
