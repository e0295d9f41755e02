"""Fixtures for the storage tests: the benchmark's corpus generator, which builds analysed documents."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "corpus_generator.py"


def load_corpus_generator():
    """bench/corpus_generator.py as a module (bench/ is not a package)."""
    if "corpus_generator" not in sys.modules:
        spec = importlib.util.spec_from_file_location("corpus_generator", GENERATOR)
        module = importlib.util.module_from_spec(spec)
        sys.modules["corpus_generator"] = module
        spec.loader.exec_module(module)
    return sys.modules["corpus_generator"]


@pytest.fixture
def corpus_generator():
    return load_corpus_generator()


@pytest.fixture
def api_location(database_url, corpus_generator):
    """A knowledge base with a few generated articles, stored and resolved."""
    from vakanuvis.store.database import open_database

    engine = open_database(database_url)
    corpus_generator.store_generated_corpus(engine, 4)
    engine.dispose()
    return database_url


@pytest.fixture
def client(api_location, tmp_path):
    """A test client of the API, with the write tokens alice:s3cret and bob:other."""
    from fastapi.testclient import TestClient

    from vakanuvis.api.app import create_app

    app = create_app(api_location, tokens="alice:s3cret,bob:other", upload_folder=tmp_path / "uploads")
    with TestClient(app) as test_client:
        yield test_client
    app.state.engine.dispose()
