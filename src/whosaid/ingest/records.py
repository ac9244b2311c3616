"""What every reader shares: the failure record, the Article constructor and the limits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from whosaid.ingest.dates import CLOCK
from whosaid.model import Article, content_id

# Per-article (per file, per JSON line, per archive record) size limit; raised with --max-bytes.
DEFAULT_MAX_BYTES = 10_000_000


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """One input that could not be read: where (file, file:line, file#record) and why, for the user."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class Unreadable(Exception):
    """Raised inside a reader for one input it must skip; turned into a ``ReadFailure`` by the caller."""


def too_big(size: int | None, max_bytes: int, what: str = "file") -> Unreadable:
    """The failure for an input over the per-article size limit, naming the flag that raises it."""
    measured = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
    return Unreadable(
        f"{what} is {measured}, over the limit of {max_bytes:,}; raise it with --max-bytes "
        "(read_paths(max_bytes=...) from Python)"
    )


def make_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    source_path: str | None = None,
    external_id: str | None = None,
    fetched_at: datetime | None = None,
) -> Article:
    """An Article with its content id and outlet list; refuses a text with nothing in it."""
    if not text.strip():
        raise Unreadable("no article text")
    return Article(
        id=content_id(text),
        text=text,
        title=title or None,
        url=url or None,
        outlet=outlet or None,
        published=published,
        source_path=source_path,
        external_id=external_id,
        fetched_at=fetched_at,
        outlets=[outlet] if outlet else [],
    )


def join_title(title: str | None, paragraphs: list[str]) -> str:
    """The one text offsets refer to: title, blank line, paragraphs separated by blank lines."""
    body = "\n\n".join(p for p in paragraphs if p)
    if title and body:
        return f"{title}\n\n{body}"
    return title or body


# Ad slots that page extractors and copy-pasted text leave as lines of their own.
_AD_LINE = re.compile(
    r"^\W*(?:advertisement|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?"
    r"|(?:advertisement\W+)?scroll to continue(?: reading)?)\W*$",
    re.I,
)


def is_ad_line(line: str) -> bool:
    """ "Advertisement", "Story continues below advertisement", …: page furniture, not the article."""
    return bool(_AD_LINE.match(line.strip()))


# "Read more: …" / "Related: …" teasers: links to other stories, whose headlines would otherwise read as
# sentences of this one (and lend it their speakers).
_TEASER_WORDS = (
    r"related(?:\s+(?:articles?|stories|story|reading|content|coverage))?|read\s+(?:more|also)"
    r"|see\s+also|more\s+on\s+this\s+story"
)
_TEASER = re.compile(rf"^[*_\s]*(?:{_TEASER_WORDS})[*_\s]*:", re.I)
# The label of a teaser list on a line of its own ("Related", "Most read"), the links being gone.
_TEASER_LABEL = re.compile(
    rf"^[*_\s]*(?:{_TEASER_WORDS}|most\s+(?:read|popular|viewed)|recommended(?:\s+for\s+you)?"
    r"|you\s+(?:may|might)\s+also\s+like)[*_\s]*:?[*_\s]*$",
    re.I,
)
_CREDIT = re.compile(r"^(?:photo|image|picture|credit|photograph)s?\s*(?:by|:)\s*\S.{0,120}$", re.I)
# A caption is a short paragraph that ends with its credit: "… station. Photograph: Sam Dunn/Observer",
# "… rush. (Photo by Lena Fischer)", "… in Kyiv. (AP Photo/Evan Vucci)".
_CAPTION_MAX_CHARS = 300
_TRAILING_CREDIT = re.compile(
    r"(?:^|[.!?)]\s+|\s[|\u2013\u2014-]\s)\(?(?:photo(?:graph)?|image|picture|credit)s?\s*:\s*[^.!?:]{1,80}\)?$"
    r"|\((?:photo(?:graph)?|image|picture)s?\s+(?:by|courtesy(?:\s+of)?)\s[^()]{1,100}\)$"
    r"|\([^()/]{1,60}/[^()/]{1,60}\)$",
    re.I,
)
# A live blog's entry stamp on a line of its own: "12:45", "2.05pm", "14:05 GMT".
_TIME_ONLY = re.compile(rf"^[*_\s]*{CLOCK}[*_\s]*$", re.I)
# "Have a story? Email us at …": the newsroom's tip line under the article.
_TIP_LINE = re.compile(r"^(?:have|got|do\s+you\s+have)\s+a\s+(?:news\s+)?(?:story|tip)\b.{0,160}$", re.I)
# Newsletter and subscription boxes that page extractors and feed bodies keep as paragraphs: a short
# line that starts with the call to sign up, or that promises the inbox / ends with the call.
_SIGN_UP = re.compile(
    r"^\W*(?:sign\s*up|subscribe|register)\b[^\"“”«»]{0,160}$"
    r"|^[^\"“”«»]{0,160}(?:\b(?:delivered|straight|direct(?:ly)?|sent)\s+to\s+your\s+inbox\b[^\"“”«»]{0,80}"
    r"|(?:^|[.!?]\s+)(?:subscribe|sign\s*up)\s+(?:now|here|today|for\s+free)\W*)$",
    re.I,
)
# WordPress appends "The post <title> appeared first on <site>." to every feed body.
_FEED_FOOTER = re.compile(r"^The post .{1,300} appeared first on .{1,120}$")
# The wire services' closing credit: "(Reporting by …; Editing by …)".
_WIRE_CREDIT = re.compile(r"^\((?:additional\s+)?(?:reporting|writing|editing)\s+by\b.{0,300}\)$", re.I)


def is_furniture_line(line: str) -> bool:
    """A whole paragraph that is page furniture, not a sentence of the article: ad slots, "Read more:"
    teasers, photo credits and captions, newsletter boxes, tip lines, feed footers, wire credits and
    live-blog time stamps."""
    stripped = line.strip()
    return bool(
        is_ad_line(stripped)
        or _TEASER.match(stripped)
        or _TEASER_LABEL.match(stripped)
        or _CREDIT.match(stripped)
        or (len(stripped) <= _CAPTION_MAX_CHARS and _TRAILING_CREDIT.search(stripped))
        or _TIP_LINE.match(stripped)
        or _TIME_ONLY.match(stripped)
        or _SIGN_UP.match(stripped)
        or _FEED_FOOTER.match(stripped)
        or _WIRE_CREDIT.match(stripped)
    )
