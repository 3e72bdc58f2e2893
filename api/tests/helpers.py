"""Signing in to the API as the cast does: with a token made for the test."""

from typing import Any

from django.test import Client

from accounts.models import Account
from api.models import ApiToken


def bearer(account: Account, name: str = "Phone") -> dict[str, str]:
    """Headers that sign an app in with a new token of this account."""
    _token, key = ApiToken.issue(account, name)
    return {"Authorization": f"Bearer {key}"}


def get_json(account: Account, url: str) -> Any:
    response = Client().get(url, headers=bearer(account))
    assert response.status_code == 200, response.content
    return response.json()
