profile compare
