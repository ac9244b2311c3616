"""whosaid extract stage."""
