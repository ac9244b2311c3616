"""Request-scoped helpers shared by the API and web routers: the store, access checks, output formats."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fastapi import HTTPException, Request
from fastapi.responses import Response

from whosaid.api.security import token_matches
from whosaid.serialize import csv_cell
from whosaid.store.base import Row, Store


@dataclass(slots=True)
class Settings:
    token: str | None
    private: bool
    max_body_bytes: int


def store_of(request: Request) -> Store:
    """The app's store; its backend gives each server thread its own connection."""
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def require_reader(request: Request) -> None:
    """Reads are open unless the operator started the server with --private."""
    settings = settings_of(request)
    if settings.private and not token_matches(request.headers.get("authorization"), settings.token):
        raise HTTPException(
            status_code=401,
            detail="this server is private: send 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": 'Basic realm="whosaid", charset="UTF-8"'},
        )


def require_writer(request: Request) -> None:
    settings = settings_of(request)
    if not settings.token:
        raise HTTPException(
            status_code=403,
            detail="writing is disabled: start the server with WHOSAID_TOKEN set to allow POST",
        )
    if not token_matches(request.headers.get("authorization"), settings.token):
        raise HTTPException(
            status_code=401,
            detail="missing or wrong token: send 'Authorization: Bearer <WHOSAID_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


def csv_response(rows: Iterable[Row], columns: Sequence[str], filename: str) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
