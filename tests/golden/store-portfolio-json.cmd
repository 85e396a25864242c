portfolio 株式会社北辰精機製作所 --format json
