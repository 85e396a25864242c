serve --listen nonsense
