user add 山田 --role 部長 --org 株式会社北辰精機製作所
