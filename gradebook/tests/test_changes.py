import datetime
from decimal import Decimal

import time_machine

from audit.models import Change
from conftest import Cast, Term, add_assignment
from gradebook.changes import post_report_card_grade, set_score


def test_a_new_score_is_recorded_with_who_and_when(cast: Cast, term: Term) -> None:
    quiz = add_assignment(
        term.math_q2, "Quiz 1", 20, datetime.date(2026, 11, 20), term.tests
    )

    with time_machine.travel("2026-12-03 10:00", tick=False):
        set_score(term.teacher, quiz, cast.sofia, points=Decimal(18))

    change = Change.objects.get(field="points")
    assert change.actor == term.teacher
    assert change.student == cast.sofia
    assert (change.old_value, change.new_value) == ("", "18")
    term.math_q2.refresh_from_db()
    assert term.math_q2.updated_at is not None
    assert term.math_q2.updated_at.date() == datetime.date(2026, 12, 3)


def test_a_changed_score_records_old_and_new_values(cast: Cast, term: Term) -> None:
    quiz = add_assignment(
        term.math_q2, "Quiz 1", 20, datetime.date(2026, 11, 20), term.tests
    )
    set_score(term.teacher, quiz, cast.sofia, points=None, missing=True)
    Change.objects.all().delete()

    set_score(
        term.teacher, quiz, cast.sofia, points=Decimal(15), missing=False, late=True
    )

    changed = {c.field: (c.old_value, c.new_value) for c in Change.objects.all()}
    assert changed == {
        "points": ("", "15"),
        "missing": ("True", "False"),
        "late": ("False", "True"),
    }


def test_saving_the_same_score_records_nothing(cast: Cast, term: Term) -> None:
    quiz = add_assignment(
        term.math_q2, "Quiz 1", 20, datetime.date(2026, 11, 20), term.tests
    )
    set_score(term.teacher, quiz, cast.sofia, points=Decimal(18))
    count = Change.objects.count()

    set_score(term.teacher, quiz, cast.sofia, points=Decimal(18))

    assert Change.objects.count() == count


def test_posting_and_correcting_a_report_card_grade_is_recorded(
    cast: Cast, term: Term
) -> None:
    posted = datetime.date(2026, 11, 13)
    post_report_card_grade(term.teacher, cast.sofia, term.math, term.q1, "B", posted)

    grade = post_report_card_grade(
        term.teacher,
        cast.sofia,
        term.math,
        term.q1,
        "B+",
        posted,
        comment="Steady work",
    )

    assert grade.mark == "B+" and grade.posted_by == term.teacher
    marks = Change.objects.filter(subject="report card grade", field="mark")
    assert sorted((c.old_value, c.new_value) for c in marks) == [("", "B"), ("B", "B+")]
