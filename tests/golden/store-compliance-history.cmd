history ターミナルオペレーションシステム（TOS）
