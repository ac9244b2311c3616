"""Screenshots of the main web pages for docs/screenshots/, over the demo store.

    .venv/bin/python scripts/screenshots.py [--db FILE] [--out docs/screenshots]

Without --db it builds the demo store in a temporary directory with the real pipeline (read, extract,
resolve, link), serves it on a free loopback port and drives Debian's Chromium through Playwright.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from urllib.parse import quote

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import whosaid.demo_data
from whosaid.api.app import create_app
from whosaid.api.background import BackgroundServer
from whosaid.store import open_store
from whosaid.store.base import Store

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def demo_store(folder: Path) -> Store:
    from whosaid.pipeline import ingest

    store = open_store(str(folder / "demo.duckdb"))
    report = ingest([Path(whosaid.demo_data.__file__).parent / "articles"], store, progress=False)
    for failure in report.failures:
        print(f"screenshots: {failure}")
    return store


def pages(store: Store) -> list[tuple[str, str, bool]]:
    """(file name, path, phone-sized) for each screenshot."""
    speaker = store.query(
        "SELECT COALESCE(speaker_entity_id, speaker) AS key, COUNT(*) AS n FROM statements"
        " WHERE speaker IS NOT NULL GROUP BY COALESCE(speaker_entity_id, speaker) ORDER BY n DESC LIMIT 1"
    )
    article = store.query(
        "SELECT a.id, COUNT(*) AS n FROM articles a JOIN statements s ON s.article_id = a.id"
        " GROUP BY a.id, a.published ORDER BY n DESC, a.published LIMIT 1"
    )
    story = store.query(
        "SELECT story_id AS id, COUNT(*) AS n FROM story_articles"
        " GROUP BY story_id ORDER BY n DESC, id LIMIT 1"
    )
    shots = [("search.png", "/?q=killed", False), ("conflicts.png", "/conflicts", False)]
    if speaker:
        shots.append(("speaker.png", "/speakers/" + quote(str(speaker[0]["key"]), safe=""), False))
    if article:
        shots.append(("article.png", f"/articles/{article[0]['id']}", False))
        shots.append(("article-phone.png", f"/articles/{article[0]['id']}", True))
    if story:
        shots.append(("story.png", f"/stories/{story[0]['id']}", False))
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="an existing store to photograph instead of the demo")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db) if args.db else demo_store(Path(tmp))
        with BackgroundServer(create_app(store)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                                 args=CHROMIUM_ARGS)  # fmt: skip
            for name, path, phone in pages(store):
                size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 860}
                context = browser.new_context(viewport=size, device_scale_factor=2 if phone else 1,
                                              is_mobile=phone)  # fmt: skip
                page = context.new_page()
                page.goto(url + path)
                page.screenshot(path=str(args.out / name))
                print(f"screenshots: {args.out / name}")
                context.close()
            browser.close()
        store.close()


if __name__ == "__main__":
    main()
