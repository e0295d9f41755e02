"""Write tokens from `VAKANUVIS_TOKEN`: `name:secret[,name2:secret2]`, or a bare secret named "default"."""

from __future__ import annotations

import os
import secrets

TOKEN_VARIABLE = "VAKANUVIS_TOKEN"
NAME_LENGTH = 100  # as stored with each edit


def parse_tokens(value: str | None) -> dict[str, str]:
    """secret → token name; empty when no token is configured (then every write is refused)."""
    tokens: dict[str, str] = {}
    for item in (value or "").split(","):
        item = item.strip()
        if not item:
            continue
        name, sep, secret = item.partition(":")
        if not sep:
            name, secret = "default", item
        if secret:
            tokens[secret] = (name.strip() or "default")[:NAME_LENGTH]
    return tokens


def tokens_from_environment() -> dict[str, str]:
    return parse_tokens(os.environ.get(TOKEN_VARIABLE))


def token_name(tokens: dict[str, str], authorization: str | None) -> str | None:
    """The name of the token in an `Authorization: Bearer <secret>` header, or None if it is not one of ours."""
    if not authorization:
        return None
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return None
    given = given.strip()
    for secret, name in tokens.items():
        if secrets.compare_digest(given.encode(), secret.encode()):
            return name
    return None
