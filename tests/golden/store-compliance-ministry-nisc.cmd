history "本省LAN（行政情報ネットワーク）"
