"""whosaid api stage."""
