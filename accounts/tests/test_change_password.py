from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, Cast
from outbox.models import Message

URL = reverse("accounts:change_password")
NEW = "another long family phrase"


def test_changing_the_password_ends_other_sessions_and_sends_a_notice(
    cast: Cast,
) -> None:
    phone = Client()
    phone.post(
        reverse("accounts:sign_in"), {"username": "mrivera", "password": PASSWORD}
    )
    laptop = cast.client_for(cast.rivera)
    data = {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}

    response = laptop.post(URL, data)

    assert response["Location"] == reverse("accounts:my_account")
    assert laptop.get(reverse("family:children")).status_code == 200
    assert phone.get(reverse("family:children")).status_code == 302
    assert Message.objects.get().to == "maria@example.org"


def test_the_old_password_must_be_right(cast: Cast) -> None:
    data = {
        "old_password": "not my password",
        "new_password1": NEW,
        "new_password2": NEW,
    }

    response = cast.client_for(cast.rivera).post(URL, data)

    assert response.status_code == 400
    assert "Your old password was entered incorrectly" in response.content.decode()
    cast.rivera.refresh_from_db()
    assert cast.rivera.check_password(PASSWORD)


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    assert Client().post(URL)["Location"].startswith(reverse("accounts:sign_in"))
