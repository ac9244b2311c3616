"""whosaid store stage."""
