"""govqa: core — the typed values, errors and settings every stage shares; imports no stage."""
