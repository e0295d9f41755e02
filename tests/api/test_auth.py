"""Token settings: `name:secret[,name2:secret2]` or a bare secret named "default"."""

from __future__ import annotations

import pytest

from vakanuvis.api.auth import parse_tokens, token_name


@pytest.mark.parametrize(
    ("value", "tokens"),
    [
        (None, {}),
        ("", {}),
        (" , ", {}),
        ("s3cret", {"s3cret": "default"}),
        ("alice:s3cret", {"s3cret": "alice"}),
        ("alice:s3cret, bob:other", {"s3cret": "alice", "other": "bob"}),
        ("alice:", {}),  # a name without a secret opens nothing
        (":s3cret", {"s3cret": "default"}),
        ("alice:with:colon", {"with:colon": "alice"}),
        ("x" * 150 + ":s", {"s": "x" * 100}),
    ],
)
def test_parse_tokens(value, tokens):
    assert parse_tokens(value) == tokens


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Bearer s3cret", "alice"),
        ("bearer s3cret", "alice"),
        ("Bearer  s3cret ", "alice"),
        ("Bearer other", None),
        ("Bearer s3cre", None),
        ("Basic s3cret", None),
        ("s3cret", None),
        ("", None),
        (None, None),
    ],
)
def test_token_name(header, name):
    assert token_name({"s3cret": "alice"}, header) == name
