"""Write docs/screenshot-*.png: the reader on the sample article, in headless Chromium.

Run from the repository root: `.venv/bin/python tests/web/take_screenshots.py [FOLDER]` (docs/ when no
folder is named). Besides the four views of docs/, it takes the documents list (with the primary sources
of primary_sources.py beside the article) at 1280 and 700 pixels wide, in Turkish and in English, a
primary source's page, and the timeline over them (whole, one year, zoomed in to days). Look at the pictures before committing them.
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


def knowledge_base_with(location: str, primary_sources: bool):
    from vakanuvis.knowledge_base import KnowledgeBase

    knowledge_base = KnowledgeBase(location)
    knowledge_base.ingest([SAMPLE_ARTICLE])
    if primary_sources:
        from primary_sources import store_primary_sources  # beside this script

        store_primary_sources(knowledge_base, Path(location).parent / "primary")
    return knowledge_base


def shoot(browser, base: str, out: Path, shots, width: int, height: int, english: bool = False) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{base}/#/")
    page.evaluate(f"localStorage.setItem('vakanuvis-lang', '{'en' if english else 'tr'}')")
    for name, route, action in shots:
        page.goto(f"{base}/#/{route}")
        page.reload()  # the language is read when the page loads
        page.wait_for_function(WAIT_FOR_VIEW)
        if action:
            action(page)
        page.wait_for_timeout(400)
        page.screenshot(path=str(out / f"screenshot-{name}.png"), full_page=name.startswith("documents"))
        print(out / f"screenshot-{name}.png")
    page.close()


def main() -> int:
    from playwright.sync_api import sync_playwright

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs"
    out.mkdir(parents=True, exist_ok=True)
    # docs/ shows the reader on the article alone; the documents list is shown with primary sources beside it
    article = knowledge_base_with(str(Path(tempfile.mkdtemp()) / "kb.db"), primary_sources=False)
    sample = next(d["id"] for d in article.documents() if d["path"].endswith(SAMPLE_ARTICLE.name))
    mixed = knowledge_base_with(str(Path(tempfile.mkdtemp()) / "kb.db"), primary_sources=True)
    telegram = next(d["id"] for d in mixed.documents() if d["type"] == "telegram")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        footnote = lambda page: page.locator('.fn-marker[data-footnote="2"]').click()  # noqa: E731
        shoot(browser, serve(article.location), out, [
            ("reader", f"doc/{sample}", footnote),
            ("timeline", "timeline", None),
            ("map", "map", None),
            ("network", "network?from=1920&to=1920&from2=1922&to2=1922", None),
        ], 1366, 860)  # fmt: skip
        base = serve(mixed.location)
        for width in (1280, 700):
            shoot(browser, base, out, [
                (f"documents-{width}", "", None),
                (f"documents-telegram-{width}", "?type=telegram", None),
                (f"primary-source-{width}", f"doc/{telegram}", None),
            ], width, 860)  # fmt: skip
            shoot(browser, base, out, [(f"documents-en-{width}", "", None)], width, 860, english=True)
        # the timeline beside the primary sources: the undated letter's days and the speech's 1914-1921 listed
        # under the axis; then one year of it, and a day's zoom
        zoom_in = lambda page: [page.locator(".zoom-buttons button").first.click() for _ in range(6)]  # noqa: E731
        shoot(browser, base, out, [
            ("timeline-sources", "timeline", None),
            ("timeline-1921", "timeline?from=1921&to=1921", None),
            ("timeline-days", "timeline", zoom_in),
        ], 1366, 1100)  # fmt: skip
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
