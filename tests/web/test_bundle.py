"""The reader's static files: everything local (no CDN), and the committed bundle built from its sources."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "src" / "vakanuvis" / "web"
STATIC = WEB / "static"
FRONTEND = WEB / "frontend"


@pytest.mark.parametrize("name", ["index.html", "app.css"])
def test_pages_load_nothing_from_elsewhere(name):
    text = (STATIC / name).read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", text)


def test_index_loads_the_committed_bundle_and_base_map():
    index = (STATIC / "index.html").read_text(encoding="utf-8")
    assert 'src="app.js"' in index and 'href="app.css"' in index
    assert (STATIC / "app.js").stat().st_size > 10_000
    assert (STATIC / "vendor" / "countries-50m.json").stat().st_size > 100_000
    assert "d3-geo" in (STATIC / "vendor" / "LICENSES.txt").read_text(encoding="utf-8")


def test_committed_bundle_is_built_from_the_sources(tmp_path):
    node = shutil.which("node")
    if not node or not (FRONTEND / "node_modules" / "esbuild").exists():
        pytest.skip("rebuilding the bundle needs node and `npm ci` in src/vakanuvis/web/frontend")
    env = {**os.environ, "VAKANUVIS_WEB_OUT": str(tmp_path)}
    subprocess.run([node, "build.mjs"], cwd=FRONTEND, env=env, check=True, capture_output=True)
    for name in ["app.js", "vendor/countries-50m.json", "vendor/LICENSES.txt"]:
        assert (tmp_path / name).read_bytes() == (STATIC / name).read_bytes(), (
            f"{name} is stale: run `npm run build` in src/vakanuvis/web/frontend and commit"
        )
