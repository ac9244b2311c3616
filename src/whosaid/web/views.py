"""The web page: server-rendered, autoescaped Jinja templates that read through the same queries
as the API. Reading needs no JavaScript; nothing is fetched from anywhere else at run time."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from whosaid import link
from whosaid.api import queries
from whosaid.api.deps import require_reader, store_of
from whosaid.link.conflict_groups import group_conflicts
from whosaid.web.highlight import colours_by_speaker, highlight, speaker_label, tooltip

HERE = Path(__file__).parent
router = APIRouter(dependencies=[Depends(require_reader)], include_in_schema=False)

Text = Annotated[str | None, Query(max_length=500)]
Cursor = Annotated[str | None, Query(max_length=500)]


def safe_link(url: Any) -> str | None:
    """Only http(s) links from stored data become hrefs (never javascript: or data:)."""
    if not isinstance(url, str):
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["safe_link"] = safe_link
    env.filters["tip"] = tooltip
    env.filters["who"] = speaker_label
    env.filters["pct"] = lambda value: f"{float(value or 0):.2f}"
    return env


templates = Jinja2Templates(env=_environment())


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path == "/openapi.json")


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, detail: str, headers: Mapping[str, str] | None) -> Response:
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "detail": detail},
        status_code=status,
        headers=dict(headers) if headers else None,
    )


KINDS = ("direct", "indirect", "mixed")


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail="Dates must be written YYYY-MM-DD.") from exc


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    outlet: Text = None,
    kind: Text = None,
    since: Text = None,
    until: Text = None,
    cursor: Cursor = None,
) -> HTMLResponse:
    # A submitted form sends every field, empty ones as "": they mean "any".
    store = store_of(request)
    if kind and kind not in KINDS:
        raise HTTPException(status_code=422, detail=f"Kind must be one of: {', '.join(KINDS)}.")
    found = queries.StatementFilter(q, speaker, outlet, kind or None, _day(since), _day(until))
    try:
        page = queries.search_statements(store, found, 25, cursor)
    except queries.BadCursor as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    form = {"q": q, "speaker": speaker, "outlet": outlet, "kind": kind, "since": since, "until": until}
    more = None
    if page.next_cursor:
        more = "?" + urlencode({k: v for k, v in form.items() if v} | {"cursor": page.next_cursor})
    return render(
        request,
        "search.html",
        form=form,
        results=page.items,
        more=more,
        colours=colours_by_speaker(page.items),
        counts=queries.stats(store),
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, q: Text = None) -> HTMLResponse:
    rows = queries.list_speakers(store_of(request), q, 200)
    return render(request, "speakers.html", q=q, speakers=rows)


@router.get("/speakers/{key:path}", response_class=HTMLResponse)
def speaker_page(request: Request, key: str) -> HTMLResponse:
    store = store_of(request)
    found = queries.speaker_detail(store, key)
    if found is None:
        raise HTTPException(status_code=404, detail="No speaker by that name or id.")
    return render(
        request, "speaker.html", speaker=found, conflicts=link.conflicts(store, speaker=found["name"])
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, outlet: Text = None, cursor: Cursor = None) -> HTMLResponse:
    try:
        page = queries.list_articles(store_of(request), 50, cursor, outlet)
    except queries.BadCursor as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    more = None
    if page.next_cursor:
        more = "?" + urlencode({"outlet": outlet or "", "cursor": page.next_cursor})
    return render(request, "articles.html", articles=page.items, more=more, outlet=outlet)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    found = queries.article_detail(store_of(request), article_id)
    if found is None:
        raise HTTPException(status_code=404, detail="No article with that id.")
    marked = highlight(found["text"], found["statements"])
    return render(request, "article.html", article=found, marked=marked)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> HTMLResponse:
    return render(request, "stories.html", stories=link.stories(store_of(request)))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    store = store_of(request)
    found = link.story(store, story_id)
    if found is None:
        raise HTTPException(status_code=404, detail="No story with that id.")
    return render(request, "story.html", story=found, claims=link.claims(store, story_id))


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, speaker: Text = None, every: bool = False) -> HTMLResponse:
    """One card per disagreement (the same two speakers on the same point, however many article
    pairs carry it); ``?every=1`` lists every pair."""
    found = link.conflicts(store_of(request), speaker=speaker)
    groups = None if every else group_conflicts(found)
    return render(request, "conflicts.html", conflicts=found, groups=groups, speaker=speaker)
