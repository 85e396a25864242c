report examples/defense-supplier-atla.yaml --kind ssp
