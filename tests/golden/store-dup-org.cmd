org add 官公庁
