plan --catalog port-tos --name ゲートシステム
