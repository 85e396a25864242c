history ターミナルオペレーションシステム（TOS） --format json --lang en
