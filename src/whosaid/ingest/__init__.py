"""whosaid ingest stage."""
