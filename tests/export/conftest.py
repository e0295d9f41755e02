"""The TEI P5 schema every TEI export is validated against."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

# TEI P5 4.3.0 tei_all, as the TEI Consortium generates it (see tei_all/README.md)
TEI_ALL = Path(__file__).resolve().parent / "tei_all" / "tei_all.rng"


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The compiled tei_all schema (about 8 s to compile, so once per run)."""
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))
