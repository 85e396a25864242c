help profile --lang en
