profile show small-compnay --lang en
