org list --db sqlite:no-such-dir/taisaku.db
