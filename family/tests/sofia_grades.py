"""Sofia's second marking period, graded: the worked example the family pages show."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from conftest import Cast, Term, add_assignment, add_score
from gradebook.models import Assignment

NOV = 11


def day(month: int, number: int) -> datetime.date:
    return datetime.date(2026, month, number)


@dataclass
class Graded:
    unit_test: Assignment  # Tests: 45 / 50
    worksheet_5: Assignment  # Homework: 8 / 10, with a comment
    worksheet_6: Assignment  # Homework: missing
    essay: Assignment  # English, total points: 18 / 20, late
    reading_log: Assignment  # English: missing
    quiz: Assignment  # English: excused
    hidden: Assignment  # Math homework families may not see yet


def grade_sofia(cast: Cast, term: Term) -> Graded:
    """Math: tests 60 % at 90 %, homework 40 % at 40 % (one missing): 70.0, a C."""
    unit_test = add_assignment(
        term.math_q2, "Unit 3 test", 50, day(NOV, 20), term.tests
    )
    add_score(unit_test, cast.sofia, "45")
    worksheet_5 = add_assignment(
        term.math_q2, "Worksheet 5", 10, day(NOV, 24), term.homework
    )
    add_score(worksheet_5, cast.sofia, "8", comment="Show your steps next time.")
    worksheet_6 = add_assignment(
        term.math_q2, "Worksheet 6", 10, day(NOV, 30), term.homework
    )
    add_score(worksheet_6, cast.sofia, missing=True)

    hidden = add_assignment(term.math_q2, "Worksheet 7", 10, day(12, 10), term.homework)
    hidden.visible_from = day(12, 4)
    hidden.save()
    add_score(hidden, cast.sofia, missing=True)

    essay = add_assignment(term.english_q2, "Personal essay", 20, day(NOV, 18))
    add_score(essay, cast.sofia, "18", late=True, comment="A vivid opening.")
    reading_log = add_assignment(term.english_q2, "Reading log", 5, day(NOV, 25))
    add_score(reading_log, cast.sofia, missing=True)
    quiz = add_assignment(term.english_q2, "Vocabulary quiz", 10, day(NOV, 27))
    add_score(quiz, cast.sofia, missing=True, excused=True)

    term.math_q2.updated_at = timezone.make_aware(datetime.datetime(2026, 11, 28, 15))
    term.math_q2.save()
    return Graded(unit_test, worksheet_5, worksheet_6, essay, reading_log, quiz, hidden)
