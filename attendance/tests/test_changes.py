import datetime

from attendance.changes import clear_mark, set_mark
from attendance.models import AttendanceMark
from audit.models import Change
from conftest import Cast, Term

DAY = datetime.date(2026, 12, 2)


def test_marking_a_period_records_who_and_what(cast: Cast, term: Term) -> None:
    set_mark(term.teacher, cast.sofia, DAY, term.tardy, section=term.math)

    mark = AttendanceMark.objects.get()
    assert mark.section == term.math and mark.recorded_by == term.teacher
    change = Change.objects.get(field="code")
    assert change.actor == term.teacher and change.student == cast.sofia
    assert change.new_value.startswith("T ")


def test_changing_a_mark_keeps_one_mark_and_records_the_old_code(
    cast: Cast, term: Term
) -> None:
    set_mark(term.teacher, cast.sofia, DAY, term.tardy)
    set_mark(term.teacher, cast.sofia, DAY, term.absent, comment="Called in sick")

    assert AttendanceMark.objects.get().code == term.absent
    codes = list(Change.objects.filter(field="code").order_by("pk"))
    assert [c.new_value[:1] for c in codes] == ["T", "A"]
    assert codes[-1].old_value.startswith("T ")


def test_a_daily_mark_and_a_period_mark_live_side_by_side(
    cast: Cast, term: Term
) -> None:
    set_mark(term.teacher, cast.sofia, DAY, term.absent)
    set_mark(term.teacher, cast.sofia, DAY, term.tardy, section=term.math)

    assert AttendanceMark.objects.count() == 2


def test_clearing_a_mark_records_what_it_was(cast: Cast, term: Term) -> None:
    set_mark(term.teacher, cast.sofia, DAY, term.tardy, section=term.math)

    assert clear_mark(term.other_teacher, cast.sofia, DAY, section=term.math)

    assert not AttendanceMark.objects.exists()
    removal = Change.objects.filter(field="code", new_value="").get()
    assert removal.actor == term.other_teacher and removal.old_value.startswith("T ")
    assert not clear_mark(term.other_teacher, cast.sofia, DAY, section=term.math)
