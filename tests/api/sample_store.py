"""A small store with every kind of record the server shows, built through ``Store.add``.

The articles are invented for these tests. Statement offsets are found in the text, never typed, so
the store's span checks hold. One article carries hostile markup and SQL in its quoted text.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from whosaid.model import Article, ArticleAnalysis, Entity, Span, Statement, content_id
from whosaid.store import open_store
from whosaid.store.base import Store

XSS_QUOTE = (
    "<script>window.__xss = 1; alert(1)</script> The government is hiding the dead "
    '<img src=x onerror="window.__xss = 2; alert(2)"> </textarea>{{7*7}}'
)
SQL_QUOTE = "'; DROP TABLE statements; -- and ' OR '1'='1 100% of_us"
# A quote its attribution interrupts ("A," Sorensen said, "B."): stored with these two pieces, the second
# carrying markup that must stay text when the pieces are shown joined.
SPLIT_PIECES = (
    "We have counted seventeen victims so far",
    "and <img src=x onerror='window.__xss = 4'> four are missing.",
)
SPLIT_QUOTATION = " … ".join(SPLIT_PIECES)

KOWALIN = Entity(
    name="Marta Kowalin", type="PERSON", id="ent-kowalin", aliases=["Kowalin"], roles=["Interior Minister"]
)
SORENSEN = Entity(
    name="Emil Sorensen", type="PERSON", id="ent-sorensen", aliases=["Dr. Emil Sorensen"],
    roles=["director of Karsvik Central Hospital"],
)  # fmt: skip


def _at(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part))


def statement(
    article: Article, index: int, kind: str, content: str, speaker: str | None, speaker_text: str | None,
    cue: str | None, **extra: object,
) -> Statement:  # fmt: skip
    text = article.text
    content_span = _at(text, content)
    st = Statement(
        article_id=article.id,
        kind=kind,  # type: ignore[arg-type]
        content=content,
        content_span=content_span,
        cue=cue,
        cue_span=_at(text, cue, content_span.start - 60 if content_span.start > 60 else 0) if cue else None,
        speaker_text=speaker_text,
        speaker_span=_at(text, speaker_text) if speaker_text else None,
        speaker=speaker,
        said_on=article.published,
        index=index,
        confidence=0.9,
    )
    for key, value in extra.items():
        setattr(st, key, value)
    return st


def article(text: str, title: str, outlet: str | None, published: date | None, url: str | None) -> Article:
    return Article(
        id=content_id(text), text=text, title=title, outlet=outlet, published=published, url=url,
        outlets=[outlet] if outlet else [],
    )  # fmt: skip


def gazette() -> ArticleAnalysis:
    text = (
        "Interior Minister Marta Kowalin said on Tuesday that 12 people had been killed in the explosion "
        "at the port of Karsvik.\n\n"
        '"This was a tragic accident during welding work," Kowalin told reporters.\n\n'
        "Fire chief Jonas Berg said that more than 80 firefighters fought the blaze."
    )
    a = article(text, "Blast at Karsvik port kills 12, minister says", "Harbour Gazette", date(2025, 6, 10),
                "https://harbourgazette.example/blast")  # fmt: skip
    sts = [
        statement(a, 0, "indirect", "12 people had been killed in the explosion at the port of Karsvik",
                  "Marta Kowalin", "Marta Kowalin", "said", speaker_role="Interior Minister",
                  speaker_entity_id=KOWALIN.id, speaker_type="PERSON"),
        statement(a, 1, "direct", "This was a tragic accident during welding work,", "Marta Kowalin",
                  "Kowalin", "told", speaker_entity_id=KOWALIN.id, speaker_type="PERSON"),
        statement(a, 2, "indirect", "more than 80 firefighters fought the blaze", "Jonas Berg", "Jonas Berg",
                  "said", speaker_role="Fire chief", speaker_type="PERSON"),
    ]  # fmt: skip
    return ArticleAnalysis(a, sts, entities=[KOWALIN])


def daily() -> ArticleAnalysis:
    text = (
        "Dr. Emil Sorensen, director of Karsvik Central Hospital, said that 17 bodies had been brought to "
        "the hospital morgue.\n\n"
        f'"{SPLIT_PIECES[0]}," Sorensen said, "{SPLIT_PIECES[1]}"'
    )
    a = article(text, "Hospital counts 17 dead after port blast", "Nordvik Daily", date(2025, 6, 10),
                "javascript:alert(3)")  # fmt: skip
    sts = [
        statement(a, 0, "indirect", "17 bodies had been brought to the hospital morgue", "Emil Sorensen",
                  "Dr. Emil Sorensen", "said", speaker_entity_id=SORENSEN.id, speaker_type="PERSON",
                  speaker_role="director of Karsvik Central Hospital"),
        statement(a, 1, "direct", text[text.index(SPLIT_PIECES[0]) : text.rindex('"')], "Emil Sorensen",
                  "Sorensen", "said", speaker_entity_id=SORENSEN.id, speaker_type="PERSON",
                  cue_span=_at(text, "said", text.index("Sorensen said")),
                  content_parts=[_at(text, SPLIT_PIECES[0]), _at(text, SPLIT_PIECES[1])]),
    ]  # fmt: skip
    return ArticleAnalysis(a, sts, entities=[SORENSEN])


def hostile() -> ArticleAnalysis:
    text = (
        f'Opposition leader Viktor Andersen said "{XSS_QUOTE}" at a rally on Thursday.\n\n'
        f'A protester shouted "{SQL_QUOTE}" outside.'
    )
    a = article(text, '<b>Rally</b> & "quotes" <script>window.__xss = 3</script>', "Karsvik Post",
                date(2025, 6, 12), None)  # fmt: skip
    sts = [
        statement(a, 0, "direct", XSS_QUOTE, "Viktor Andersen", "Viktor Andersen", "said",
                  speaker_role="Opposition leader"),
        statement(a, 1, "direct", SQL_QUOTE, None, "A protester", "shouted"),
    ]  # fmt: skip
    return ArticleAnalysis(a, sts)


def undated() -> ArticleAnalysis:
    text = 'Union leader Piotr Nowak said workers told him "the alarms never sounded" that night.'
    a = article(text, "Dockworkers question safety", None, None, None)
    sts = [
        statement(a, 0, "indirect", 'workers told him "the alarms never sounded" that night', "Piotr Nowak",
                  "Piotr Nowak", "said", said_on=None),
        statement(a, 1, "direct", "the alarms never sounded", "workers", "workers", "told", nested_in=0,
                  said_on=None),
    ]  # fmt: skip
    return ArticleAnalysis(a, sts)


def evidence(reason: str, a: Statement, b: Statement) -> str:
    """The evidence column as the link stage writes it: JSON naming the clashing text in each article."""
    return json.dumps(
        {"reason": reason, "a_text": a.content, "a_span": a.content_span.as_list(), "b_text": b.content,
         "b_span": b.content_span.as_list()}
    )  # fmt: skip


def build(store: Store) -> dict[str, str]:
    """Fill ``store``; returns the ids tests refer to by name."""
    analyses = {"gazette": gazette(), "daily": daily(), "hostile": hostile(), "undated": undated()}
    for analysis in analyses.values():
        store.add(analysis)
    ids = {name: a.article.id for name, a in analyses.items()}
    g, d, h = ids["gazette"], ids["daily"], ids["hostile"]
    with store.transaction():
        store.execute(
            "INSERT INTO stories (id, title, first_published, last_published) VALUES (?, ?, ?, ?)",
            ["story-karsvik", "Explosion at the port of Karsvik", date(2025, 6, 10), date(2025, 6, 12)],
        )
        for aid in (g, d, h):
            store.execute(
                "INSERT INTO story_articles (story_id, article_id) VALUES (?, ?)", ["story-karsvik", aid]
            )
        store.execute(
            "INSERT INTO claims (id, story_id, label) VALUES (?, ?, ?)",
            ["claim-toll", "story-karsvik", "How many people died"],
        )
        for sid in (f"{g}:0", f"{d}:0"):
            store.execute(
                "INSERT INTO claim_statements (claim_id, statement_id) VALUES (?, ?)", ["claim-toll", sid]
            )
        for a, b, score, reason, about in [
            (analyses["gazette"].statements[0], analyses["daily"].statements[0], 0.93,
             "12 killed vs 17 bodies", "the death toll"),
            (analyses["gazette"].statements[1], analyses["hostile"].statements[0], 0.71,
             "<i>accident</i> vs hiding the dead", None),
        ]:  # fmt: skip
            store.execute(
                "INSERT INTO relations (a, b, relation, score, evidence, about) VALUES (?, ?, ?, ?, ?, ?)",
                [a.id, b.id, "contradict", score, evidence(reason, a, b), about],
            )
    return ids


def build_file(path: Path | str) -> dict[str, str]:
    store = open_store(str(path))
    try:
        return build(store)
    finally:
        store.close()
