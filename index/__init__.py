"""govqa: index."""
