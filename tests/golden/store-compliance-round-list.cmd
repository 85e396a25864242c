round list --system ターミナルオペレーションシステム（TOS）
