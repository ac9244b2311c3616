"""The bundled demo corpus: invented articles about one event, in several formats.

The articles live in ``articles/`` so that ``whosaid ingest <that folder>`` reads only articles; the
licence and the intended conflicts (``EXPECTED.md``) sit beside it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_dir() -> Path:
    """The folder holding the demo articles (inside the installed package)."""
    return Path(str(resources.files(__package__))) / "articles"


def demo_paths() -> list[str]:
    """The demo article files, sorted."""
    return sorted(str(path) for path in demo_dir().iterdir() if path.is_file())
