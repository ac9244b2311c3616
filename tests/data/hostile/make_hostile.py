"""Generates the bad-input corpus of issue 7 into a directory (at test time: nothing big is committed).

Each file comes with what reading it must give: how many articles and how many ReadFailures. Run as a
script to look at the files: ``python tests/data/hostile/make_hostile.py OUT_DIR [--small]``.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

GOOD_PARAGRAPH = (
    "The harbour master said that the channel would reopen on Friday, after divers had checked the "
    "wreck. \u201cWe are nearly there,\u201d she told reporters."
)
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
    "<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
)

# Every quotation mark Unicode lists (Pi/Pf/Ps/Pe quote characters and the ASCII/CJK/guillemet forms)
# plus the right-to-left and bidirectional control marks that are used to disguise text.
QUOTATION_MARKS = (
    "\"'\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u2e42"
    "\u300c\u300d\u300e\u300f\u301d\u301e\u301f\ufe41\ufe42\ufe43\ufe44\uff02\uff07\uff62\uff63"
    "\u275b\u275c\u275d\u275e\u2e02\u2e03\u2e04\u2e05\u2e09\u2e0a\u2e0c\u2e0d\u2e1c\u2e1d\u2e20\u2e21"
)
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
    )
    + ']>\n<rss version="2.0"><channel><title>Laughs</title><item><title>&lol9;</title>'
    "<description>&lol9;</description><link>https://laughs.example/1</link></item></channel></rss>\n"
)

ENTITIES_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Entities &amp; Co</title>
<item><title>Caf&eacute; owners &#8220;furious&#8221; &amp; loud</title>
<link>https://entities.example/a</link>
<description><![CDATA[<p>The caf&eacute; owners&#8217; union said that rents had doubled &mdash; again.</p>
<p>&ldquo;We cannot go on,&rdquo; its chair said.</p>]]></description></item>
<item><title>Second &lt;b&gt;entry&lt;/b&gt;</title><link>https://entities.example/b</link>
<description>&lt;p&gt;The mayor said &amp;quot;no&amp;quot; to the plan &#x2014; twice.&lt;/p&gt;
</description></item>
</channel></rss>
"""


@dataclass(frozen=True)
class Expectation:
    articles: int
    failures: int
    why: str


def _page(title: str, body: str = GOOD_PARAGRAPH) -> str:
    return PAGE.format(title=title, body=body)


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)


def _big_page(path: Path, size: int) -> None:
    """A valid page of ``size`` bytes written in chunks (never held in memory whole)."""
    chunk = ("<p>" + GOOD_PARAGRAPH + "</p>\n") * 200
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("<html><head><title>Huge</title></head><body><article>")
        written = 0
        while written < size:
            stream.write(chunk)
            written += len(chunk)
        stream.write("</article></body></html>")


def make_hostile(out: Path, *, big: bool = True) -> dict[str, Expectation]:
    """Writes the corpus into ``out``; returns file name -> what reading it must give."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    expected: dict[str, Expectation] = {}

    def put(name: str, data: str | bytes, articles: int, failures: int, why: str) -> None:
        path = out / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expected[name] = Expectation(articles, failures, why)

    put("zero-bytes.md", b"", 0, 1, "zero-byte file")
    put("whitespace-only.txt", " \n\t\r\n  \n", 0, 1, "nothing but white space")
    put("title-only.md", "# A title and nothing else\n", 0, 1, "markdown with only a title")
    put("truncated.html", "<html><head><title>Cut off mid-", 0, 1, "HTML cut off before the body")
    put(
        "scripts-only.html",
        "<html><head><script>var a=1;</script></head><body>"
        + "<script>document.write('<p>' + 'x'.repeat(500) + '</p>')</script>" * 20
        + "</body></html>",
        0,
        1,
        "a page that is only scripts",
    )
    put("binary-junk.html", bytes(rng.getrandbits(8) for _ in range(65536)), 0, 1, "random bytes named .html")
    put("binary-junk.md", b"\x00\x01\x02\xff" * 4096, 0, 1, "NUL-heavy bytes named .md")
    put("billion-laughs.rss", BILLION_LAUGHS, 0, 1, "XML entity expansion bomb")
    put(
        "not-a-feed.xml",
        "<?xml version='1.0'?><catalog><book>x</book></catalog>",
        0,
        1,
        "XML that is no feed",
    )
    put(
        "broken-json.jsonl",
        "\n".join(
            [
                json.dumps({"id": "ok-1", "text": GOOD_PARAGRAPH}),
                '{"id": "bad-1", "text": "unterminated',
                json.dumps({"id": "bad-2", "text": ["a", "list"]}),
                json.dumps({"id": "bad-3"}),
                json.dumps(["not", "an", "object"]),
                "null",
                json.dumps({"id": {"nested": 1}, "text": "x"}),
                json.dumps({"id": "bad-5", "text": "x", "published": 20250101}),
                "[" * 100000 + "]" * 100000,
                json.dumps({"id": "ok-2", "text": "The mayor said no.", "published": "2025-01-02"}),
            ]
        )
        + "\n",
        2,
        8,
        "JSON Lines with broken lines and wrong types",
    )

    put(
        "misnested.html",
        "<html><body><div><p>The <b>chief <i>said</b> that the</i> port was "
        "<table><tr><td>safe</p></div> and that " + GOOD_PARAGRAPH + "</td></span></body>",
        1,
        0,
        "mis-nested but readable markup",
    )
    put(
        "utf16-no-bom.md",
        ("# UTF-16 Story\n\n" + GOOD_PARAGRAPH + "\n").encode("utf-16-le"),
        1,
        0,
        "UTF-16 without a byte-order mark",
    )
    put("utf16-bom.txt", ("Plain UTF-16. " + GOOD_PARAGRAPH).encode("utf-16"), 1, 0, "UTF-16 with a BOM")
    put(
        "latin1.md",
        (
            "# Caf\u00e9 r\u00e9sum\u00e9\n\nLe ma\u00eetre said that the caf\u00e9 would close. "
            "\u201cNo,\u201d she said.\n"
        ).encode("cp1252"),
        1,
        0,
        "cp1252/Latin-1 without a declaration",
    )
    put(
        "latin1.html",
        _page(
            "Fa\u00e7ade news",
            "The ma\u00eetre d\u2019h\u00f4tel said that the fa\u00e7ade would be rebuilt. " + GOOD_PARAGRAPH,
        )
        .replace("<meta charset='utf-8'>", "")
        .encode("cp1252"),
        1,
        0,
        "HTML in cp1252 with no charset",
    )
    put(
        "mixed-endings.md",
        "# Line endings\r\n\r\nJune 3, 2025\n\r\nFirst line,\rsecond line.\r\n\r\n" + GOOD_PARAGRAPH + "\n",
        1,
        0,
        "CRLF, CR and LF in one file",
    )
    depth = 200
    nested = "".join("\u201c" if i % 2 == 0 else "\u2018" for i in range(depth)) + "deep"
    nested += "".join("\u201d" if i % 2 == 0 else "\u2019" for i in reversed(range(depth)))
    put(
        "nested-quotes.md",
        f'# Nested\n\n{nested}, the spokesman said. "a \'b "c \'d" e\' f" g\n',
        1,
        0,
        "200 levels of nested quotation marks",
    )
    put(
        "every-quote-mark.md",
        "# Quotes\n\n"
        + " ".join(f"{q}quoted{q}" for q in QUOTATION_MARKS)
        + f" the minister said. {BIDI_MARKS} \u202eevil reversed\u202c, he added."
        + " \u05e9\u05dc\u05d5\u05dd.\n",
        1,
        0,
        "every Unicode quotation mark, RTL and bidi marks",
    )
    put("entities.rss", ENTITIES_RSS, 2, 0, "RSS with HTML and numeric entities and CDATA")
    one_mb = (GOOD_PARAGRAPH + " ") * (1_000_000 // (len(GOOD_PARAGRAPH) + 1) + 1)
    put("one-paragraph.md", "# Long\n\n" + one_mb + "\n", 1, 0, "a 1 MB single paragraph")
    put(
        "stray-markup.md",
        "# Stray\n\n" + "*a _b [c ](d ![e `f " * 20000 + "\n",
        1,
        0,
        "a paragraph of unmatched markup",
    )

    warc = out / "truncated.warc.gz"
    _write_warc(warc, [(f"https://wire.example/{i}", _page(f"Wire story {i}")) for i in range(3)])
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 200])  # cut inside the last record's gzip member
    expected["truncated.warc.gz"] = Expectation(2, 1, "gzip WARC cut off inside its last record")
    plain = out / "not-gzip.warc.gz"
    plain.write_bytes(gzip.compress(b"this is no WARC at all\n" * 10))
    expected["not-gzip.warc.gz"] = Expectation(0, 1, "gzip of something that is not a WARC")

    if big:
        _big_page(out / "fifty-mb.html", 50_000_000)
        expected["fifty-mb.html"] = Expectation(0, 1, "a 50 MB page (over the default size limit)")
    return expected


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-out")
    for name, what in make_hostile(target, big="--small" not in sys.argv).items():
        print(f"{name:28} {what.articles} article(s), {what.failures} failure(s): {what.why}")
