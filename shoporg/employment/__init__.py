"""Employment: what a person costs the employer and takes home."""
