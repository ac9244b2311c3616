"""``whosaid serve``: the HTTP API and the web page in one process (uvicorn)."""

from __future__ import annotations

import argparse
import os
import sys

from whosaid.errors import WhosaidError

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the HTTP API (/api) and the web page (/)",
        description=(
            "Serve the store over HTTP: the JSON API under /api (schema at /openapi.json) and the web "
            "page at /. POST /api/articles needs the token in the WHOSAID_TOKEN environment variable."
        ),
    )
    parser.add_argument(
        "--db", default=None, help="DuckDB file or postgresql:// URL (default ./whosaid.duckdb)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--private",
        action="store_true",
        help="require the WHOSAID_TOKEN for reading too, not only for writing",
    )
    parser.add_argument(
        "--max-body-mb", type=float, default=5.0, help="largest request body accepted, in MB (default 5)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from whosaid.api.app import create_app
    from whosaid.store import DEFAULT_DB

    token = os.environ.get("WHOSAID_TOKEN") or None
    if args.private and not token:
        raise WhosaidError(
            "whosaid: --private needs a token: set WHOSAID_TOKEN, then start the server again."
        )
    if not 0 < args.port < 65536:
        raise WhosaidError(f"whosaid: --port {args.port} is not a port number; use 1-65535.")
    if args.host not in LOOPBACK and not token:
        print(
            f"whosaid: listening on {args.host} with no WHOSAID_TOKEN: reads are public, writes disabled.",
            file=sys.stderr,
        )
    app = create_app(
        args.db or DEFAULT_DB, token=token, private=args.private, max_body_bytes=int(args.max_body_mb * 1e6)
    )
    writes = "POST /api/articles enabled" if token else "read-only (set WHOSAID_TOKEN to allow POST)"
    print(
        f"whosaid: serving {args.db or DEFAULT_DB} on http://{args.host}:{args.port}/ ({writes})",
        file=sys.stderr,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0
