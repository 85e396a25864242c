evaluate --batch examples
