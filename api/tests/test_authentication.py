"""Apps sign in with a bearer token made on My Account; revoked tokens are refused."""

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils.timezone import localtime

from api.keys import token_hash
from api.models import ApiToken
from conftest import Cast

URL = reverse("api:children")


def call(key: str) -> int:
    return Client().get(URL, headers={"Authorization": f"Bearer {key}"}).status_code


def test_a_token_signs_the_app_in_and_notes_when_it_was_used(cast: Cast) -> None:
    token, key = ApiToken.issue(cast.rivera, "Phone")

    with time_machine.travel("2026-12-03 10:00", tick=False):
        assert call(key) == 200

    token.refresh_from_db()
    assert token.last_used_at is not None
    assert f"{localtime(token.last_used_at):%Y-%m-%d %H:%M}" == "2026-12-03 10:00"


def test_only_the_hash_of_the_token_is_kept(cast: Cast) -> None:
    token, key = ApiToken.issue(cast.rivera, "Phone")

    assert len(key) >= 40
    assert token.key_hash == token_hash(key)
    assert key not in token.key_hash


def test_a_revoked_token_is_refused(cast: Cast) -> None:
    token, key = ApiToken.issue(cast.rivera, "Phone")
    token.revoke()

    assert call(key) == 401


def test_a_made_up_token_is_refused(cast: Cast) -> None:
    assert call("not-a-token") == 401


def test_the_token_of_a_disabled_account_is_refused(cast: Cast) -> None:
    _token, key = ApiToken.issue(cast.rivera, "Phone")
    cast.rivera.is_active = False
    cast.rivera.save()

    assert call(key) == 401


def test_a_malformed_header_is_refused_with_a_plain_explanation(cast: Cast) -> None:
    response = Client().get(URL, headers={"Authorization": "Bearer two words"})

    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]


def test_other_schemes_are_not_mistaken_for_tokens(cast: Cast) -> None:
    response = Client().get(URL, headers={"Authorization": "Basic bXJpdmVyYTp4"})

    assert response.status_code == 401
