from django.test import Client
from django.urls import reverse

from conftest import Cast


def test_pages_forbid_foreign_scripts_and_caching(cast: Cast) -> None:
    response = Client().get(reverse("accounts:sign_in"))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["Cache-Control"] == "no-store"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_with_records_are_not_stored(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    for page in [
        reverse("family:children"),
        reverse("family:child", args=[cast.sofia.public_id]),
        reverse("accounts:my_account"),
    ]:
        assert client.get(page)["Cache-Control"] == "no-store"


def test_the_home_page_sends_visitors_to_sign_in(cast: Cast) -> None:
    assert Client().get("/")["Location"] == reverse("accounts:sign_in")
    assert cast.client_for(cast.rivera).get("/")["Location"] == reverse(
        "family:children"
    )
