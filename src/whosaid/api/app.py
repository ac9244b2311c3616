"""Builds the one ASGI application that serves the JSON API (/api) and the web page (/)."""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

import whosaid
from whosaid.api import routes, write
from whosaid.api.deps import Settings
from whosaid.api.security import DEFAULT_MAX_BODY_BYTES, BodySizeLimit, RejectNul, SecurityHeaders
from whosaid.store import open_store
from whosaid.store.base import Store


def create_app(
    store_url: str | Store,
    *,
    token: str | None = None,
    private: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> FastAPI:
    """The whosaid server over the store at ``store_url`` (DuckDB path or postgresql:// URL).

    ``token`` (default: the WHOSAID_TOKEN environment variable) allows POST /api/articles; with
    ``private`` every read needs it too. An open Store may be passed instead of a URL (it is then
    left open when the app stops).
    """
    from whosaid.web import views

    token = token if token is not None else os.environ.get("WHOSAID_TOKEN") or None
    owns_store = not hasattr(store_url, "query")
    store: Store = open_store(store_url) if isinstance(store_url, str) else store_url

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_store:
            store.close()

    app = FastAPI(
        title="whosaid",
        version=getattr(whosaid, "__version__", "0.1.0"),
        description="Who said what, when, about what - and who contradicts whom - across news articles.",
        # The bundled Swagger and ReDoc pages load scripts from a CDN; /openapi.json is enough.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.write_lock = threading.Lock()
    app.state.settings = Settings(token=token, private=private, max_body_bytes=max_body_bytes)
    app.include_router(routes.router)
    app.include_router(write.router)
    app.include_router(views.router)
    views.mount_static(app)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if views.wants_html(request):
            return views.error_page(request, exc.status_code, str(exc.detail), exc.headers)
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if views.wants_html(request):
            return views.error_page(request, 422, "Some of the search fields are not valid.", None)
        return await request_validation_exception_handler(request, exc)

    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.add_middleware(RejectNul)
    app.add_middleware(SecurityHeaders)
    return app
