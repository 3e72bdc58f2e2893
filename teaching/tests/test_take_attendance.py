import datetime
from collections.abc import Iterator

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Account
from attendance.changes import set_mark
from attendance.models import AttendanceMark
from audit.models import Change
from conftest import TODAY, Cast, Staff, Term, make_student
from records.models import Enrollment, Section, Student
from teaching.attendance_forms import code_field, comment_field

pytestmark = pytest.mark.usefixtures("frozen")

SATURDAY = datetime.date(2026, 11, 28)


@pytest.fixture
def frozen() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


def url(section: Section) -> str:
    return reverse("teaching:attendance", args=[section.public_id])


def save_url(section: Section) -> str:
    return reverse("teaching:save_attendance", args=[section.public_id])


def choices(
    *students: Student, day: datetime.date = TODAY, **marked: str
) -> dict[str, str]:
    """A posted form: every student Present unless marked by first name."""
    data = {"date": day.isoformat()}
    for student in students:
        data[code_field(student)] = marked.get(student.first_name.lower(), "")
        data[comment_field(student)] = ""
    return data


def page(client: Client, section: Section, query: str = "") -> str:
    response = client.get(url(section) + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_class_list_is_todays_by_last_name(cast: Cast, term: Term) -> None:
    text = page(cast.client_for(term.teacher), term.math)

    assert text.index("Chen, Lily") < text.index("Rivera, Sofia")
    assert "Thursday 3 December 2026" in text
    assert "T — Tardy" in text
    assert "Present" in text


def test_saving_marks_records_who_changed_what(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    data = choices(cast.sofia, cast.lily, sofia="T", lily="A")
    data[comment_field(cast.sofia)] = "Came from the nurse."

    response = client.post(save_url(term.math), data, follow=True)

    sofia = AttendanceMark.objects.get(student=cast.sofia, section=term.math)
    assert (sofia.date, sofia.code, sofia.comment) == (
        TODAY,
        term.tardy,
        "Came from the nurse.",
    )
    assert sofia.recorded_by == term.teacher
    assert AttendanceMark.objects.get(student=cast.lily).code == term.absent
    changes = Change.objects.filter(subject="attendance", actor=term.teacher)
    assert {(c.student, c.field, c.new_value) for c in changes} >= {
        (cast.sofia, "code", "T Tardy"),
        (cast.sofia, "comment", "Came from the nurse."),
        (cast.lily, "code", "A Absent, unexcused"),
    }
    assert (
        "Attendance saved for Math 7, period 2, Thursday 3 December: 2 marks."
        in response.content.decode()
    )


def test_the_saved_marks_are_shown_again(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    client.post(save_url(term.math), choices(cast.sofia, cast.lily, sofia="T"))

    text = page(client, term.math)

    assert '<option value="T" selected>T — Tardy</option>' in text


def test_clearing_back_to_present_removes_the_mark(cast: Cast, term: Term) -> None:
    set_mark(term.teacher, cast.sofia, TODAY, term.tardy, term.math)
    client = cast.client_for(term.teacher)

    response = client.post(save_url(term.math), choices(cast.sofia, cast.lily))

    assert response.status_code == 302
    assert not AttendanceMark.objects.exists()
    removal = Change.objects.filter(field="code").order_by("-pk").first()
    assert removal is not None
    assert (removal.old_value, removal.new_value) == ("T Tardy", "")


def test_an_unchanged_choice_is_not_saved_again(cast: Cast, term: Term) -> None:
    set_mark(term.teacher, cast.sofia, TODAY, term.tardy, term.math)
    before = Change.objects.count()

    cast.client_for(term.teacher).post(
        save_url(term.math), choices(cast.sofia, cast.lily, sofia="T")
    )

    assert Change.objects.count() == before


def test_everyone_present_is_said_plainly(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)

    response = client.post(
        save_url(term.math), choices(cast.sofia, cast.lily), follow=True
    )

    assert ": everyone present." in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_a_comment_needs_a_code(cast: Cast, term: Term) -> None:
    data = choices(cast.sofia, cast.lily)
    data[comment_field(cast.sofia)] = "Left early?"

    response = cast.client_for(term.teacher).post(save_url(term.math), data)

    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_the_class_list_follows_enrollments_on_that_day(cast: Cast, term: Term) -> None:
    Enrollment.objects.filter(student=cast.lily, section=term.math).update(
        dropped_on=datetime.date(2026, 12, 1)
    )
    newcomer = make_student("100301", "Nora", "Adams", 7, cast.middle)
    Enrollment.objects.create(
        student=newcomer, section=term.math, start=datetime.date(2026, 12, 2)
    )
    client = cast.client_for(term.teacher)

    today = page(client, term.math)
    last_week = page(client, term.math, "?date=2026-11-26")

    assert "Rivera, Sofia" in today and "Adams, Nora" in today
    assert "Chen, Lily" not in today
    assert "Chen, Lily" in last_week and "Adams, Nora" not in last_week


def test_a_dropped_student_cannot_be_marked(cast: Cast, term: Term) -> None:
    Enrollment.objects.filter(student=cast.lily, section=term.math).update(
        dropped_on=datetime.date(2026, 12, 1)
    )

    cast.client_for(term.teacher).post(
        save_url(term.math), choices(cast.sofia, cast.lily, lily="A")
    )

    assert not AttendanceMark.objects.filter(student=cast.lily).exists()


def test_an_earlier_day_is_picked_with_the_date(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    day = datetime.date(2026, 11, 30)

    response = client.post(
        save_url(term.math), choices(cast.sofia, cast.lily, day=day, lily="T")
    )

    assert response["Location"] == url(term.math) + "?date=2026-11-30"
    assert AttendanceMark.objects.get().date == day
    assert "Monday 30 November 2026" in page(client, term.math, "?date=2026-11-30")


def test_an_unreadable_date_shows_today(cast: Cast, term: Term) -> None:
    text = page(cast.client_for(term.teacher), term.math, "?date=someday")

    assert "That date could not be read" in text
    assert "Thursday 3 December 2026" in text


def test_a_day_to_come_cannot_be_saved(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    tomorrow = datetime.date(2026, 12, 4)

    text = page(client, term.math, "?date=2026-12-04")
    client.post(save_url(term.math), choices(cast.sofia, cast.lily, day=tomorrow))
    client.post(
        save_url(term.math), choices(cast.sofia, cast.lily, day=tomorrow, sofia="A")
    )

    assert "This day has not come yet" in text
    assert not AttendanceMark.objects.exists()


def test_a_day_the_section_does_not_meet_is_noted(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)

    text = page(client, term.math, f"?date={SATURDAY.isoformat()}")

    assert "does not meet on Saturdays" in text


def test_whole_day_marks_from_the_office_are_shown(
    cast: Cast, term: Term, staff: Staff
) -> None:
    set_mark(staff.middle_office, cast.lily, TODAY, term.absent, comment="Flu")

    text = page(cast.client_for(term.teacher), term.math)

    assert "Absent all day (office): A Absent, unexcused" in text
    assert "Flu" in text


def test_whole_day_marks_are_left_to_the_office(
    cast: Cast, term: Term, staff: Staff
) -> None:
    set_mark(staff.middle_office, cast.lily, TODAY, term.absent)

    cast.client_for(term.teacher).post(
        save_url(term.math), choices(cast.sofia, cast.lily)
    )

    daily = AttendanceMark.objects.get()
    assert daily.is_daily and daily.recorded_by == staff.middle_office


def test_the_page_makes_a_fixed_number_of_queries(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.teacher)
    small = count_queries(client, term.math)

    for number in range(5):
        student = make_student(
            f"1004{number}", "Extra", f"Student{number}", 7, cast.middle
        )
        Enrollment.objects.create(student=student, section=term.math, start=TODAY)
        set_mark(term.teacher, student, TODAY, term.tardy, term.math)
    large = count_queries(client, term.math)

    assert small == large


def count_queries(client: Client, section: Section) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(section)).status_code == 200
    return len(queries)


def test_another_teachers_section_is_not_found(cast: Cast, term: Term) -> None:
    client = cast.client_for(term.other_teacher)

    assert client.get(url(term.math)).status_code == 404
    response = client.post(save_url(term.math), choices(cast.sofia, sofia="A"))
    assert response.status_code == 404
    assert not AttendanceMark.objects.exists()


@pytest.mark.parametrize("who", ["rivera", "lily_account", "middle_office"])
def test_families_and_office_staff_are_refused(
    cast: Cast, term: Term, staff: Staff, who: str
) -> None:
    account: Account = getattr(cast, who, None) or getattr(staff, who)
    client = cast.client_for(account)

    assert client.get(url(term.math)).status_code == 403
    response = client.post(save_url(term.math), choices(cast.sofia, sofia="A"))
    assert response.status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(term: Term) -> None:
    response = Client().get(url(term.math))

    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_the_staff_home_links_each_section(cast: Cast, term: Term) -> None:
    text = cast.client_for(term.teacher).get(reverse("staff:home")).content.decode()

    assert url(term.math) in text
    assert url(term.english) not in text
