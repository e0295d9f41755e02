"""What routes take from the app: its knowledge base, its settings, and the name of the token of a write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from vakanuvis.api.auth import token_name
from vakanuvis.knowledge_base import KnowledgeBase


@dataclass
class Settings:
    location: str
    tokens: dict[str, str]  # secret → name
    upload_folder: Path
    max_upload_bytes: int = 20 * 1024 * 1024
    max_json_bytes: int = 64 * 1024


def get_knowledge_base(request: Request) -> KnowledgeBase:
    return request.app.state.knowledge_base


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


KnowledgeBaseDep = Annotated[KnowledgeBase, Depends(get_knowledge_base)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

_bearer = HTTPBearer(auto_error=False, description="A token from VAKANUVIS_TOKEN (name:secret).")


def require_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The name of the caller's token; 401 without one, 403 when it is wrong or no token is configured."""
    if not settings.tokens:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "writing is disabled: the server has no VAKANUVIS_TOKEN configured"
        )
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "writing needs a token: send the header 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    name = token_name(settings.tokens, f"Bearer {credentials.credentials}")
    if name is None:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this token is not accepted")
    return name


TokenName = Annotated[str, Depends(require_token)]
