evaluate --batch examples --format json
