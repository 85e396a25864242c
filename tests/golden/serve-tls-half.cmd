serve --tls-cert only.pem
