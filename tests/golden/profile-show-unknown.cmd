profile show small-compnay
