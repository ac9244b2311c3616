"""Issue 7: the bad-input corpus read with good files mixed in.

Every bad file gives exactly the failures it should (one per bad file, one per bad line or record),
every good article comes out, and nothing raises.
"""

from __future__ import annotations

import importlib.util
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from whosaid.demo_data import demo_dir
from whosaid.ingest import Article, ReadFailure, read_path, read_paths

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile" / "make_hostile.py"


def _generator() -> ModuleType:
    """tests/data/hostile/make_hostile.py, loaded by path (tests/data is no package)."""
    if "make_hostile" in sys.modules:
        return sys.modules["make_hostile"]
    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_hostile"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    out = tmp_path_factory.mktemp("hostile")
    return out, _generator().make_hostile(out, big=True)


def _file_of(source: str, root: Path) -> str:
    """``/x/broken.jsonl:3`` or ``/x/a.warc.gz#120 url`` -> ``broken.jsonl`` / ``a.warc.gz``."""
    name = Path(source.split("#")[0]).name
    return name.split(":")[0]


def test_hostile_mixed_with_good_files(corpus: tuple[Path, dict[str, object]]) -> None:
    out, expected = corpus
    good_dir = demo_dir()
    started = time.monotonic()
    items = list(read_paths([str(good_dir), str(out)]))
    elapsed = time.monotonic() - started

    articles = Counter(_file_of(a.source_path or "", out) for a in items if isinstance(a, Article))
    failures = Counter(_file_of(f.source, out) for f in items if isinstance(f, ReadFailure))
    for name, what in expected.items():
        assert articles[name] == what.articles, (name, what.why, articles[name])  # type: ignore[attr-defined]
        assert failures[name] == what.failures, (name, what.why, failures[name])  # type: ignore[attr-defined]
    # Every demo article is there, untouched by the bad company.
    demo_articles = [a for a in items if isinstance(a, Article) and str(good_dir) in (a.source_path or "")]
    assert len(demo_articles) == 6
    for failure in items:
        if isinstance(failure, ReadFailure):
            assert failure.reason and "\n" not in failure.reason and len(failure.reason) < 300
            assert str(failure).startswith(failure.source)
    for article in items:
        if isinstance(article, Article):
            assert isinstance(article.text, str) and article.text.strip()
            assert "\x00" not in article.text
    assert elapsed < 60, f"the hostile corpus took {elapsed:.1f}s"


def test_reasons_say_what_is_wrong(corpus: tuple[Path, dict[str, object]]) -> None:
    out, _ = corpus
    reasons = {
        name: [i.reason for i in read_path(str(out / name)) if isinstance(i, ReadFailure)]
        for name in (
            "zero-bytes.md",
            "fifty-mb.html",
            "binary-junk.html",
            "billion-laughs.rss",
            "title-only.md",
        )
    }
    assert reasons["zero-bytes.md"] == ["empty file"]
    assert "--max-bytes" in reasons["fifty-mb.html"][0]
    assert "binary" in reasons["binary-junk.html"][0]
    assert "billion laughs" in reasons["billion-laughs.rss"][0]
    assert "only a title" in reasons["title-only.md"][0]


def test_a_page_over_the_limit_is_read_when_the_limit_is_raised(tmp_path: Path) -> None:
    page = tmp_path / "two-mb.html"
    _generator()._big_page(page, 2_000_000)
    (refused,) = list(read_path(str(page), max_bytes=1_000_000))
    assert isinstance(refused, ReadFailure) and "--max-bytes" in refused.reason
    (article,) = list(read_path(str(page), max_bytes=3_000_000))
    assert isinstance(article, Article)  # trafilatura folds the repeated paragraphs into one


def test_decoding_of_undeclared_encodings(corpus: tuple[Path, dict[str, object]]) -> None:
    out, _ = corpus

    def text_of(name: str) -> str:
        (item,) = list(read_path(str(out / name)))
        assert isinstance(item, Article), item
        return item.text

    assert text_of("utf16-no-bom.md").startswith("UTF-16 Story\n\nThe harbour master said")
    assert text_of("utf16-bom.txt").startswith("Plain UTF-16.")
    assert "Le maître said that the café would close. “No,” she said." in text_of("latin1.md")
    assert "maître d’hôtel" in text_of("latin1.html")
    assert "First line, second line." in text_of("mixed-endings.md")
    assert "\u202e" in text_of("every-quote-mark.md")  # kept: offsets must not move under the extractor


def test_billion_laughs_is_not_expanded_even_by_feedparser_itself() -> None:
    """Our reader refuses the file; check too that feedparser alone would not expand it (defence in depth)."""
    import feedparser

    payload = _generator().BILLION_LAUGHS.encode()
    tracemalloc.start()
    try:
        parsed = feedparser.parse(payload)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000
    for entry in parsed.entries:
        assert len(entry.get("summary", "")) < 1000
        assert "lollollol" not in entry.get("title", "")


def test_corrupt_middle_record_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    generator = _generator()
    archive = tmp_path / "mid.warc.gz"
    generator._write_warc(
        archive, [(f"https://w.example/{i}", generator._page(f"Story {i}")) for i in range(3)]
    )
    data = bytearray(archive.read_bytes())
    second = data.find(b"\x1f\x8b\x08", 10)
    for k in range(second + 30, second + 60):
        data[k] ^= 0x5A
    archive.write_bytes(bytes(data))
    items = list(read_path(str(archive)))
    assert [a.title for a in items if isinstance(a, Article)] == ["Story 0", "Story 2"]
    (failure,) = [f for f in items if isinstance(f, ReadFailure)]
    assert failure.source == f"{archive}#{second}"
    assert failure.reason.startswith("corrupt or truncated record")
