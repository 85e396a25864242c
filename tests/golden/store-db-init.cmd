db init
