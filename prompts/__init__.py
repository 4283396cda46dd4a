"""govqa: prompts."""
