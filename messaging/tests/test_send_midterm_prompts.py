"""manage.py send_midterm_prompts on a frozen clock: once per marking period."""

import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from pytest_django.fixtures import Settings

from accounts.models import Account
from conftest import Cast, Term, make_contact
from homeroom.tests.catalogs import untranslated
from messaging.models import EmailOptOut, MidTermPrompt
from outbox.models import Message
from records.models import MarkingPeriod

MIDTERM = "2026-12-16 10:00"  # the day after Q2's mid-point


@pytest.fixture
def idle(cast: Cast, term: Term) -> Iterator[Cast]:
    """Both parents last signed in on November 1, six weeks before Q2's mid-point."""
    for account in (cast.rivera, cast.chen):
        account.last_login = timezone.make_aware(datetime.datetime(2026, 11, 1))
        account.save()

    yield cast


def recipients() -> list[str]:
    return sorted(Message.objects.values_list("to", flat=True))


def test_each_idle_parent_gets_one_prompt(
    idle: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts")

    assert recipients() == ["maria@example.org", "wei@example.org"]
    assert capsys.readouterr().out == "Q2: Sent 2 prompt(s) and 0 invitation(s).\n"


def test_running_three_times_sends_one_email_each(idle: Cast) -> None:
    with time_machine.travel(MIDTERM, tick=False) as traveller:
        call_command("send_midterm_prompts")
        traveller.shift(datetime.timedelta(hours=5))
        call_command("send_midterm_prompts")
        traveller.shift(datetime.timedelta(days=3))
        call_command("send_midterm_prompts")

    assert recipients() == ["maria@example.org", "wei@example.org"]
    assert MidTermPrompt.objects.count() == 2


def test_the_next_marking_period_prompts_again(idle: Cast, term: Term) -> None:
    MarkingPeriod.objects.create(
        school_year=term.year,
        name="Q3",
        start=datetime.date(2027, 1, 25),
        end=datetime.date(2027, 3, 26),
        midpoint=datetime.date(2027, 2, 24),
    )

    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts")
    with time_machine.travel("2027-02-25 10:00", tick=False):
        call_command("send_midterm_prompts")

    assert len(recipients()) == 4
    periods = MidTermPrompt.objects.filter(account=idle.rivera)
    assert sorted(periods.values_list("marking_period__name", flat=True)) == [
        "Q2",
        "Q3",
    ]


def test_before_the_midpoint_nothing_is_sent(
    idle: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    with time_machine.travel("2026-12-14 10:00", tick=False):
        call_command("send_midterm_prompts")

    assert recipients() == []
    assert capsys.readouterr().out == "No marking period is past its mid-point today.\n"


def test_after_the_end_nothing_is_sent(idle: Cast) -> None:
    with time_machine.travel("2027-01-25 10:00", tick=False):
        call_command("send_midterm_prompts")

    assert recipients() == []


def test_a_dry_run_lists_usernames_and_sends_nothing(
    idle: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts", "--dry-run")

    output = capsys.readouterr().out
    assert output.splitlines() == [
        "Q2: Would send 2 prompt(s) and 0 invitation(s).",
        "prompt: mrivera",
        "prompt: wchen",
    ]
    for name in ("Sofia", "Lucas", "Lily", "Maria", "Rivera", "Chen"):
        assert name not in output
    assert recipients() == []
    assert not MidTermPrompt.objects.exists()


def test_the_prompt_email_links_to_sign_in_and_to_stop(
    idle: Cast, settings: Settings
) -> None:
    settings.HOMEROOM_SITE_URL = "https://portal.example.org"

    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts")

    message = Message.objects.get(to="maria@example.org")
    assert "parent portal" in message.subject
    assert "https://portal.example.org/sign-in/" in message.text_body
    assert 'href="https://portal.example.org/sign-in/"' in message.html_body
    assert "https://portal.example.org/stop/" in message.text_body
    assert "Sofia" not in message.text_body + message.html_body


def test_the_prompt_comes_in_the_parents_language(idle: Cast) -> None:
    idle.rivera.language = "es"
    idle.rivera.save()

    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts")

    spanish = Message.objects.get(to="maria@example.org")
    english = Message.objects.get(to="wei@example.org")
    assert spanish.subject.startswith("Mitad del periodo")
    assert '<html lang="es">' in spanish.html_body
    assert untranslated(spanish.html_body, "es") == []
    assert english.subject.startswith("Mid-term")


def test_a_parent_who_stopped_prompts_gets_none(idle: Cast) -> None:
    EmailOptOut.objects.create(email="maria@example.org", kind="prompt")

    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts")

    assert recipients() == ["wei@example.org"]


def test_invitations_go_to_contacts_without_an_account_when_turned_on(
    idle: Cast, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.HOMEROOM_INVITE_CONTACTS = True
    settings.HOMEROOM_SITE_URL = "https://portal.example.org"
    ana = make_contact("Ana", "Morales", "ana@example.org", idle.lily)

    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts")
        call_command("send_midterm_prompts")

    invitation = Message.objects.get(to="ana@example.org")
    assert "https://portal.example.org/create-account/" in invitation.text_body
    assert "https://portal.example.org/stop/" in invitation.text_body
    assert recipients() == ["ana@example.org", "maria@example.org", "wei@example.org"]
    assert MidTermPrompt.objects.get(contact=ana).kind == "invitation"
    assert "Sent 2 prompt(s) and 1 invitation(s)." in capsys.readouterr().out


def test_no_invitations_when_the_setting_is_off(idle: Cast) -> None:
    make_contact("Ana", "Morales", "ana@example.org", idle.lily)

    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts")

    assert "ana@example.org" not in recipients()


def test_a_dry_run_lists_invitations_by_contact_number(
    idle: Cast, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.HOMEROOM_INVITE_CONTACTS = True
    ana = make_contact("Ana", "Morales", "ana@example.org", idle.lily)

    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts", "--dry-run")

    output = capsys.readouterr().out
    assert f"invitation: contact {ana.pk}" in output.splitlines()
    assert "Ana" not in output and "ana@" not in output
    assert recipients() == []


def test_a_parent_who_created_an_account_is_prompted_not_invited(
    idle: Cast, settings: Settings
) -> None:
    settings.HOMEROOM_INVITE_CONTACTS = True

    with time_machine.travel(MIDTERM, tick=False):
        call_command("send_midterm_prompts")

    assert Account.objects.filter(midterm_prompts__isnull=False).count() == 2
    assert not MidTermPrompt.objects.filter(kind="invitation").exists()
