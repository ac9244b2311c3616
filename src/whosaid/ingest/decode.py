"""Bytes to text without ever crashing: BOMs, UTF-16 without a BOM, UTF-8, then cp1252/Latin-1.

News archives hold every encoding there is and many files that say nothing about theirs. The order
below tries the unambiguous signals first (a BOM, the NUL pattern of UTF-16), then strict UTF-8
(which almost never decodes non-UTF-8 text by accident), and falls back to cp1252, the usual
"Latin-1" of the web, whose few undefined bytes are mapped through Latin-1 so decoding cannot fail.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, carriage return and form feed, plus DEL: never part of prose,
# and NUL cannot be stored in PostgreSQL text at all.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Share of control / replacement characters above which a "text" file is taken for binary junk.
_BINARY_SHARE = 0.05
_SNIFF_BYTES = 8192


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """cp1252 leaves five bytes undefined; map them as Latin-1 does (to C1 controls) instead of failing."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return bytes(chunk).decode("latin-1"), error.end


_LATIN1_FALLBACK = "whosaid-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_for_undefined)


class NotText(ValueError):
    """The bytes do not look like text in any encoding whosaid tries."""


def _utf16_without_bom(head: bytes) -> str | None:
    """Guess UTF-16 from where the NUL bytes fall (ASCII-heavy text has one NUL per character)."""
    if len(head) < 4:
        return None
    even = head[0::2]
    odd = head[1::2]
    even_nuls = even.count(0) / len(even)
    odd_nuls = odd.count(0) / len(odd)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def guess_encoding(data: bytes, declared: str | None = None) -> str:
    """The encoding to decode ``data`` with; ``declared`` (an HTTP or meta charset) is tried after BOMs."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data[:_SNIFF_BYTES])
    if utf16:
        return utf16
    if declared:
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
        else:
            try:
                data.decode(declared)
                return declared
            except UnicodeDecodeError:
                pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode to ``str``; raises ``NotText`` for binary data, never a ``UnicodeError``."""
    encoding = guess_encoding(data, declared)
    bom_free = data
    for bom, name in _BOMS:
        if name == encoding and data.startswith(bom):
            bom_free = data[len(bom) :]
            break
    if encoding == "cp1252":
        text = bom_free.decode("cp1252", errors=_LATIN1_FALLBACK)
    else:
        text = bom_free.decode(encoding, errors="replace")
    if looks_binary(text):
        raise NotText("binary data, not text")
    return text


def looks_binary(text: str) -> bool:
    """True when too many characters are controls or decoding replacements to be prose."""
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return False
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    bad += sum(1 for ch in sample if "\x80" <= ch <= "\x9f")
    return bad / len(sample) > _BINARY_SHARE


def clean_text(text: str) -> str:
    """Unify line endings and drop control characters; leaves every other character as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)
