"""The weekly digest for Maria Rivera's two children, Sofia and Lucas."""

import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from pytest_django.fixtures import Settings

from attendance.changes import set_mark
from conftest import Cast, Term, add_assignment
from gradebook.changes import set_score
from gradebook.models import Gradebook
from messaging.digest import send_digests, send_weekly_digest
from messaging.models import Alert, AlertPreference, DigestPreference, DigestSent
from outbox.models import Message


def at(month: int, day: int, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, month, day, hour))


LAST_SUNDAY = at(11, 29, 17)
THIS_SUNDAY = at(12, 6, 17)


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(LAST_SUNDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def rules(settings: Settings) -> None:
    settings.HOMEROOM_DIGEST_WEEKDAY = 7
    settings.HOMEROOM_DIGEST_HOUR = 17
    settings.HOMEROOM_SITE_URL = "http://127.0.0.1:8000"


def day(month: int, number: int) -> datetime.date:
    return datetime.date(2026, month, number)


@pytest.fixture
def week(cast: Cast, term: Term, clock: time_machine.Traveller) -> None:
    """Last Sunday's digest, then a week of scores, missing work and absences."""
    DigestPreference.objects.create(account=cast.rivera, weekly=True)
    biology = Gradebook.objects.create(section=term.biology, marking_period=term.q2)

    test1 = add_assignment(term.math_q2, "Unit test 1", 100, day(11, 20), term.tests)
    set_score(term.teacher, test1, cast.sofia, points=Decimal(80))
    essay = add_assignment(term.english_q2, "Essay", 50, day(11, 25))
    set_score(term.other_teacher, essay, cast.sofia, points=Decimal(45))
    lab1 = add_assignment(biology, "Lab 1", 20, day(11, 24))
    set_score(term.other_teacher, lab1, cast.lucas, points=Decimal(18))
    send_digests()

    clock.move_to(at(12, 2, 15))
    test2 = add_assignment(term.math_q2, "Unit test 2", 100, day(12, 2), term.tests)
    set_score(term.teacher, test2, cast.sofia, points=Decimal(90))
    homework = add_assignment(term.math_q2, "Homework 1", 10, day(12, 1), term.homework)
    set_score(term.teacher, homework, cast.sofia, points=Decimal(10))
    report = add_assignment(term.english_q2, "Book report", 50, day(12, 2))
    set_score(term.other_teacher, report, cast.sofia, missing=True)
    lab2 = add_assignment(biology, "Lab 2", 20, day(12, 1))
    set_score(term.other_teacher, lab2, cast.lucas, points=Decimal(20))
    set_mark(term.teacher, cast.sofia, day(12, 2), term.absent)
    set_mark(term.other_teacher, cast.lucas, day(12, 3), term.tardy, term.biology)

    clock.move_to(THIS_SUNDAY)


def digests_to_maria() -> list[Message]:
    return list(Message.objects.filter(to="maria@example.org"))


@pytest.mark.usefixtures("week")
def test_one_email_covers_both_children_with_averages_and_their_change() -> None:
    send_digests()

    first, second = digests_to_maria()
    body = second.text_body
    assert "== Sofia (Q2) ==" in body and "== Lucas (Q2) ==" in body
    assert "- Math 7: 91.0 % A (+11.0)" in body
    assert "- English 7: 45.0 % F (-45.0)" in body
    assert "- Biology: 95.0 % A (+5.0)" in body
    assert "- Math 7: 80.0 % B (new this week)" in first.text_body


@pytest.mark.usefixtures("week")
def test_it_lists_the_week_new_missing_work_and_absences() -> None:
    send_digests()

    body = digests_to_maria()[-1].text_body
    assert "- English 7: Book report (due Dec. 2, 2026)" in body
    assert "- Dec. 2, 2026: Absent, whole day" in body
    assert "- Dec. 3, 2026: Tardy, Biology" in body
    assert body.count("None this week.") == 1  # Lucas has no missing work
    assert "Lily" not in body


@pytest.mark.usefixtures("week")
def test_the_html_part_has_the_same_content_and_a_stop_link() -> None:
    send_digests()

    html = digests_to_maria()[-1].html_body
    assert "<h2>Sofia (Q2)</h2>" in html and "<h2>Lucas (Q2)</h2>" in html
    assert "Book report" in html
    assert "http://127.0.0.1:8000/stop/choice/" in html


@pytest.mark.usefixtures("week")
def test_at_most_one_digest_a_week_however_often_it_runs(cast: Cast) -> None:
    assert send_digests() == 1
    assert send_digests() == 0

    assert len(digests_to_maria()) == 2  # last week's and this week's
    assert DigestSent.objects.filter(account=cast.rivera).count() == 2


@pytest.mark.usefixtures("week")
def test_alerts_past_the_daily_limit_come_in_the_digest(cast: Cast) -> None:
    held = Alert.objects.create(
        account=cast.rivera,
        student=cast.sofia,
        kind=Alert.Kind.MISSING,
        key="missing:1",
        details={"course": "Math 7", "assignment": "Worksheet", "due": "2026-12-04"},
        due_at=at(12, 4, 11),
        folded_into_digest=True,
    )

    send_digests()

    body = digests_to_maria()[-1].text_body
    assert "Alerts past the daily limit, held for this summary" in body
    assert "- Sofia: missing work in Math 7, “Worksheet”" in body
    held.refresh_from_db()
    assert held.digest == DigestSent.objects.get(account=cast.rivera, week=day(11, 30))


def test_a_parent_with_held_alerts_gets_a_digest_without_asking(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    AlertPreference.objects.create(
        account=cast.rivera, student=cast.sofia, missing=True
    )
    Alert.objects.create(
        account=cast.rivera,
        student=cast.sofia,
        kind=Alert.Kind.ABSENT,
        key="absent:x",
        details={"date": "2026-11-27"},
        due_at=LAST_SUNDAY,
        folded_into_digest=True,
    )

    assert send_digests() == 1
    assert "- Sofia: absent on Nov. 27, 2026" in digests_to_maria()[0].text_body


def test_parents_who_did_not_ask_get_nothing(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    DigestPreference.objects.create(account=cast.chen, weekly=False)

    assert send_digests() == 0
    assert Message.objects.count() == 0


def test_the_worker_sends_it_only_on_the_digest_day(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    DigestPreference.objects.create(account=cast.rivera, weekly=True)

    assert send_weekly_digest(at(12, 3, 17)) == 0
    assert send_weekly_digest(THIS_SUNDAY) == 1
