"""The read side of the JSON API under /api. CSV (``?format=csv``) wherever the answer is a table."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from whosaid import link
from whosaid.api import queries
from whosaid.api.deps import csv_response, require_reader, store_of
from whosaid.link.conflict_groups import group_conflicts

router = APIRouter(prefix="/api", dependencies=[Depends(require_reader)])

Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv")]
Limit = Annotated[int, Query(ge=1, le=500, description="at most this many items")]
Cursor = Annotated[str | None, Query(max_length=500, description="next_cursor of the previous page")]
Text = Annotated[str | None, Query(max_length=500)]
Kind = Literal["direct", "indirect", "mixed"]

STATEMENT_CSV = [
    "id", "article_id", "kind", "speaker", "speaker_entity_id", "speaker_role", "cue", "content",
    "said_on", "outlet", "published", "article_title", "confidence", "quotation",
]  # fmt: skip
ARTICLE_CSV = ["id", "title", "outlet", "published", "url", "statements"]
SPEAKER_CSV = [
    "key",
    "name",
    "entity_id",
    "type",
    "role",
    "statements",
    "articles",
    "first_said",
    "last_said",
]
ENTITY_CSV = ["id", "name", "type", "aliases", "statements"]
STORY_CSV = [
    "id", "title", "first_published", "last_published", "n_articles", "n_statements", "n_conflicts",
    "outlets",
]  # fmt: skip
CONFLICT_CSV = [
    "score", "about", "reason", "story_id", "a_id", "a_speaker", "a_content", "a_outlet", "a_published",
    "a_said_on", "b_id", "b_speaker", "b_content", "b_outlet", "b_published", "b_said_on",
]  # fmt: skip


def _not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} with id {key!r}")


def _bad_cursor(exc: queries.BadCursor) -> HTTPException:
    return HTTPException(status_code=400, detail=str(exc))


@router.get("/stats", summary="Row count of every table")
def stats(request: Request) -> dict[str, int]:
    return queries.stats(store_of(request))


@router.get("/articles", summary="Articles, newest first, with a stable cursor", response_model=None)
def articles(
    request: Request,
    outlet: Text = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = "json",
) -> dict[str, Any] | Response:
    try:
        page = queries.list_articles(store_of(request), limit, cursor, outlet)
    except queries.BadCursor as exc:
        raise _bad_cursor(exc) from exc
    if format == "csv":
        return csv_response(page.items, ARTICLE_CSV, "articles.csv")
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/articles/{article_id}", summary="One article with its text, statements and spans")
def article(request: Request, article_id: str) -> dict[str, Any]:
    found = queries.article_detail(store_of(request), article_id)
    if found is None:
        raise _not_found("article", article_id)
    return found


@router.get("/statements", summary="Search statements (words in q must all occur)", response_model=None)
def statements(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    outlet: Text = None,
    kind: Kind | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
    format: Format = "json",
) -> dict[str, Any] | Response:
    found = queries.StatementFilter(q, speaker, outlet, kind, since, until)
    try:
        page = queries.search_statements(store_of(request), found, limit, cursor)
    except queries.BadCursor as exc:
        raise _bad_cursor(exc) from exc
    if format == "csv":
        return csv_response(page.items, STATEMENT_CSV, "statements.csv")
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/statements/{statement_id}", summary="One statement with its spans")
def statement(request: Request, statement_id: str) -> dict[str, Any]:
    found = queries.statement_detail(store_of(request), statement_id)
    if found is None:
        raise _not_found("statement", statement_id)
    return found


@router.get("/speakers", summary="Everyone quoted, most quoted first", response_model=None)
def speakers(
    request: Request, q: Text = None, limit: Limit = 100, format: Format = "json"
) -> dict[str, Any] | Response:
    rows = queries.list_speakers(store_of(request), q, limit)
    if format == "csv":
        return csv_response(rows, SPEAKER_CSV, "speakers.csv")
    return {"items": rows}


@router.get("/speakers/{key:path}", summary="One speaker (entity id or name) with a timeline")
def speaker(request: Request, key: str) -> dict[str, Any]:
    found = queries.speaker_detail(store_of(request), key)
    if found is None:
        raise _not_found("speaker", key)
    return found


@router.get("/entities", summary="Resolved entities with alias and statement counts", response_model=None)
def entities(
    request: Request,
    q: Text = None,
    type: Annotated[str | None, Query(max_length=20)] = None,
    limit: Limit = 100,
    format: Format = "json",
) -> dict[str, Any] | Response:
    rows = queries.list_entities(store_of(request), q, type, limit)
    if format == "csv":
        return csv_response(rows, ENTITY_CSV, "entities.csv")
    return {"items": rows}


@router.get("/entities/{entity_id}", summary="One entity: aliases, roles and timeline of statements")
def entity(request: Request, entity_id: str) -> dict[str, Any]:
    store = store_of(request)
    if queries.entity_record(store, entity_id) is None:
        raise _not_found("entity", entity_id)
    found = queries.speaker_detail(store, entity_id)
    assert found is not None  # the entity exists, so the detail does
    return found


@router.get("/stories", summary="Stories (articles about the same event)", response_model=None)
def stories(request: Request, limit: Limit = 100, format: Format = "json") -> dict[str, Any] | Response:
    rows = link.stories(store_of(request))[:limit]
    if format == "csv":
        return csv_response(rows, STORY_CSV, "stories.csv")
    return {"items": rows}


@router.get("/stories/{story_id}", summary="One story with its articles and claims")
def story(request: Request, story_id: str) -> dict[str, Any]:
    store = store_of(request)
    found = link.story(store, story_id)
    if found is None:
        raise _not_found("story", story_id)
    return found | {"claims": link.claims(store, story_id)}


@router.get("/stories/{story_id}/claims", summary="The claims of one story, each with its statements")
def story_claims(request: Request, story_id: str) -> dict[str, Any]:
    store = store_of(request)
    if not store.query("SELECT id FROM stories WHERE id = ?", [story_id]):
        raise _not_found("story", story_id)
    return {"items": link.claims(store, story_id)}


@router.get("/claims/{claim_id}", summary="One claim with the statements that make it")
def claim(request: Request, claim_id: str) -> dict[str, Any]:
    found = queries.claim_detail(store_of(request), claim_id)
    if found is None:
        raise _not_found("claim", claim_id)
    return found


@router.get("/conflicts", summary="Statements that contradict each other, both sides", response_model=None)
def conflicts(
    request: Request,
    speaker: Text = None,
    limit: Limit = 100,
    format: Format = "json",
    group: Annotated[
        bool,
        Query(description="also return `groups`: one entry per disagreement (same two speakers, same point)"),
    ] = False,
) -> dict[str, Any] | Response:
    every = link.conflicts(store_of(request), speaker=speaker)
    found = every[:limit]
    if format == "csv":
        return csv_response([queries.flat_conflict(c) for c in found], CONFLICT_CSV, "conflicts.csv")
    if group:
        return {"items": found, "groups": group_conflicts(every)[:limit]}
    return {"items": found}
