"""Shared fixtures: real databases (SQLite in a temp file, PostgreSQL from `make test`), never mocks."""

from __future__ import annotations

import importlib.util
import os
import sys
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_ARTICLE = REPO.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
DEMO_ARTICLE = REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt"


def _postgres_admin_url() -> str | None:
    url = os.environ.get("VAKANUVIS_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI needs PostgreSQL: run the tests through `make test`")
        pytest.skip("no PostgreSQL server (VAKANUVIS_TEST_POSTGRES is unset; `make test` starts one)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """A fresh, empty knowledge base location on each database kind."""
    if request.param == "sqlite":
        yield str(tmp_path / "kb.db")
        return
    import psycopg

    admin = _postgres_admin_url()
    name = "vakanuvis_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base = admin.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sample_article() -> Path:
    if not SAMPLE_ARTICLE.exists():
        pytest.skip("../shared/corpus is not beside the checkout")
    return SAMPLE_ARTICLE


@pytest.fixture
def demo_article() -> Path:
    return DEMO_ARTICLE


def load_bench_module(name: str):
    """bench/NAME.py as a module (bench/ is not a package)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def load_corpus_generator():
    return load_bench_module("corpus_generator")


@pytest.fixture(scope="session")
def scale_corpus():
    """The scale benchmark's writer of article files (bench/scale_corpus.py)."""
    return load_bench_module("scale_corpus")


@pytest.fixture
def vocabulary_corpus():
    """The writer of the benchmarks' real-vocabulary corpus (bench/vocabulary_corpus.py)."""
    return load_bench_module("vocabulary_corpus")


@pytest.fixture
def corpus_generator():
    """The benchmark's generator of analysed documents, for storage and API tests."""
    return load_corpus_generator()
