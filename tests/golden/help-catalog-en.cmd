help catalog --lang en
