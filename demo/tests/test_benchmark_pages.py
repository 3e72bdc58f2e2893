import re
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import override_settings

from accounts.models import Account
from attendance.models import AttendanceCode, AttendanceMark
from conftest import TODAY, Term
from demo.benchmark import Builder, percentile
from gradebook.models import Assignment, GradeBand, Gradebook, ReportCardGrade, Score
from records.models import (
    Contact,
    Course,
    Enrollment,
    MarkingPeriod,
    School,
    SchoolYear,
    Section,
    Student,
    StudentContact,
)

pytestmark = pytest.mark.django_db

PAGES = [
    "children",
    "child overview",
    "course",
    "missing work",
    "attendance",
    "schedule",
    "report cards",
]


def run() -> str:
    out = StringIO()
    with time_machine.travel("2026-12-03 10:00", tick=False):
        call_command(
            "benchmark_pages", "--students", "20", "--parents", "2", stdout=out
        )
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [
        Account,
        Session,
        School,
        Student,
        Contact,
        StudentContact,
        SchoolYear,
        MarkingPeriod,
        Course,
        Section,
        Enrollment,
        Gradebook,
        Assignment,
        Score,
        GradeBand,
        ReportCardGrade,
        AttendanceCode,
        AttendanceMark,
    ]
    return {model.__name__: model._default_manager.count() for model in models}


# The test client's "testserver" is let in while the benchmark runs, and only then.
@override_settings(ALLOWED_HOSTS=["portal.example.org"])
def test_prints_the_build_and_a_row_per_family_page() -> None:
    out = run()

    assert re.search(r"Built a school of 20 students in [\d.]+ s: [\d,]+ rows", out)
    assert "rows per second" in out
    assert "Timed the pages of 2 parents" in out
    assert "page" in out and "median ms" in out and "p95 ms" in out
    for label in PAGES:
        row = rf"^{label} +\d+ +[\d.]+ +[\d.]+  \d+(-\d+)?$"
        assert re.search(row, out, re.MULTILINE), label
    assert "answered" not in out
    assert "skipped" not in out
    hosts = settings.ALLOWED_HOSTS
    assert hosts == ["portal.example.org"]


def test_leaves_the_database_as_it_was() -> None:
    before = counts()

    run()

    assert counts() == before


def test_runs_beside_a_school_year_and_leaves_it_as_it_was(term: Term) -> None:
    before = counts()

    out = run()

    assert re.search(r"^course +\d+", out, re.MULTILINE)
    assert counts() == before


def test_uses_the_marking_period_running_today(term: Term) -> None:
    builder = Builder(20, 1, TODAY)

    current, previous = builder.marking_periods()

    assert (current, previous) == (term.q2, term.q1)
    assert builder.rows == 0


def test_makes_two_marking_periods_when_none_is_running() -> None:
    builder = Builder(20, 1, TODAY)

    current, previous = builder.marking_periods()

    assert current.contains(TODAY)
    assert previous.end < current.start
    assert MarkingPeriod.objects.current(TODAY) == current


def test_p95_is_the_value_below_which_ninety_five_percent_fall() -> None:
    values = [float(n) for n in range(1, 21)]

    assert percentile(values, 0.95) == 19
    assert percentile([7.0], 0.95) == 7
