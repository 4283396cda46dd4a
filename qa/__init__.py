"""govqa: qa."""
