from typing import Any

import time_machine
from django.test import Client, override_settings
from django.urls import reverse

from accounts import temporary
from accounts.models import SignIn
from conftest import PASSWORD, Cast

URL = reverse("accounts:sign_in")
WRONG = "The username or password is not correct."


def sign_in(
    username: str, password: str, client: Client | None = None, **extra: Any
) -> Any:
    data = {"username": username, "password": password}
    return (client or Client()).post(URL, data, **extra)


def test_the_page_has_both_fields_and_the_create_link(cast: Cast) -> None:
    page = Client().get(URL).content.decode()

    assert 'name="username"' in page and 'name="password"' in page
    assert reverse("accounts:create_account") in page
    assert "create your account" in page


def test_right_password_signs_in_and_opens_the_children(cast: Cast) -> None:
    response = sign_in("MRivera", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("family:children")


def test_wrong_password_and_unknown_user_look_the_same(cast: Cast) -> None:
    real = sign_in("mrivera", "not the password at all")
    unknown = sign_in("nobody-here", "not the password at all")

    assert real.status_code == unknown.status_code == 200
    assert WRONG in real.content.decode() and WRONG in unknown.content.decode()


def test_sign_in_gives_a_new_session_key(cast: Cast) -> None:
    client = Client()
    client.get(URL)
    client.session.save()
    before = client.session.session_key

    sign_in("mrivera", PASSWORD, client)

    assert client.session.session_key != before


def test_temporary_password_forces_a_new_password_and_works_once(cast: Cast) -> None:
    code = temporary.issue(cast.chen)

    client = Client()
    first = sign_in("wchen", code, client)
    assert first["Location"] == reverse("family:children")
    assert client.get(first["Location"])["Location"] == reverse(
        "accounts:choose_password"
    )
    cast.chen.refresh_from_db()
    assert cast.chen.must_change_password

    assert WRONG in sign_in("wchen", code).content.decode()


def test_temporary_password_expires_after_three_days(cast: Cast) -> None:
    with time_machine.travel("2026-12-01 09:00", tick=False):
        code = temporary.issue(cast.chen)

    with time_machine.travel("2026-12-04 09:01", tick=False):
        response = sign_in("wchen", code)

    assert WRONG in response.content.decode()


@override_settings(HOMEROOM_SIGN_IN_LIMIT_PER_ACCOUNT=3)
def test_repeated_failures_lock_the_account_for_a_while(cast: Cast) -> None:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        for _ in range(3):
            sign_in("mrivera", "wrong password here")
        locked = sign_in("mrivera", PASSWORD)
    with time_machine.travel("2026-12-03 10:16", tick=False):
        unlocked = sign_in("mrivera", PASSWORD)

    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert unlocked.status_code == 302


@override_settings(HOMEROOM_SIGN_IN_LIMIT_PER_ACCOUNT=3)
def test_unknown_usernames_lock_the_same_way(cast: Cast) -> None:
    for _ in range(3):
        sign_in("nobody-here", "wrong password here")

    assert sign_in("nobody-here", "wrong password here").status_code == 429


def test_fifty_parents_behind_one_address_all_sign_in(cast: Cast) -> None:
    for _ in range(50):
        assert sign_in("mrivera", PASSWORD, REMOTE_ADDR="10.1.1.1").status_code == 302
    for _ in range(4):
        sign_in("wchen", "a wrong guess", REMOTE_ADDR="10.1.1.1")

    assert sign_in("wchen", PASSWORD, REMOTE_ADDR="10.1.1.1").status_code == 302


def test_next_page_is_followed_only_on_this_site(cast: Cast) -> None:
    child = reverse("family:child", args=[cast.sofia.public_id])

    inside = Client().post(
        URL + f"?next={child}", {"username": "mrivera", "password": PASSWORD}
    )
    outside = Client().post(
        URL + "?next=https://evil.example/",
        {"username": "mrivera", "password": PASSWORD},
    )

    assert inside["Location"] == child
    assert outside["Location"] == reverse("family:children")


def test_sign_ins_and_failures_go_into_the_account_history(cast: Cast) -> None:
    sign_in("mrivera", "a wrong guess here", REMOTE_ADDR="10.2.2.2")
    sign_in("MRivera", PASSWORD, REMOTE_ADDR="10.2.2.2", HTTP_USER_AGENT="Phone")
    sign_in("nobody-here", "a wrong guess here")

    history = list(cast.rivera.sign_ins.all())
    assert [entry.succeeded for entry in history] == [True, False]
    assert history[0].address == "10.2.2.2" and history[0].browser == "Phone"
    assert SignIn.objects.count() == 2
