portfolio ○○省 --lang en --db 'postgres://taisaku:s3cret-in-url@127.0.0.1:1/taisaku?connect_timeout=5'
