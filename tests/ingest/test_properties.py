"""Property tests (hypothesis) on the readers: nothing escapes, texts are str, offsets hold."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whosaid.ingest import Article, ReadFailure, read_path
from whosaid.ingest.decode import NotText, decode_bytes
from whosaid.ingest.jsonl import article_from_record
from whosaid.ingest.markdown import article_from_markdown, parse_markdown
from whosaid.ingest.records import Unreadable
from whosaid.model import content_id

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like markdown news: markup characters, quotes, line breaks, non-ASCII.
markdownish = st.lists(
    st.sampled_from(
        [
            *"abc XYZ.,;:\n\n\r\t#*_[]()!<>`\\-'\"",
            "“",
            "”",
            "‘",
            "’",
            "é",
            "\u202e",
            "\u200f",
            "http://a.b/",
            "](#)",
        ]
    ),
    max_size=300,
).map("".join)
SUFFIXES = [".md", ".txt", ".html", ".jsonl", ".rss", ".xml", ".warc", ".warc.gz", ".parquet", ""]


def _check_article(article: Article) -> None:
    assert isinstance(article.text, str) and article.text.strip()
    assert article.id == content_id(article.text)
    assert "\x00" not in article.text
    if article.title:
        assert article.text.startswith(article.title)


@FAST
@given(st.one_of(markdownish, st.text(max_size=300)))
def test_markdown_never_raises_and_text_is_title_plus_paragraphs(text: str) -> None:
    try:
        article = article_from_markdown(text)
    except Unreadable:
        return
    _check_article(article)
    title, _, _, paragraphs = parse_markdown(text)
    blocks = ([title] if title else []) + paragraphs
    # Each block sits at a known offset: the blocks joined by blank lines are the text, exactly.
    assert article.text == "\n\n".join(blocks)
    offset = 0
    for block in blocks:
        assert article.text[offset : offset + len(block)] == block
        offset += len(block) + 2


@FAST
@given(st.binary(max_size=600))
def test_decoding_never_raises_anything_but_not_text(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except NotText:
        return
    assert isinstance(text, str)


@FAST
@given(st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs"]), max_size=300))
def test_utf8_text_round_trips(text: str) -> None:
    encoded = text.encode("utf-8")
    try:
        decoded = decode_bytes(encoded)
    except NotText:
        return
    assert decoded == text.removeprefix("\ufeff")


@FAST
@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=20), st.integers()))
def test_jsonl_text_keeps_its_length_so_caller_offsets_hold(text: str, ident: object) -> None:
    try:
        article = article_from_record({"id": ident, "text": text})
    except Unreadable:
        blanked = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
        assert not blanked.strip() or isinstance(ident, bool)
        return
    assert len(article.text) == len(text)
    for i, (got, given_char) in enumerate(zip(article.text, text, strict=True)):
        assert got == given_char or ((got == " " and ord(given_char) < 32) or ord(given_char) == 127), i


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@FAST
@given(
    st.dictionaries(st.sampled_from(["id", "text", "title", "url", "published", "outlet", "x"]), json_values)
)
def test_any_json_object_gives_an_article_or_a_clear_failure(record: dict[str, object]) -> None:
    try:
        article = article_from_record(record)
    except Unreadable as exc:
        assert str(exc)
        return
    _check_article(article)
    assert article.text == record["text"] or len(article.text) == len(str(record["text"]))


@FILES
@given(st.sampled_from(SUFFIXES), st.one_of(st.binary(max_size=2000), markdownish.map(str.encode)))
def test_any_bytes_under_any_name_give_records_never_exceptions(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_path(str(path), max_bytes=100_000))
    assert items, "every input yields at least one record"
    for item in items:
        assert isinstance(item, Article | ReadFailure)
        if isinstance(item, Article):
            _check_article(item)
        else:
            assert item.reason and item.source.startswith(str(path))


@FILES
@given(st.lists(st.one_of(json_values, st.text(max_size=40)), min_size=1, max_size=6))
def test_jsonl_reports_bad_lines_and_keeps_good_ones(rows: list[object]) -> None:
    lines = [json.dumps(row) if not isinstance(row, str) else row for row in rows]
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        items = list(read_path(str(path)))
    non_blank = [line for line in lines if line.strip()]
    if non_blank:
        assert len(items) == len(non_blank)
    for item in items:
        if isinstance(item, ReadFailure):  # a bad line names file:line; a file of blank lines, the file
            assert ":" in item.source.rsplit("/", 1)[-1] or (item.reason == "empty file" and not non_blank)
