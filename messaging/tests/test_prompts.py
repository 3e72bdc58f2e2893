"""Who gets the mid-term prompt: the pure selection, on fixed dates."""

import datetime

import pytest
from django.utils import timezone
from pytest_django.fixtures import Settings

from accounts.models import Account
from conftest import Cast, Term, make_contact
from messaging.models import EmailOptOut, MidTermPrompt
from messaging.prompts import (
    accounts_to_prompt,
    contacts_to_invite,
    prompt_period,
    select,
)
from records.models import StudentContact

# Q2 runs from November 9 to January 22; its mid-point is December 15.
NOW = timezone.make_aware(datetime.datetime(2026, 12, 16, 10, 0))


def last_seen(account: Account, days_ago: int) -> None:
    account.last_login = NOW - datetime.timedelta(days=days_ago)
    account.save()


def prompted_usernames(term: Term) -> list[str]:
    return [account.username for account in accounts_to_prompt(term.q2, NOW)]


def test_a_parent_idle_for_22_days_is_prompted(cast: Cast, term: Term) -> None:
    last_seen(cast.rivera, 22)
    last_seen(cast.chen, 22)

    assert prompted_usernames(term) == ["mrivera", "wchen"]


def test_a_parent_who_signed_in_5_days_ago_is_not(cast: Cast, term: Term) -> None:
    last_seen(cast.rivera, 22)
    last_seen(cast.chen, 5)

    assert prompted_usernames(term) == ["mrivera"]


def test_the_idle_days_are_a_setting(
    cast: Cast, term: Term, settings: Settings
) -> None:
    settings.HOMEROOM_PROMPT_IDLE_DAYS = 30
    last_seen(cast.rivera, 31)
    last_seen(cast.chen, 22)

    assert prompted_usernames(term) == ["mrivera"]


def test_never_signed_in_counts_from_the_account_creation(
    cast: Cast, term: Term
) -> None:
    cast.rivera.last_login = None
    cast.rivera.date_joined = NOW - datetime.timedelta(days=40)
    cast.rivera.save()
    cast.chen.last_login = None
    cast.chen.date_joined = NOW - datetime.timedelta(days=2)
    cast.chen.save()

    assert prompted_usernames(term) == ["mrivera"]


def test_a_parent_with_no_visible_child_is_not_prompted(cast: Cast, term: Term) -> None:
    cast.outsider.email = "olive@example.org"
    cast.outsider.save()
    last_seen(cast.outsider, 40)
    last_seen(cast.chen, 40)
    StudentContact.objects.filter(contact=cast.wei).update(online_access=False)

    assert prompted_usernames(term) == []


def test_students_and_staff_are_not_prompted(cast: Cast, term: Term) -> None:
    cast.lily_account.email = "lily@example.org"
    last_seen(cast.lily_account, 40)
    term.teacher.last_login = NOW - datetime.timedelta(days=40)
    term.teacher.save()

    assert prompted_usernames(term) == []


def test_a_parent_prompted_this_marking_period_is_not_again(
    cast: Cast, term: Term
) -> None:
    last_seen(cast.rivera, 22)
    last_seen(cast.chen, 22)
    MidTermPrompt.objects.create(
        kind=MidTermPrompt.Kind.PROMPT, account=cast.rivera, marking_period=term.q2
    )
    MidTermPrompt.objects.create(
        kind=MidTermPrompt.Kind.PROMPT, account=cast.chen, marking_period=term.q1
    )

    assert prompted_usernames(term) == ["wchen"]


def test_a_parent_who_stopped_prompts_is_skipped(cast: Cast, term: Term) -> None:
    last_seen(cast.rivera, 22)
    last_seen(cast.chen, 22)
    EmailOptOut.objects.create(email="Maria@Example.org", kind="prompt")
    EmailOptOut.objects.create(email="wei@example.org", kind="invitation")

    assert prompted_usernames(term) == ["wchen"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 12, 14), None),  # the day before Q2's mid-point
        (datetime.date(2026, 12, 15), "Q2"),  # the mid-point
        (datetime.date(2027, 1, 22), "Q2"),  # Q2's last day
        (datetime.date(2027, 1, 23), None),  # after Q2 ended
        (datetime.date(2026, 11, 7), None),  # between Q1 and Q2
        (datetime.date(2026, 10, 2), "Q1"),
    ],
)
def test_the_prompt_runs_from_the_midpoint_to_the_end(
    term: Term, day: datetime.date, expected: str | None
) -> None:
    period = prompt_period(day)

    assert (period.name if period else None) == expected


def test_before_the_midpoint_nobody_is_selected(cast: Cast, term: Term) -> None:
    last_seen(cast.rivera, 60)

    selection = select(NOW - datetime.timedelta(days=2))

    assert selection.period is None
    assert selection.accounts == []


def test_after_the_end_nobody_is_selected(cast: Cast, term: Term) -> None:
    last_seen(cast.rivera, 60)

    selection = select(timezone.make_aware(datetime.datetime(2027, 1, 25, 10)))

    assert selection.period is None
    assert selection.accounts == []


def test_contacts_without_an_account_are_invited(cast: Cast, term: Term) -> None:
    ana = make_contact("Ana", "Morales", "ana@example.org", cast.lily)

    assert contacts_to_invite(term.q2) == [ana]


def test_an_invitation_goes_once_per_address(cast: Cast, term: Term) -> None:
    ana = make_contact("Ana", "Morales", "ana@example.org", cast.lily)
    make_contact("Ana", "Morales", "ANA@example.org", cast.sofia)

    assert contacts_to_invite(term.q2) == [ana]


def test_who_is_not_invited(cast: Cast, term: Term) -> None:
    no_access = make_contact("Noa", "Access", "noa@example.org", cast.lily)
    StudentContact.objects.filter(contact=no_access).update(online_access=False)
    make_contact("No", "Email", "", cast.lily)
    make_contact("Maria", "Again", "maria@example.org", cast.sofia)
    invited = make_contact("Ina", "Invited", "ina@example.org", cast.lily)
    MidTermPrompt.objects.create(
        kind=MidTermPrompt.Kind.INVITATION, contact=invited, marking_period=term.q2
    )
    make_contact("Sto", "Pped", "stopped@example.org", cast.lily)
    EmailOptOut.objects.create(email="stopped@example.org", kind="invitation")

    assert contacts_to_invite(term.q2) == []


def test_invitations_only_when_the_district_turns_them_on(
    cast: Cast, term: Term, settings: Settings
) -> None:
    make_contact("Ana", "Morales", "ana@example.org", cast.lily)

    settings.HOMEROOM_INVITE_CONTACTS = False
    assert select(NOW).contacts == []

    settings.HOMEROOM_INVITE_CONTACTS = True
    assert [contact.email for contact in select(NOW).contacts] == ["ana@example.org"]
