"""govqa: eval."""
