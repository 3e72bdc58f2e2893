from django.test import Client
from django.urls import reverse

from accounts import temporary
from conftest import Cast
from outbox.models import Message

URL = reverse("accounts:choose_password")
NEW = "a long phrase my family will remember"


def signed_in_with_temporary_password(cast: Cast) -> Client:
    code = temporary.issue(cast.chen)
    client = Client()
    client.post(reverse("accounts:sign_in"), {"username": "wchen", "password": code})
    return client


def test_every_page_leads_here_until_a_password_is_chosen(cast: Cast) -> None:
    client = signed_in_with_temporary_password(cast)

    for page in [
        reverse("family:children"),
        reverse("accounts:my_account"),
        reverse("family:child", args=[cast.lily.public_id]),
    ]:
        assert client.get(page)["Location"] == URL
    assert client.get(URL).status_code == 200


def test_choosing_a_password_opens_the_portal_and_sends_a_notice(cast: Cast) -> None:
    client = signed_in_with_temporary_password(cast)

    response = client.post(URL, {"new_password1": NEW, "new_password2": NEW})

    assert response["Location"] == reverse("family:children")
    assert client.get(reverse("family:children")).status_code == 200
    cast.chen.refresh_from_db()
    assert not cast.chen.must_change_password
    assert cast.chen.password.startswith("argon2")
    assert not cast.chen.temporary_passwords.exists()
    notice = Message.objects.get()
    assert notice.to == "wei@example.org"
    assert "was just changed" in notice.text_body


def test_short_and_common_passwords_are_refused(cast: Cast) -> None:
    client = signed_in_with_temporary_password(cast)

    short = client.post(
        URL, {"new_password1": "elevenchars", "new_password2": "elevenchars"}
    )
    common = client.post(
        URL, {"new_password1": "password1234", "new_password2": "password1234"}
    )

    assert "at least 12 characters" in short.content.decode()
    assert "too common" in common.content.decode()
    cast.chen.refresh_from_db()
    assert cast.chen.must_change_password


def test_long_passwords_of_any_kind_are_welcome(cast: Cast) -> None:
    client = signed_in_with_temporary_password(cast)
    long = "ünïcode & spaces " * 6

    response = client.post(URL, {"new_password1": long, "new_password2": long})

    assert response.status_code == 302
    cast.chen.refresh_from_db()
    assert cast.chen.check_password(long)


def test_an_account_with_its_own_password_is_sent_on(cast: Cast) -> None:
    response = cast.client_for(cast.chen).get(URL)

    assert response["Location"] == reverse("family:children")
