catalogue list
