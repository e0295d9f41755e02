"""Fixtures for the API tests: a knowledge base of generated articles and a test client."""

from __future__ import annotations

import pytest


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
    app.state.knowledge_base.engine.dispose()
