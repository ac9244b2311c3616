"""whosaid at scale: the Spark job (``job``), its Parquet tables (``tables``) and ``whosaid load`` (``load``).

See docs/scale.md. The job runs the local pipeline's own functions per partition; nothing here is a
second extractor.
"""
