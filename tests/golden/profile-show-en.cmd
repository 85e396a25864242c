profile show financial-institution --lang en
