"""POST /api/articles: ingest one article through the same pipeline as ``whosaid ingest``.

The body is JSON (``{"text", "title"?, "url"?, "published"?, "outlet"?}``) or a raw HTML / markdown /
plain-text upload (metadata then comes from the query string). The ``url`` is kept as metadata only:
the server never fetches a URL a client sends.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from whosaid.api.deps import require_writer, store_of
from whosaid.api.ingest_bridge import RAW_FORMATS, analyze_and_store, article_from_json, article_from_upload
from whosaid.errors import WhosaidError
from whosaid.model import Article

router = APIRouter(prefix="/api")

MAX_TEXT_CHARS = 1_000_000


class ArticleIn(BaseModel):
    """An article sent as JSON."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, max_length=200, description="your id for it, echoed in outputs")
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="the article's plain text")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000, description="kept as metadata; never fetched")
    published: date | None = None
    outlet: str | None = Field(default=None, max_length=200)


BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/html": {"schema": {"type": "string"}},
            "text/markdown": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/articles",
    summary="Ingest one article (needs Authorization: Bearer <WHOSAID_TOKEN>)",
    status_code=201,
    dependencies=[Depends(require_writer)],
    openapi_extra=BODY_DOC,
    responses={
        200: {"description": "already stored (same text); nothing changed"},
        401: {"description": "missing or wrong token"},
        413: {"description": "body over the size limit"},
        415: {"description": "unsupported Content-Type"},
        422: {"description": "malformed JSON or invalid fields"},
    },
)
async def post_article(
    request: Request,
    title: Annotated[str | None, Query(max_length=1000)] = None,
    url: Annotated[str | None, Query(max_length=2000)] = None,
    published: date | None = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
) -> JSONResponse:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if media_type == "application/json":
        incoming = _parse_json(body)
        text, fmt = incoming.text, "json"
    elif media_type in RAW_FORMATS:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPException(status_code=400, detail="the body is not UTF-8 text") from exc
        fmt = RAW_FORMATS[media_type]
    else:
        raise HTTPException(
            status_code=415,
            detail="send application/json, text/html, text/markdown or text/plain",
        )
    if not text.strip():
        raise HTTPException(status_code=422, detail="the article has no text")
    try:
        if fmt == "json":
            article = article_from_json(incoming.model_dump())
        else:
            article = article_from_upload(text, fmt, title=title, url=url, published=published, outlet=outlet)
        added, statements = await run_in_threadpool(_store_serially, request, article)
    except WhosaidError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return JSONResponse(
        {"id": article.id, "added": added, "statements": statements, "href": f"/api/articles/{article.id}"},
        status_code=201 if added else 200,
    )


def _store_serially(request: Request, article: Article) -> tuple[bool, int]:
    # One writer at a time: linking reads and updates stories other writes would also touch.
    with request.app.state.write_lock:
        return analyze_and_store(store_of(request), article)


def _parse_json(body: bytes) -> ArticleIn:
    try:
        return ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        if any(e["type"] == "json_invalid" for e in exc.errors()):
            raise HTTPException(status_code=400, detail="malformed JSON body") from exc
        # Field errors, without echoing the (possibly huge, possibly hostile) input back.
        problems = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()[:20]]
        raise HTTPException(status_code=422, detail=json.loads(json.dumps(problems))) from exc
