help project
