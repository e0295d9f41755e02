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
