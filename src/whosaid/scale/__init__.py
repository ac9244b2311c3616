"""whosaid scale stage."""
