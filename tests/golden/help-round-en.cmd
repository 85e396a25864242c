help round --lang en
