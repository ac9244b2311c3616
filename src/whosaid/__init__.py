"""whosaid: who said what, when, about what - and who contradicts whom."""

__version__ = "0.1.0"
