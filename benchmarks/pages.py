"""What each built page costs a reader: compressed bytes on a cold load and time to load.

Bytes are counted the way a web server with gzip would send them: every file the page
requested from the book, compressed at gzip level 6. The time is the browser's own
navigation timing (start to the load event) on 127.0.0.1. Budget: 1.5 MB and 1 s per page.
"""

from __future__ import annotations

import gzip
import json
import os
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
HTML = Path(os.environ.get("BOOK_HTML") or ROOT / "_build" / "html").resolve()
BUDGET_BYTES = 1_500_000
BUDGET_SECONDS = 1.0


@cache
def gzip_size(path: Path) -> int:
    """The size of a file as a gzip-compressing web server would send it."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_cost(tab: object, url: str, root: Path = HTML) -> dict[str, float]:
    """Load ``url`` in a fresh browser tab and return its compressed bytes and load time."""
    requested: list[str] = []
    tab.on("request", lambda r: requested.append(r.url))
    tab.goto(url, wait_until="load")
    tab.wait_for_load_state("networkidle")
    timing = tab.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n.loadEventEnd - n.startTime; }"
    )
    total = 0
    for address in dict.fromkeys(requested):
        parsed = urlparse(address)
        if parsed.scheme not in ("http", "https"):
            continue
        path = root / unquote(parsed.path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            total += gzip_size(path)
    return {"bytes": total, "seconds": round(timing / 1000, 3), "requests": len(requested)}


def run() -> dict[str, dict[str, float]]:
    """Measure every page of the built book (serves it on 127.0.0.1 for the duration)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from tests.book.toc import toc_pages
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(HTML))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for page in toc_pages():
            context = browser.new_context()
            results[page] = page_cost(context.new_page(), f"{base}/{page}.html")
            context.close()
        browser.close()
    server.shutdown()
    return dict(sorted(results.items(), key=lambda kv: -kv[1]["bytes"]))


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
