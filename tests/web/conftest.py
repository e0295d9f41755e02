"""Fixtures for the browser tests: the real API server on a real knowledge base, and headless Chromium.

The knowledge base holds the sample article (../shared/corpus) and the demo article, ingested by the
real pipeline, and four tiny primary sources (a telegram, two letters, one of them undated, and a speech)
stored with their date, type, authors and place (primary_sources.py). Chromium is Debian's
(/usr/bin/chromium), driven by the `playwright` Python package; no browser is downloaded.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import socket
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE_ARTICLE = REPO.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
DEMO_ARTICLE = REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _sibling(name: str):
    """A module beside this conftest (the tests run with --import-mode=importlib: no folder on sys.path)."""
    spec = importlib.util.spec_from_file_location(f"web_{name}", Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


primary_sources = _sibling("primary_sources")
PRIMARY_SOURCES = primary_sources.PRIMARY_SOURCES


def _unavailable(reason: str) -> None:
    """Skip on a developer's machine without a browser; in CI (env CI set) a missing browser is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests: see `make test`)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def sync_playwright_module():
    if not CHROMIUM.exists():
        _unavailable("no /usr/bin/chromium: apt-get install -y chromium")
    try:
        from playwright import sync_api
    except ImportError:
        _unavailable("the playwright Python package is not installed: pip install playwright")
    return sync_api


class Server:
    """The running reader: its base URL and a JSON getter for cross-checks against the API."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def api(self, path: str, **params):
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        url = f"{self.base_url}/api/{path}" + (f"?{query}" if query else "")
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read().decode("utf-8"))

    def document_id(self, file_name: str) -> str:
        for document in self.api("documents")["data"]:
            if Path(document["path"]).name == file_name:
                return document["id"]
        raise AssertionError(f"{file_name} is not in the knowledge base")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Server:
    """`vakanuvis serve`'s app on a free 127.0.0.1 port, over the two articles and the four primary sources."""
    if not SAMPLE_ARTICLE.exists():
        pytest.skip("../shared/corpus is not beside the checkout")
    from vakanuvis.knowledge_base import KnowledgeBase

    folder = tmp_path_factory.mktemp("web")
    location = str(folder / "kb.db")
    knowledge_base = KnowledgeBase(location)
    results = knowledge_base.ingest([SAMPLE_ARTICLE, DEMO_ARTICLE])
    assert [r.error for r in results] == [None, None]
    primary_sources.store_primary_sources(knowledge_base, folder / "primary")
    with serving(location) as running:
        yield running


@contextlib.contextmanager
def serving(location: str):
    """`vakanuvis serve`'s app over the knowledge base at `location`, on a free 127.0.0.1 port."""
    import uvicorn

    from vakanuvis.api.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(location), host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not uvicorn_server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the API server did not start")
            time.sleep(0.05)
        yield Server(f"http://127.0.0.1:{port}")
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve_knowledge_base():
    """`with serve_knowledge_base(location) as server:` another knowledge base served for a test module."""
    return serving


@pytest.fixture(scope="session")
def browser(sync_playwright_module):
    with sync_playwright_module.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Reader:
    """One browser page on the reader, recording every request and every script error."""

    def __init__(self, page, server: Server) -> None:
        self.page = page
        self.server = server
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))

    def open(self, route: str):
        """Go to `#/route` and wait until its view has rendered."""
        self.page.goto(f"{self.server.base_url}/#/{route}")
        return self.wait()

    def wait(self):
        """Wait until the view of the current hash route has finished drawing."""
        self.page.wait_for_function(
            "() => { const v = document.getElementById('view');"
            " return v && v.dataset.ready === 'true' && v.dataset.route === location.hash; }",
            timeout=20000,
        )
        return self.page


@pytest.fixture
def reader_of(browser):
    """`reader_of(server)`: a laptop-sized page on another server."""
    contexts = []

    def open_reader(server: Server) -> Reader:
        contexts.append(browser.new_context(viewport={"width": 1366, "height": 900}, locale="tr-TR"))
        return Reader(contexts[-1].new_page(), server)

    yield open_reader
    for context in contexts:
        context.close()


def _reader(browser, server, viewport):
    context = browser.new_context(viewport=viewport, locale="tr-TR")
    reader = Reader(context.new_page(), server)
    yield reader
    context.close()


@pytest.fixture
def reader(browser, server):
    """A laptop-sized page."""
    yield from _reader(browser, server, {"width": 1366, "height": 900})


@pytest.fixture
def tablet_reader(browser, server):
    """A tablet-sized page (portrait)."""
    yield from _reader(browser, server, {"width": 820, "height": 1180})


@pytest.fixture
def reader_at(browser, server):
    """Pages of a width the test chooses: `reader_at(700)`."""
    contexts = []

    def open_reader(width: int, height: int = 900) -> Reader:
        contexts.append(browser.new_context(viewport={"width": width, "height": height}, locale="tr-TR"))
        return Reader(contexts[-1].new_page(), server)

    yield open_reader
    for context in contexts:
        context.close()
