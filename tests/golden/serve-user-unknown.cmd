user disable nobody
