"""govqa: ui."""
