history 両方 --lang en
