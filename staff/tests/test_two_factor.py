import time
from collections.abc import Iterator

import pyotp
import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from accounts.models import Account, Attempt
from conftest import Cast, Staff, Term
from staff.models import StaffDevice

HOME = reverse("staff:home")
SETUP = reverse("staff:two_factor_setup")
VERIFY = reverse("staff:two_factor_verify")


@pytest.fixture(autouse=True)
def two_factor_on(settings: Settings) -> Iterator[None]:
    settings.HOMEROOM_STAFF_TWO_FACTOR = True
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def confirmed_device(account: Account) -> StaffDevice:
    return StaffDevice.objects.create(
        account=account, secret=SECRET, confirmed_at=timezone.now()
    )


def code_for(device: StaffDevice, seconds_ago: int = 0) -> str:
    return pyotp.TOTP(device.secret).at(time.time() - seconds_ago)


def wrong_code(device: StaffDevice) -> str:
    near = {code_for(device, seconds) for seconds in (-30, 0, 30)}
    return next(code for code in ("000000", "111111", "222222") if code not in near)


def test_staff_without_a_device_are_sent_to_set_one_up(cast: Cast, term: Term) -> None:
    response = cast.client_for(term.teacher).get(HOME)

    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fstaff%2F"


def test_the_setup_page_shows_a_qr_code_and_the_key(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)

    page = client.get(SETUP).content.decode()
    device = StaffDevice.objects.get(account=term.teacher)

    assert "<svg" in page
    assert device.secret in page
    assert device.confirmed_at is None
    assert client.get(SETUP).content.decode().count(device.secret) == 1


def test_a_first_code_confirms_the_device_and_opens_the_staff_side(
    cast: Cast, term: Term
) -> None:
    client = cast.client_for(term.teacher)
    client.get(SETUP)
    device = StaffDevice.objects.get(account=term.teacher)

    response = client.post(SETUP, {"code": code_for(device), "next": HOME})

    assert response.status_code == 302
    assert response["Location"] == HOME
    device.refresh_from_db()
    assert device.confirmed_at is not None
    assert client.get(HOME).status_code == 200


def test_once_confirmed_the_key_is_never_shown_again(cast: Cast, term: Term) -> None:
    device = confirmed_device(term.teacher)

    response = cast.client_for(term.teacher).get(SETUP)

    assert response.status_code == 302
    assert response["Location"] == VERIFY
    assert device.secret not in response.content.decode()


def test_staff_with_a_device_are_asked_for_a_code(cast: Cast, staff: Staff) -> None:
    confirmed_device(staff.middle_office)

    response = cast.client_for(staff.middle_office).get(HOME)

    assert response["Location"] == f"{VERIFY}?next=%2Fstaff%2F"


def test_the_right_code_opens_the_page_asked_for(cast: Cast, staff: Staff) -> None:
    device = confirmed_device(staff.district)
    client = cast.client_for(staff.district)

    response = client.post(VERIFY, {"code": code_for(device), "next": HOME})

    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_a_code_from_the_step_before_is_accepted(cast: Cast, term: Term) -> None:
    device = confirmed_device(term.teacher)
    client = cast.client_for(term.teacher)

    client.post(VERIFY, {"code": code_for(device, seconds_ago=30)})

    assert client.get(HOME).status_code == 200


def test_a_wrong_code_is_refused(cast: Cast, term: Term) -> None:
    device = confirmed_device(term.teacher)
    client = cast.client_for(term.teacher)

    response = client.post(VERIFY, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "This code is not right" in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_letters_are_refused_without_counting(cast: Cast, term: Term) -> None:
    confirmed_device(term.teacher)

    response = cast.client_for(term.teacher).post(VERIFY, {"code": "abcdef"})

    assert "6 digits" in response.content.decode()
    assert not Attempt.objects.exists()


def test_an_old_code_is_refused(cast: Cast, term: Term) -> None:
    device = confirmed_device(term.teacher)
    client = cast.client_for(term.teacher)

    client.post(VERIFY, {"code": code_for(device, seconds_ago=120)})

    assert client.get(HOME).status_code == 302


def test_a_code_is_taken_only_once(cast: Cast, term: Term) -> None:
    device = confirmed_device(term.teacher)
    code = code_for(device)
    cast.client_for(term.teacher).post(VERIFY, {"code": code})
    second = cast.client_for(term.teacher)

    response = second.post(VERIFY, {"code": code})

    assert "used already" in response.content.decode()
    assert second.get(HOME).status_code == 302


def test_a_code_of_an_earlier_step_is_refused_after_a_later_one(
    cast: Cast, term: Term
) -> None:
    device = confirmed_device(term.teacher)
    cast.client_for(term.teacher).post(VERIFY, {"code": code_for(device)})
    second = cast.client_for(term.teacher)

    second.post(VERIFY, {"code": code_for(device, seconds_ago=30)})

    assert second.get(HOME).status_code == 302


def test_wrong_codes_are_throttled_per_account(
    cast: Cast, term: Term, settings: Settings
) -> None:
    settings.HOMEROOM_SIGN_IN_LIMIT_PER_ACCOUNT = 3
    device = confirmed_device(term.teacher)
    client = cast.client_for(term.teacher)
    for _ in range(3):
        client.post(VERIFY, {"code": wrong_code(device)})

    response = client.post(VERIFY, {"code": code_for(device)})

    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_the_throttle_lifts_after_the_cool_off(cast: Cast, term: Term) -> None:
    device = confirmed_device(term.teacher)
    client = cast.client_for(term.teacher)
    for _ in range(5):
        client.post(VERIFY, {"code": wrong_code(device)})
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 429

    with time_machine.travel("2026-12-03 10:16", tick=False):
        client.post(VERIFY, {"code": code_for(device)})

        assert client.get(HOME).status_code == 200


def test_the_setup_confirmation_is_throttled_too(
    cast: Cast, term: Term, settings: Settings
) -> None:
    settings.HOMEROOM_SIGN_IN_LIMIT_PER_ACCOUNT = 2
    client = cast.client_for(term.teacher)
    client.get(SETUP)
    device = StaffDevice.objects.get(account=term.teacher)
    client.post(SETUP, {"code": wrong_code(device)})
    client.post(SETUP, {"code": wrong_code(device)})

    response = client.post(SETUP, {"code": code_for(device)})

    assert response.status_code == 429
    device.refresh_from_db()
    assert device.confirmed_at is None


def test_a_verified_session_belongs_to_its_account(cast: Cast, term: Term) -> None:
    confirmed_device(term.teacher)
    client = cast.client_for(term.teacher)
    session = client.session
    session["two_factor_verified"] = term.other_teacher.pk
    session.save()

    assert client.get(HOME).status_code == 302


def test_a_page_from_another_site_is_not_a_next_page(cast: Cast, term: Term) -> None:
    device = confirmed_device(term.teacher)

    response = cast.client_for(term.teacher).post(
        VERIFY, {"code": code_for(device), "next": "https://evil.example/"}
    )

    assert response["Location"] == HOME


def test_staff_may_sign_out_without_a_code(cast: Cast, term: Term) -> None:
    confirmed_device(term.teacher)

    response = cast.client_for(term.teacher).post(reverse("accounts:sign_out"))

    assert response["Location"] == reverse("accounts:sign_in")


def test_families_and_students_are_never_asked(cast: Cast) -> None:
    children = reverse("family:children")

    assert cast.client_for(cast.rivera).get(children).status_code == 200
    assert cast.client_for(cast.lily_account).get(children).status_code == 200
    assert not StaffDevice.objects.exists()


def test_families_cannot_open_the_code_pages(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    assert client.get(SETUP).status_code == 403
    assert client.get(VERIFY).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(VERIFY)["Location"].startswith(reverse("accounts:sign_in"))


def test_with_the_setting_off_no_code_is_asked(
    cast: Cast, term: Term, settings: Settings
) -> None:
    settings.HOMEROOM_STAFF_TWO_FACTOR = False

    assert cast.client_for(term.teacher).get(HOME).status_code == 200


def test_an_admin_account_of_any_kind_is_asked_for_a_code(cast: Cast) -> None:
    cast.outsider.is_staff = True
    cast.outsider.save()

    response = cast.client_for(cast.outsider).get(reverse("admin:index"))

    assert response["Location"].startswith(SETUP)
    assert cast.client_for(cast.outsider).get(SETUP).status_code == 200
