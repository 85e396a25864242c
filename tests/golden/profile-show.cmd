profile show small-company
