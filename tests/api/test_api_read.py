"""Every read endpoint of the JSON API against a real server over the sample store."""

from __future__ import annotations

import csv
import io

import pytest

from .conftest import Served
from .sample_store import SPLIT_PIECES, SPLIT_QUOTATION, SQL_QUOTE, XSS_QUOTE


def get(served: Served, path: str, **params: object) -> dict:  # type: ignore[type-arg]
    response = served.client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()  # type: ignore[no-any-return]


def test_stats_are_the_store_counts(served: Served) -> None:
    assert get(served, "/api/stats") == served.store.counts()


def test_openapi_lists_every_endpoint(served: Served) -> None:
    paths = get(served, "/openapi.json")["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/statements", "/api/speakers",
                 "/api/speakers/{key}", "/api/entities/{entity_id}", "/api/stories", "/api/conflicts",
                 "/api/claims/{claim_id}", "/api/stories/{story_id}/claims"):  # fmt: skip
        assert path in paths
    assert "post" in paths["/api/articles"]


def test_articles_list_and_cursor(served: Served) -> None:
    everything = get(served, "/api/articles", limit=100)
    assert len(everything["items"]) == 4 and everything["next_cursor"] is None
    dated = [a["published"] for a in everything["items"] if a["published"]]
    assert dated == sorted(dated, reverse=True)
    assert everything["items"][-1]["published"] is None  # undated last
    seen, cursor = [], None
    while True:
        page = get(served, "/api/articles", limit=1, **({"cursor": cursor} if cursor else {}))
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [a["id"] for a in everything["items"]]


def test_article_detail_keeps_offsets(served: Served) -> None:
    article = get(served, f"/api/articles/{served.ids['gazette']}")
    assert article["outlet"] == "Harbour Gazette" and len(article["statements"]) == 3
    text = article["text"]
    for st in article["statements"]:
        assert text[st["content_start"] : st["content_end"]] == st["content"]
        if st["speaker_start"] is not None:
            assert text[st["speaker_start"] : st["speaker_end"]] == st["speaker_text"]
        if st["cue_start"] is not None:
            assert text[st["cue_start"] : st["cue_end"]] == st["cue"]


@pytest.mark.parametrize(
    "path",
    ["/api/articles/nope", "/api/statements/nope:0", "/api/speakers/Nobody%20At%20All", "/api/entities/nope",
     "/api/stories/nope", "/api/stories/nope/claims", "/api/claims/nope", "/api/nothing-here"],
)  # fmt: skip
def test_unknown_ids_are_404(served: Served, path: str) -> None:
    response = served.client.get(path)
    assert response.status_code == 404
    assert "detail" in response.json()


def test_statement_search_filters(served: Served) -> None:
    killed = get(served, "/api/statements", q="KILLED explosion")["items"]
    assert [s["id"] for s in killed] == [f"{served.ids['gazette']}:0"]
    by_name = get(served, "/api/statements", speaker="marta kowalin")["items"]
    by_entity = get(served, "/api/statements", speaker="ent-kowalin")["items"]
    assert len(by_name) == 2 and by_name == by_entity
    daily = get(served, "/api/statements", outlet="Nordvik Daily")["items"]
    assert {s["speaker"] for s in daily} == {"Emil Sorensen"}
    indirect = get(served, "/api/statements", kind="indirect")["items"]
    assert indirect and all(s["kind"] == "indirect" for s in indirect)
    june_12 = get(served, "/api/statements", since="2025-06-11", until="2025-06-12")["items"]
    assert {s["article_id"] for s in june_12} == {served.ids["hostile"]}
    assert get(served, "/api/statements", q="no such words anywhere")["items"] == []


def test_statement_pages_cover_everything_once(served: Served) -> None:
    whole = [s["id"] for s in get(served, "/api/statements", limit=500)["items"]]
    assert len(whole) == served.store.counts()["statements"]
    paged, cursor = [], None
    while True:
        page = get(served, "/api/statements", limit=2, **({"cursor": cursor} if cursor else {}))
        paged += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert paged == whole


@pytest.mark.parametrize(
    "q",
    ["'; DROP TABLE statements; --", "' OR '1'='1", "%", "_", "\\", '"); DELETE FROM articles; --',
     "<script>alert(1)</script>", "!!", "?", "$1", "%s", "%(x)s", "{0}", "\\x00"],
)  # fmt: skip
def test_injection_strings_in_search_are_harmless(served: Served, q: str) -> None:
    before = served.store.counts()
    for path in ("/api/statements", "/api/speakers", "/api/entities", "/api/conflicts"):
        key = "speaker" if path == "/api/conflicts" else "q"
        response = served.client.get(path, params={key: q})
        assert response.status_code in (200, 422), response.text
    assert served.store.counts() == before


def test_nul_characters_are_refused(served: Served) -> None:
    for path in ("/api/statements?q=a%00b", "/api/articles/a%00b", "/speakers/x%00", "/?q=%00"):
        assert served.client.get(path).status_code == 400, path


def test_like_wildcards_are_literal(served: Served) -> None:
    percent = get(served, "/api/statements", q="100%")["items"]
    assert [s["content"] for s in percent] == [SQL_QUOTE]
    assert get(served, "/api/statements", q="%")["items"] == percent
    assert [s["content"] for s in get(served, "/api/statements", q="of_us")["items"]] == [SQL_QUOTE]


def test_hostile_text_comes_back_verbatim_in_json(served: Served) -> None:
    found = get(served, "/api/statements", q="<script>")["items"]
    assert [s["content"] for s in found] == [XSS_QUOTE]


@pytest.mark.parametrize(
    "params",
    [{"since": "yesterday"}, {"until": "2025-13-01"}, {"limit": 0}, {"limit": 100000}, {"kind": "shouted"},
     {"format": "xml"}, {"q": "x" * 501}],
)  # fmt: skip
def test_bad_parameters_are_422(served: Served, params: dict[str, object]) -> None:
    assert served.client.get("/api/statements", params=params).status_code == 422


@pytest.mark.parametrize("cursor", ["garbage", "W10", "WyJ4IiwgMSwgMl0", "!!!"])
def test_bad_cursor_is_400(served: Served, cursor: str) -> None:
    response = served.client.get("/api/statements", params={"cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.json()["detail"]


def test_csv_tables(served: Served) -> None:
    response = served.client.get("/api/statements", params={"format": "csv", "limit": 500})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == served.store.counts()["statements"]
    sql_row = next(r for r in rows if "DROP TABLE" in r["content"])
    assert sql_row["content"] == SQL_QUOTE  # starts with a quote mark, not a formula character
    assert SPLIT_QUOTATION in [r["quotation"] for r in rows]  # the split quote without "Sorensen said"
    for path in ("/api/articles", "/api/speakers", "/api/entities", "/api/stories", "/api/conflicts"):
        table = served.client.get(path, params={"format": "csv"})
        assert table.status_code == 200, path
        assert len(list(csv.reader(io.StringIO(table.text)))) >= 2, path


def test_speakers_and_timeline(served: Served) -> None:
    speakers = {s["name"]: s for s in get(served, "/api/speakers")["items"]}
    assert speakers["Marta Kowalin"]["key"] == "ent-kowalin"
    assert speakers["Marta Kowalin"]["statements"] == 2
    assert speakers["Piotr Nowak"]["key"] == "Piotr Nowak"  # not resolved: keyed by name
    assert [s["name"] for s in get(served, "/api/speakers", q="sorens")["items"]] == ["Emil Sorensen"]
    kowalin = get(served, "/api/speakers/ent-kowalin")
    assert kowalin["entity"]["aliases"] == ["Kowalin", "Marta Kowalin"]
    assert "Interior Minister" in kowalin["roles"]
    assert [s["idx"] for s in kowalin["timeline"]] == [0, 1]
    by_name = get(served, "/api/speakers/marta kowalin")  # resolved: the name opens the entity
    assert by_name["entity"]["id"] == "ent-kowalin" and by_name["timeline"] == kowalin["timeline"]
    nowak = get(served, "/api/speakers/piotr nowak")
    assert nowak["entity"] is None and len(nowak["timeline"]) == 1


def test_entities(served: Served) -> None:
    entities = get(served, "/api/entities")["items"]
    assert {e["id"] for e in entities} == {"ent-kowalin", "ent-sorensen"}
    assert [e["id"] for e in get(served, "/api/entities", q="dr. emil")["items"]] == ["ent-sorensen"]
    assert get(served, "/api/entities", type="ORG")["items"] == []
    sorensen = get(served, "/api/entities/ent-sorensen")
    assert sorensen["name"] == "Emil Sorensen" and len(sorensen["timeline"]) == 2


def test_stories_and_claims(served: Served) -> None:
    stories = get(served, "/api/stories")["items"]
    assert [(s["id"], s["n_articles"], s["n_conflicts"]) for s in stories] == [("story-karsvik", 3, 2)]
    assert stories[0]["outlets"] == ["Harbour Gazette", "Nordvik Daily", "Karsvik Post"]
    story = get(served, "/api/stories/story-karsvik")
    assert len(story["articles"]) == 3 and story["claims"][0]["id"] == "claim-toll"
    claims = get(served, "/api/stories/story-karsvik/claims")["items"]
    assert claims[0]["speakers"] == ["Marta Kowalin", "Emil Sorensen"]
    claim = get(served, "/api/claims/claim-toll")
    assert claim["label"] == "How many people died" and len(claim["statements"]) == 2


def test_conflicts_show_both_sides(served: Served) -> None:
    conflicts = get(served, "/api/conflicts")["items"]
    assert len(conflicts) == 2
    toll = conflicts[0]
    assert toll["about"] == "the death toll" and toll["evidence"]["reason"] == "12 killed vs 17 bodies"
    assert (toll["a"]["speaker"], toll["a"]["outlet"]) == ("Marta Kowalin", "Harbour Gazette")
    assert (toll["b"]["speaker"], toll["b"]["outlet"]) == ("Emil Sorensen", "Nordvik Daily")
    assert toll["a"]["published"] == "2025-06-10"
    assert len(get(served, "/api/conflicts", speaker="Viktor Andersen")["items"]) == 1
    assert get(served, "/api/conflicts", speaker="Nobody")["items"] == []
    assert len(get(served, "/api/conflicts", limit=1)["items"]) == 1


def test_security_headers_everywhere(served: Served) -> None:
    for path in ("/api/stats", "/", "/api/nope", "/static/style.css", "/openapi.json"):
        headers = served.client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
    assert served.client.get("/docs").status_code == 404  # the CDN-loading Swagger page is off


def test_split_quote_pieces_and_quotation(served: Served) -> None:
    article = get(served, f"/api/articles/{served.ids['daily']}")
    text = article["text"]
    one, split = article["statements"]
    assert split["content_parts"] == [
        {"start": text.index(piece), "end": text.index(piece) + len(piece), "text": piece}
        for piece in SPLIT_PIECES
    ]
    assert split["quotation"] == SPLIT_QUOTATION and "Sorensen said" in split["content"]
    # a statement in one piece: that piece is its content
    assert one["content_parts"] == [
        {"start": one["content_start"], "end": one["content_end"], "text": one["content"]}
    ]
    assert one["quotation"] == one["content"]
    for st in [
        *get(served, "/api/statements", limit=500)["items"],
        get(served, f"/api/statements/{split['id']}"),
    ]:
        for part in st["content_parts"]:
            assert st["content_start"] <= part["start"] < part["end"] <= st["content_end"]
            assert (
                st["content"][part["start"] - st["content_start"] : part["end"] - st["content_start"]]
                == part["text"]
            )
    timeline = get(served, "/api/speakers/Emil Sorensen")["timeline"]
    assert [s["quotation"] for s in timeline][-1] == SPLIT_QUOTATION
