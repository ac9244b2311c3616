"""Markdown and plain-text articles in the seed's shape.

```
# Title

March 26, 2024

Body paragraphs, with [link](#) markup and **bold**.

Original url:

<https://www.example.com/...>
```
Article.text is the title, a blank line, then the body paragraphs separated by blank lines, with the
markup reduced to its words; the lines of one paragraph are joined by a space (markdown's soft breaks).
The date line and the ``Original url:`` footer become ``published`` and ``url`` and leave the text.
Image captions and "Related article" teasers are dropped: they are not sentences of the article.
"""

from __future__ import annotations

import re
from datetime import date

from whosaid.ingest.dates import parse_date_line
from whosaid.ingest.decode import clean_text
from whosaid.ingest.outlets import outlet_from_url
from whosaid.ingest.records import Unreadable, is_furniture_line, join_title, make_article
from whosaid.model import Article

_FOOTER = re.compile(r"^\s*(?:original|source|canonical)\s+url\s*:\s*(\S*)\s*$", re.I)
_ANGLE_URL = re.compile(r"^<?\s*(https?://[^\s>]+)\s*>?$", re.I)
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT_RULE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")

# "Alexander Lukashenko. [president.gov.by](http://president.gov.by)": a caption with a photo credit,
# the credit being a link to an external site whose text is a domain name (or "Photo: ...").
_CAPTION = re.compile(
    r"^[^\[\]]{0,200}?\[(?:[^\]\s.]{1,60}\.[^\]\s]{1,60}|(?:photo|image|credit|source)s?\s*:[^\]]{1,80})\]"
    r"\(\s*https?://[^)\s]*\s*\)\s*$",
    re.I,
)
_IMAGE_ONLY = re.compile(r"^(?:\s*!\[[^\]]*\]\([^)]*\)\s*)+$")

_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\s*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.I)
# Emphasis cannot contain its own marker: each scan stops at the next one, so a paragraph full of
# stray asterisks or underscores stays linear instead of quadratic.
_STRONG_STAR = re.compile(r"\*\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*\*")
_STRONG_UNDERSCORE = re.compile(r"__(?=[^\s_])([^_]+?)(?<=[^\s_])__")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`]*)`")
# CommonMark: any ASCII punctuation may be backslash-escaped.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACES = re.compile(r"[ \t\f\v]+")


def strip_inline(text: str) -> str:
    """Markdown inline markup reduced to the words a reader sees."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG_STAR.sub(r"\1", text)
    text = _STRONG_UNDERSCORE.sub(r"\1", text)
    text = _EMPHASIS_STAR.sub(r"\1", text)
    text = _EMPHASIS_UNDERSCORE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _split_footer(lines: list[str]) -> tuple[list[str], str | None]:
    """Remove the ``Original url:`` footer (the last one in the file) and return its address."""
    for i in range(len(lines) - 1, -1, -1):
        match = _FOOTER.match(lines[i])
        if not match:
            continue
        url_text = match[1]
        end = i + 1
        if not url_text:
            # The address sits on the next non-blank line, as ``<https://...>`` in the seed.
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines):
                url_text = lines[j].strip()
                end = j + 1
        url_match = _ANGLE_URL.match(url_text.strip()) if url_text else None
        if url_match is None:
            continue
        return lines[:i] + lines[end:], url_match[1]
    return lines, None


def _is_furniture(raw: str) -> bool:
    """Captions, image-only lines, photo credits, teasers and rules: not sentences of the article."""
    return bool(_CAPTION.match(raw) or _IMAGE_ONLY.match(raw) or _RULE.match(raw) or is_furniture_line(raw))


def _paragraph_text(block: list[str]) -> str:
    lines = [_BLOCKQUOTE.sub("", line).strip() for line in block]
    joined = " ".join(line for line in lines if line)
    heading = _ATX_HEADING.match(joined)
    if heading:
        joined = heading[1]
    return strip_inline(joined)


def parse_markdown(text: str) -> tuple[str | None, date | None, str | None, list[str]]:
    """(title, published date or None, url, body paragraphs) of a markdown article."""
    lines = clean_text(text).lstrip("\ufeff").split("\n")
    lines, url = _split_footer(lines)
    blocks = _blocks(lines)
    title: str | None = None
    if blocks:
        first = blocks[0]
        heading = _ATX_HEADING.match(first[0])
        if heading and first[0].lstrip().startswith("# "):
            title = strip_inline(heading[1]) or None
            blocks[0] = first[1:]
        elif len(first) >= 2 and _SETEXT_RULE.match(first[1]) and "=" in first[1]:
            title = strip_inline(first[0]) or None
            blocks[0] = first[2:]
        if not blocks[0]:
            blocks.pop(0)
    published: date | None = None
    if blocks and len(blocks[0]) == 1:
        published = parse_date_line(blocks[0][0])
        if published is not None:
            blocks.pop(0)
    paragraphs: list[str] = []
    for block in blocks:
        raw = " ".join(line.strip() for line in block)
        if _is_furniture(raw):
            continue
        paragraph = _paragraph_text(block)
        if paragraph:
            paragraphs.append(paragraph)
    return title, published, url, paragraphs


def article_from_markdown(text: str, *, source_path: str | None = None) -> Article:
    """One markdown or plain-text article; ``Unreadable`` when nothing of an article is in it."""
    if not text.strip():
        raise Unreadable("empty file")
    title, published, url, paragraphs = parse_markdown(text)
    if not paragraphs:
        raise Unreadable("no article text (only a title or markup)" if title else "no article text")
    return make_article(
        join_title(title, paragraphs),
        title=title,
        url=url,
        outlet=outlet_from_url(url),
        published=published,
        source_path=source_path,
    )
