"""whosaid web stage."""
