"""Making and revoking app tokens on My Account."""

import re

from django.test import Client
from django.urls import reverse

from api.keys import token_hash
from api.models import ApiToken
from conftest import Cast, Staff

CREATE = reverse("api:create_token")
MY_ACCOUNT = reverse("accounts:my_account")


def revoke_url(token: ApiToken) -> str:
    return reverse("api:revoke_token", args=[token.pk])


def test_a_new_token_is_shown_once_and_kept_as_a_hash(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).post(CREATE, {"name": "Phone"})

    page = response.content.decode()
    key = re.search(r'id="token" class="secret" value="([^"]+)"', page)
    assert response.status_code == 200 and key is not None
    token = ApiToken.objects.get(account=cast.rivera)
    assert (token.name, token.key_hash) == ("Phone", token_hash(key.group(1)))
    assert response["Cache-Control"] == "no-store"


def test_the_token_works_at_once(cast: Cast) -> None:
    page = cast.client_for(cast.chen).post(CREATE, {"name": "Phone"}).content.decode()
    key = re.search(r'value="([^"]+)" readonly', page)
    assert key is not None

    response = Client().get(
        reverse("api:children"), headers={"Authorization": f"Bearer {key.group(1)}"}
    )

    assert [child["first_name"] for child in response.json()] == ["Lily"]


def test_my_account_lists_active_tokens_but_never_their_keys(cast: Cast) -> None:
    phone, key = ApiToken.issue(cast.rivera, "Phone")
    old, _old_key = ApiToken.issue(cast.rivera, "Old tablet")
    old.revoke()

    page = cast.client_for(cast.rivera).get(MY_ACCOUNT).content.decode()

    assert "Phone" in page and "Old tablet" not in page
    assert key not in page and phone.key_hash not in page
    assert revoke_url(phone) in page


def test_a_token_needs_a_name(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).post(CREATE, {"name": " "}, follow=True)

    assert "give it a name" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_at_most_twenty_active_tokens(cast: Cast) -> None:
    for number in range(20):
        ApiToken.issue(cast.rivera, f"App {number}")

    response = cast.client_for(cast.rivera).post(
        CREATE, {"name": "One more"}, follow=True
    )

    assert "You already have 20 tokens" in response.content.decode()
    assert ApiToken.objects.count() == 20


def test_revoking_stops_the_token_at_once(cast: Cast) -> None:
    token, key = ApiToken.issue(cast.rivera, "Phone")

    response = cast.client_for(cast.rivera).post(revoke_url(token), follow=True)

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "“Phone” is revoked" in response.content.decode()
    children = Client().get(
        reverse("api:children"), headers={"Authorization": f"Bearer {key}"}
    )
    assert children.status_code == 401


def test_no_one_revokes_another_accounts_token(cast: Cast) -> None:
    token, _key = ApiToken.issue(cast.rivera, "Phone")

    response = cast.client_for(cast.chen).post(revoke_url(token))

    token.refresh_from_db()
    assert response.status_code == 404 and token.revoked_at is None


def test_staff_accounts_make_no_tokens(cast: Cast, staff: Staff) -> None:
    client = cast.client_for(staff.middle_office)

    assert client.post(CREATE, {"name": "Phone"}).status_code == 403
    assert "Make a token" not in client.get(MY_ACCOUNT).content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().post(CREATE, {"name": "Phone"})

    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_tokens_are_made_with_post_only(cast: Cast) -> None:
    assert cast.client_for(cast.rivera).get(CREATE).status_code == 405
