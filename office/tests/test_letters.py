import datetime
import re

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.test import override_settings
from django.utils import timezone

from accounts.models import Account, TemporaryPassword
from conftest import PASSWORD, Cast, Staff, make_account
from office.letters import (
    LetterRefused,
    issue_letter,
    letter_refusal,
    queue_entries,
    request_match,
    visible_requests,
)
from office.models import CredentialLetter, CredentialRequest
from office.tests.letter_text import temporary_password_in, text_of
from outbox.models import Message

NOW = "2026-12-03 10:00"


def signs_in(username: str, password: str) -> bool:
    return authenticate(None, username=username, password=password) is not None


def ask(first: str, last: str, number: str) -> CredentialRequest:
    return CredentialRequest.objects.create(
        first_name=first, last_name=last, student_number=number
    )


def test_the_letter_holds_the_address_the_username_and_the_district(
    cast: Cast, staff: Staff
) -> None:
    with override_settings(HOMEROOM_DISTRICT_NAME="Middletown Public Schools"):
        _, pdf = issue_letter(staff.middle_office, cast.rivera, cast.maria)

    text = text_of(pdf)
    assert "Middletown Public Schools" in text
    assert "Maria Rivera\n12 Elm Street\nMiddletown CT 06457" in text
    assert "mrivera" in text
    assert len(temporary_password_in(pdf)) >= 8


@time_machine.travel(NOW, tick=False)
def test_issuing_is_recorded_with_who_when_and_the_expiry(
    cast: Cast, staff: Staff
) -> None:
    letter, _ = issue_letter(staff.middle_office, cast.rivera, cast.maria)

    assert CredentialLetter.objects.get() == letter
    assert letter.account == cast.rivera
    assert letter.contact == cast.maria
    assert letter.issued_by == staff.middle_office
    assert letter.issued_at == timezone.now()
    assert letter.expires_at - letter.issued_at == datetime.timedelta(days=10)


def test_the_password_is_kept_only_as_a_hash(cast: Cast, staff: Staff) -> None:
    _, pdf = issue_letter(staff.middle_office, cast.rivera, cast.maria)

    code = temporary_password_in(pdf)
    stored = TemporaryPassword.objects.get(account=cast.rivera)
    assert code not in stored.password_hash
    assert stored.password_hash.startswith("argon2")


def test_the_temporary_password_works_once_and_forces_a_new_password(
    cast: Cast, staff: Staff
) -> None:
    _, pdf = issue_letter(staff.middle_office, cast.rivera, cast.maria)
    code = temporary_password_in(pdf)

    assert signs_in("mrivera", code)
    cast.rivera.refresh_from_db()
    assert cast.rivera.must_change_password
    assert not signs_in("mrivera", code)


def test_the_parents_own_password_keeps_working(cast: Cast, staff: Staff) -> None:
    issue_letter(staff.middle_office, cast.rivera, cast.maria)

    assert signs_in("mrivera", PASSWORD)


@override_settings(HOMEROOM_LETTER_PASSWORD_DAYS=10)
def test_the_temporary_password_expires_after_ten_days(
    cast: Cast, staff: Staff
) -> None:
    with time_machine.travel(NOW, tick=False):
        _, pdf = issue_letter(staff.middle_office, cast.rivera, cast.maria)
    code = temporary_password_in(pdf)

    with time_machine.travel("2026-12-13 10:00:01", tick=False):
        assert not signs_in("mrivera", code)


def test_the_temporary_password_still_works_on_the_tenth_day(
    cast: Cast, staff: Staff
) -> None:
    with time_machine.travel(NOW, tick=False):
        _, pdf = issue_letter(staff.middle_office, cast.rivera, cast.maria)

    with time_machine.travel("2026-12-13 09:59", tick=False):
        assert signs_in("mrivera", temporary_password_in(pdf))


@override_settings(HOMEROOM_LETTER_PASSWORD_DAYS=3)
@time_machine.travel(NOW, tick=False)
def test_the_lifetime_is_a_setting(cast: Cast, staff: Staff) -> None:
    letter, _ = issue_letter(staff.middle_office, cast.rivera, cast.maria)

    assert letter.expires_at - letter.issued_at == datetime.timedelta(days=3)


def test_a_second_letter_cancels_the_first(cast: Cast, staff: Staff) -> None:
    _, first = issue_letter(staff.middle_office, cast.rivera, cast.maria)
    _, second = issue_letter(staff.district, cast.rivera, cast.maria)

    assert not signs_in("mrivera", temporary_password_in(first))
    assert signs_in("mrivera", temporary_password_in(second))
    assert CredentialLetter.objects.count() == 2


def test_a_notice_without_the_secret_goes_to_the_account_holder(
    cast: Cast, staff: Staff
) -> None:
    _, pdf = issue_letter(staff.middle_office, cast.rivera, cast.maria)

    message = Message.objects.get()
    assert message.to == "maria@example.org"
    assert not message.holds_secret
    assert "on their way by mail" in message.subject
    assert "home address we have on file" in message.text_body
    code = temporary_password_in(pdf)
    for part in [message.subject, message.text_body, message.html_body]:
        assert code not in part
        assert not re.search(r"\d{8}", part)


def test_no_letter_without_a_home_address(cast: Cast, staff: Staff) -> None:
    cast.maria.address_line1 = ""
    cast.maria.save()

    with pytest.raises(LetterRefused, match="no home address on file"):
        issue_letter(staff.middle_office, cast.rivera, cast.maria)

    assert not TemporaryPassword.objects.exists()
    assert not CredentialLetter.objects.exists()
    assert not Message.objects.exists()


def test_no_letter_for_a_contact_without_an_account(cast: Cast) -> None:
    cast.maria.account = None

    assert "has no parent portal account yet" in letter_refusal(cast.maria)


def test_no_letter_resets_a_staff_account(cast: Cast, staff: Staff) -> None:
    cast.maria.account = staff.district

    assert letter_refusal(cast.maria)
    with pytest.raises(LetterRefused):
        issue_letter(staff.middle_office, staff.district, cast.maria)
    assert not TemporaryPassword.objects.exists()


def test_no_letter_for_an_account_not_the_contacts(cast: Cast, staff: Staff) -> None:
    with pytest.raises(LetterRefused):
        issue_letter(staff.middle_office, cast.chen, cast.maria)


def test_a_request_marks_itself_sent_by_whom_and_when(cast: Cast, staff: Staff) -> None:
    request = ask("Maria", "Rivera", "100101")

    with time_machine.travel(NOW, tick=False):
        letter, _ = issue_letter(staff.middle_office, cast.rivera, cast.maria, request)

    request.refresh_from_db()
    assert letter.request == request
    assert request.status == CredentialRequest.Status.LETTER_SENT
    assert request.handled_by == staff.middle_office
    assert request.handled_at == letter.issued_at


def test_each_office_sees_the_requests_for_its_own_students(
    cast: Cast, staff: Staff
) -> None:
    sofia = ask("Maria", "Rivera", " 100101 ")
    lucas = ask("Maria", "Rivera", "100102")
    nobody = ask("Jane", "Doe", "999999")

    assert list(visible_requests(staff.middle_office)) == [sofia]
    assert list(visible_requests(staff.high_office)) == [lucas]
    assert list(visible_requests(staff.district)) == [sofia, lucas, nobody]


def test_teachers_and_families_see_no_requests(cast: Cast) -> None:
    ask("Maria", "Rivera", "100101")
    teacher = make_account("teacher", kind=Account.Kind.TEACHER)

    assert not visible_requests(teacher).exists()
    assert not visible_requests(cast.rivera).exists()


def test_a_request_lists_the_contacts_with_the_same_names(
    cast: Cast, staff: Staff
) -> None:
    ask("  maria ", "RIVERA", "100101")
    ask("Wei", "Chen", "100101")
    ask("Jane", "Doe", "999999")

    matched, unnamed, unknown = queue_entries(
        staff.district, visible_requests(staff.district)
    )

    assert matched.student == cast.sofia
    assert [m.contact for m in matched.matches] == [cast.maria]
    assert matched.matches[0].refusal == ""
    assert unnamed.student == cast.sofia and unnamed.matches == []
    assert unknown.student is None and unknown.matches == []


def test_a_match_says_why_no_letter_can_go(cast: Cast, staff: Staff) -> None:
    cast.maria.city = ""
    cast.maria.save()
    request = ask("Maria", "Rivera", "100101")

    match = request_match(staff.middle_office, request, cast.maria.pk)

    assert match is not None
    assert "no home address on file" in match.refusal


def test_only_a_matching_contact_is_a_match(cast: Cast, staff: Staff) -> None:
    request = ask("Maria", "Rivera", "100101")

    assert request_match(staff.middle_office, request, cast.wei.pk) is None
    assert request_match(staff.high_office, request, cast.maria.pk) is None
