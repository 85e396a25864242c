evaluate examples/ministry-nisc.yaml
