"""Build gold JSON Lines from hand-annotated markdown articles (the newsroom evaluation set).

Each article ``NAME.md`` (the seed's format: ``# title``, a date line, the body, ``Original url:``)
has an annotation ``NAME.ann.json`` beside it that names its statements by their words, not by
offsets, so that an annotator never counts characters:

    {"quotes": [{"content": ["first piece", "second piece"], "cue": "said",
                 "speaker": "Alexander Lukashenko", "speaker_as_written": "he",
                 "anchor": "a few words just before the content, when its words occur twice"}]}

The text is the article as ``whosaid ingest`` stores it (title, blank line, paragraphs), so gold
offsets and the CLI's offsets refer to the same string. Each piece is found after the anchor (or
anywhere when it occurs once), each later piece after the one before; the cue and the written
speaker are the occurrences nearest the content. ``kind`` is derived from quotation marks as in
PolNeAR's conversion (../shared/data/README.md): direct when the content is wholly quoted, mixed
when its outer span holds a quotation mark (a split quotation too), indirect otherwise. A piece
that cannot be placed stops the build with a message naming the article and the piece. Usage:

    .venv/bin/python scripts/build_gold.py eval/newsroom/dev eval/newsroom/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from whosaid.ingest.markdown import article_from_markdown

OPENING_MARKS = "\"“‘«„'"
CLOSING_MARKS = "\"”’»“'"
# Punctuation that may stand between a quotation's last word and its closing mark.
INNER_PUNCTUATION = ",.?!;:…—–- "
# How far from the content a cue or a written speaker may stand, in characters.
NEAR = 400


class AnnotationError(Exception):
    pass


def find_after(text: str, needle: str, start: int, where: str) -> int:
    at = text.find(needle, start)
    if at < 0:
        raise AnnotationError(f"{where}: {needle[:60]!r} not found after offset {start}")
    return at


def place_pieces(text: str, quote: dict[str, Any], where: str) -> list[tuple[int, int]]:
    pieces = quote["content"]
    if isinstance(pieces, str):
        pieces = [pieces]
    start = 0
    anchor = quote.get("anchor")
    if anchor:
        if text.count(anchor) != 1:
            raise AnnotationError(f"{where}: anchor {anchor!r} occurs {text.count(anchor)} times")
        start = text.index(anchor)
    elif text.count(pieces[0]) != 1:
        raise AnnotationError(
            f"{where}: {pieces[0][:60]!r} occurs {text.count(pieces[0])} times; add an anchor"
        )
    spans = []
    for piece in pieces:
        if not piece or piece != piece.strip():
            raise AnnotationError(f"{where}: piece {piece[:60]!r} is empty or has outer spaces")
        at = find_after(text, piece, start, where)
        spans.append((at, at + len(piece)))
        start = at + len(piece)
    return spans


def nearest(text: str, words: str | None, spans: list[tuple[int, int]], where: str) -> list[int] | None:
    """The occurrence of ``words`` (whole words) nearest the content, within ``NEAR`` characters,
    outside its pieces (a cue may stand between the pieces of a split quotation)."""
    if not words:
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    start, end = spans[0][0], spans[-1][1]
    best: tuple[int, int, int] | None = None
    for match in pattern.finditer(text):
        if any(s <= match.start() < e for s, e in spans):
            continue  # a word of the statement, not of its attribution
        distance = max(start - match.end(), match.start() - end, 0)
        if distance <= NEAR and (best is None or distance < best[0]):
            best = (distance, match.start(), match.end())
    if best is None:
        raise AnnotationError(f"{where}: {words!r} not found within {NEAR} characters of the content")
    return [best[1], best[2]]


def wholly_quoted(text: str, start: int, end: int) -> bool:
    before = start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    after = end
    while after < len(text) and text[after] in INNER_PUNCTUATION:
        after += 1
    return (
        before >= 0 and text[before] in OPENING_MARKS and after < len(text) and text[after] in CLOSING_MARKS
    )


def kind_of(text: str, spans: list[tuple[int, int]]) -> str:
    """As PolNeAR's conversion derives it, from the outer span: a quotation split by its cue
    ("…," she said, "…") holds marks inside and is mixed, as the extractor labels it too."""
    start, end = spans[0][0], spans[-1][1]
    quoted = re.compile("[\"“”«»„]|(?<!\\w)['‘]|['’](?!\\w)")
    if quoted.search(text[start:end]):
        return "mixed"
    return "direct" if wholly_quoted(text, start, end) else "indirect"


def gold_line(article_path: Path) -> dict[str, Any]:
    article = article_from_markdown(article_path.read_text(encoding="utf-8"), source_path=str(article_path))
    text = article.text
    annotation = json.loads(article_path.with_suffix(".ann.json").read_text(encoding="utf-8"))
    quotes = []
    for number, quote in enumerate(annotation["quotes"], 1):
        where = f"{article_path.name} quote {number}"
        spans = place_pieces(text, quote, where)
        outer = (spans[0][0], spans[-1][1])
        quotes.append(
            {
                "content": " ".join(text[start:end] for start, end in spans),
                "content_span": list(outer),
                "content_parts": [list(span) for span in spans],
                "speaker": quote.get("speaker"),
                "speaker_as_written": quote.get("speaker_as_written"),
                "speaker_span": nearest(text, quote.get("speaker_as_written"), spans, where),
                "cue": quote.get("cue"),
                "cue_span": nearest(text, quote.get("cue"), spans, where),
                "via": quote.get("via"),
                "kind": kind_of(text, spans),
            }
        )
    return {
        "id": article_path.stem,
        "text": text,
        "title": article.title,
        "publisher": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "quotes": quotes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of NAME.md with NAME.ann.json beside each")
    parser.add_argument("out", type=Path, help="gold JSON Lines to write")
    args = parser.parse_args(argv)
    articles = sorted(args.folder.glob("*.md"))
    if not articles:
        print(f"build_gold: no .md articles in {args.folder}", file=sys.stderr)
        return 1
    lines = []
    try:
        for path in articles:
            lines.append(json.dumps(gold_line(path), ensure_ascii=False))
    except AnnotationError as exc:
        print(f"build_gold: {exc}", file=sys.stderr)
        return 1
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    count = sum(len(json.loads(line)["quotes"]) for line in lines)
    print(f"{len(lines)} articles, {count} statements -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
