"""Alerts on a frozen clock: grace period, one email per event, quiet hours, cap."""

import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from pytest_django.fixtures import Settings

from accounts.models import Account
from attendance.changes import clear_mark, set_mark
from attendance.models import AttendanceCode
from conftest import Cast, Term, add_assignment
from gradebook.changes import set_score
from messaging.alerts import run_alerts
from messaging.models import Alert, AlertPreference
from outbox.models import Message
from records.models import Student

TODAY = datetime.date(2026, 12, 3)


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """A moment in December 2026, in the district's time zone."""
    return timezone.make_aware(datetime.datetime(2026, 12, day, hour, minute))


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(at(3, 10), tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def rules(settings: Settings) -> None:
    settings.HOMEROOM_ALERT_GRACE_MINUTES = 60
    settings.HOMEROOM_QUIET_HOURS = "21-7"
    settings.HOMEROOM_ALERTS_PER_DAY = 3
    settings.HOMEROOM_SITE_URL = "http://127.0.0.1:8000"


def opt_in(
    account: Account, student: Student, below: str | None = None, **kinds: bool
) -> AlertPreference:
    return AlertPreference.objects.create(
        account=account,
        student=student,
        average_below=Decimal(below) if below else None,
        **kinds,
    )


def run_at(clock: time_machine.Traveller, moment: datetime.datetime) -> None:
    clock.move_to(moment)
    run_alerts()


def emails_to(address: str = "maria@example.org") -> list[Message]:
    return list(Message.objects.filter(to=address))


def mark_missing(term: Term, cast: Cast, title: str = "Homework 5") -> None:
    assignment = add_assignment(term.math_q2, title, 10, TODAY, term.homework)
    set_score(term.teacher, assignment, cast.sofia, missing=True)


def test_a_missing_mark_corrected_within_the_hour_is_never_sent(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, missing=True)
    assignment = add_assignment(term.math_q2, "Homework 5", 10, TODAY, term.homework)
    set_score(term.teacher, assignment, cast.sofia, missing=True)
    run_at(clock, at(3, 10, 5))

    clock.move_to(at(3, 10, 20))
    set_score(term.teacher, assignment, cast.sofia, missing=False, points=Decimal(9))
    run_at(clock, at(3, 11, 5))
    run_at(clock, at(3, 15, 0))

    assert emails_to() == []
    assert Alert.objects.get().cancelled_at == at(3, 11, 5)


def test_still_missing_after_the_hour_sends_one_email(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, missing=True)
    mark_missing(term, cast)
    run_at(clock, at(3, 10, 0))

    run_at(clock, at(3, 10, 59))
    assert emails_to() == []

    run_at(clock, at(3, 11, 0))
    [email] = emails_to()
    assert "Sofia: missing work in Math 7" in email.subject
    assert "Homework 5" in email.text_body
    assert "http://127.0.0.1:8000/stop/choice/" in email.text_body
    assert "http://127.0.0.1:8000/stop/choice/" in email.html_body


def test_running_the_job_twice_sends_one_email(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, missing=True)
    mark_missing(term, cast)

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 5))
    run_at(clock, at(3, 11, 5))
    run_at(clock, at(3, 12, 0))

    assert len(emails_to()) == 1
    assert Alert.objects.count() == 1


def test_an_event_at_ten_at_night_goes_out_at_seven_in_the_morning(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, missing=True)
    clock.move_to(at(3, 22, 0))
    mark_missing(term, cast)

    for moment in [at(3, 22, 0), at(3, 23, 30), at(4, 3, 0), at(4, 6, 59)]:
        run_at(clock, moment)
    assert emails_to() == []

    run_at(clock, at(4, 7, 0))
    assert len(emails_to()) == 1
    assert Alert.objects.get().sent_at == at(4, 7, 0)


def test_past_the_daily_cap_alerts_fold_into_the_digest(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, missing=True)
    for number in range(1, 6):
        mark_missing(term, cast, f"Homework {number}")

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    assert len(emails_to()) == 3
    assert Alert.objects.filter(sent_at__isnull=False).count() == 3
    assert Alert.objects.filter(folded_into_digest=True).count() == 2
    assert Alert.objects.for_next_digest().count() == 2


def test_the_cap_counts_a_local_day(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, missing=True)
    clock.move_to(at(3, 15, 0))
    for number in range(1, 4):
        mark_missing(term, cast, f"Homework {number}")
    run_at(clock, at(3, 15, 0))
    run_at(clock, at(3, 16, 0))

    clock.move_to(at(4, 8, 0))
    mark_missing(term, cast, "Homework 4")
    run_at(clock, at(4, 8, 0))
    run_at(clock, at(4, 9, 0))

    assert len(emails_to()) == 4
    assert not Alert.objects.filter(folded_into_digest=True).exists()


def test_an_absence_in_two_classes_makes_one_alert_for_the_day(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, attendance=True)
    set_mark(term.teacher, cast.sofia, TODAY, term.absent, section=term.math)
    set_mark(term.other_teacher, cast.sofia, TODAY, term.absent, section=term.english)

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    [email] = emails_to()
    assert email.subject == "Sofia was marked absent on Dec. 3, 2026"
    assert "absent on Dec. 3, 2026 in: English 7, Math 7." in email.text_body


def test_a_tardy_is_its_own_alert(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, attendance=True)
    set_mark(term.teacher, cast.sofia, TODAY, term.absent, section=term.math)
    set_mark(term.other_teacher, cast.sofia, TODAY, term.tardy, section=term.english)

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    assert sorted(email.subject for email in emails_to()) == [
        "Sofia was marked absent on Dec. 3, 2026",
        "Sofia was marked tardy on Dec. 3, 2026",
    ]


def test_an_excused_absence_sends_nothing(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, attendance=True)
    set_mark(term.teacher, cast.sofia, TODAY, AttendanceCode.objects.get(code="AE"))

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    assert emails_to() == []


def test_an_absence_cleared_within_the_hour_is_cancelled(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, attendance=True)
    set_mark(term.teacher, cast.sofia, TODAY, term.absent)
    run_at(clock, at(3, 10, 0))

    clear_mark(term.teacher, cast.sofia, TODAY)
    run_at(clock, at(3, 11, 0))

    assert emails_to() == []
    assert Alert.objects.get().cancelled_at is not None


def test_an_average_below_the_threshold_is_sent_if_it_stays_below(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, below="70")
    test = add_assignment(term.math_q2, "Unit test", 100, TODAY, term.tests)
    set_score(term.teacher, test, cast.sofia, points=Decimal(55))

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    [email] = emails_to()
    assert email.subject == "Sofia: the average in Math 7 is below 70 %"
    assert "55 %" in email.text_body


def test_an_average_corrected_within_the_hour_is_never_sent(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, below="70")
    test = add_assignment(term.math_q2, "Unit test", 100, TODAY, term.tests)
    set_score(term.teacher, test, cast.sofia, points=Decimal(5))
    run_at(clock, at(3, 10, 0))

    set_score(term.teacher, test, cast.sofia, points=Decimal(95))
    run_at(clock, at(3, 11, 0))

    assert emails_to() == []


def test_a_missing_mark_that_comes_back_waits_a_new_grace_period(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.sofia, missing=True)
    assignment = add_assignment(term.math_q2, "Homework 5", 10, TODAY, term.homework)
    set_score(term.teacher, assignment, cast.sofia, missing=True)
    run_at(clock, at(3, 10, 0))
    set_score(term.teacher, assignment, cast.sofia, missing=False)
    run_at(clock, at(3, 11, 0))

    clock.move_to(at(3, 13, 0))
    set_score(term.teacher, assignment, cast.sofia, missing=True)
    run_at(clock, at(3, 13, 0))
    run_at(clock, at(3, 13, 30))
    assert emails_to() == []

    run_at(clock, at(3, 14, 0))
    assert len(emails_to()) == 1


def test_nothing_for_a_parent_who_did_not_opt_in_or_a_child_not_chosen(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.rivera, cast.lucas, missing=True)
    mark_missing(term, cast)
    set_mark(term.teacher, cast.sofia, TODAY, term.absent)

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    assert Message.objects.count() == 0


def test_nothing_for_a_child_the_account_is_not_linked_to(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    opt_in(cast.chen, cast.sofia, missing=True)
    mark_missing(term, cast)

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    assert Message.objects.count() == 0


def test_turning_the_alert_off_during_the_grace_period_cancels_it(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    preference = opt_in(cast.rivera, cast.sofia, missing=True)
    mark_missing(term, cast)
    run_at(clock, at(3, 10, 0))

    preference.missing = False
    preference.save()
    run_at(clock, at(3, 11, 0))

    assert emails_to() == []


def test_old_events_are_not_sent_to_a_parent_who_opts_in_later(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    clock.move_to(at(1, 10, 0))
    mark_missing(term, cast)

    opt_in(cast.rivera, cast.sofia, missing=True)
    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    assert emails_to() == []


def test_the_email_is_in_the_family_language(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    if not any(field.name == "language" for field in Account._meta.fields):
        pytest.skip("accounts have no language of their own yet")
    Account.objects.filter(pk=cast.rivera.pk).update(language="es")
    opt_in(cast.rivera, cast.sofia, attendance=True)
    set_mark(term.teacher, cast.sofia, TODAY, term.absent)

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    [email] = emails_to()
    assert "diciembre" in email.text_body
