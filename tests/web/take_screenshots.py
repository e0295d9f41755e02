"""Write docs/screenshot-*.png: the reader on the sample article, in headless Chromium.

Run from the repository root: `.venv/bin/python tests/web/take_screenshots.py`. Look at the pictures
before committing them.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE_ARTICLE = REPO.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
WAIT_FOR_VIEW = (
    "() => { const v = document.getElementById('view');"
    " return v && v.dataset.ready === 'true' && v.dataset.route === location.hash; }"
)


def serve(location: str) -> str:
    import uvicorn

    from vakanuvis.api.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(location), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}"


def main() -> int:
    from playwright.sync_api import sync_playwright

    from vakanuvis.knowledge_base import KnowledgeBase

    location = str(Path(tempfile.mkdtemp()) / "kb.db")
    knowledge_base = KnowledgeBase(location)
    knowledge_base.ingest([SAMPLE_ARTICLE])
    sample = next(d["id"] for d in knowledge_base.documents() if d["path"].endswith(SAMPLE_ARTICLE.name))
    base = serve(location)
    docs = REPO / "docs"
    docs.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 860})
        shots = [
            ("reader", f"doc/{sample}", lambda: page.locator('.fn-marker[data-footnote="2"]').click()),
            ("timeline", "timeline", None),
            ("map", "map", None),
            ("network", "network?from=1920&to=1920&from2=1922&to2=1922", None),
        ]
        for name, route, action in shots:
            page.goto(f"{base}/#/{route}")
            page.wait_for_function(WAIT_FOR_VIEW)
            if action:
                action()
            page.wait_for_timeout(400)
            page.screenshot(path=str(docs / f"screenshot-{name}.png"))
            print(docs / f"screenshot-{name}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
