"""Every kind of alert comes in the language the parent chose, complete."""

from decimal import Decimal

import time_machine

from attendance.changes import set_mark
from conftest import Cast, Term, add_assignment
from gradebook.changes import set_score
from homeroom.tests.catalogs import untranslated
from messaging.tests import test_alerts
from messaging.tests.test_alerts import TODAY, at, emails_to, opt_in, run_at

clock = test_alerts.clock
rules = test_alerts.rules


def test_every_kind_of_alert_is_in_spanish(
    cast: Cast, term: Term, clock: time_machine.Traveller
) -> None:
    cast.rivera.language = "es"
    cast.rivera.save()
    opt_in(cast.rivera, cast.sofia, below="70", missing=True, attendance=True)
    test = add_assignment(term.math_q2, "Unit test", 100, TODAY, term.tests)
    set_score(term.teacher, test, cast.sofia, points=Decimal(55))
    homework = add_assignment(term.math_q2, "Homework 5", 10, TODAY, term.homework)
    set_score(term.teacher, homework, cast.sofia, missing=True)
    set_mark(term.teacher, cast.sofia, TODAY, term.absent)

    run_at(clock, at(3, 10, 0))
    run_at(clock, at(3, 11, 0))

    emails = emails_to()
    assert sorted(email.subject for email in emails) == [
        "Ausencia de Sofia el 3 de diciembre de 2026",
        "Sofia: el promedio en Math 7 está por debajo del 70 %",
        "Sofia: trabajo no entregado en Math 7",
    ]
    for email in emails:
        assert '<html lang="es">' in email.html_body
        assert untranslated(email.html_body, "es") == [], email.subject
        assert untranslated(email.text_body, "es") == [], email.subject
