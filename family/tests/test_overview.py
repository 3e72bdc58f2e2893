import datetime
import re
import uuid
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from attendance.models import AttendanceCode, AttendanceMark
from audit.models import Access
from conftest import Cast, Term, enroll, make_section
from family.tests.sofia_grades import grade_sofia
from records.models import Section, Student


def url(public_id: uuid.UUID) -> str:
    return reverse("family:child", args=[public_id])


def test_a_parent_opens_their_child(cast: Cast) -> None:
    response = cast.client_for(cast.rivera).get(url(cast.lucas.public_id))

    assert response.status_code == 200
    assert "Lucas Rivera" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_a_parent_switches_between_children_in_one_click(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.lucas.public_id)).content.decode()

    assert url(cast.sofia.public_id) in page


@pytest.mark.parametrize("viewer", ["chen", "outsider", "lily_account"])
def test_anyone_not_linked_gets_404(cast: Cast, viewer: str) -> None:
    client = cast.client_for(getattr(cast, viewer))

    assert client.get(url(cast.sofia.public_id)).status_code == 404


def test_an_unknown_identifier_gets_404(cast: Cast) -> None:
    assert cast.client_for(cast.rivera).get(url(uuid.uuid4())).status_code == 404


def test_a_student_opens_only_their_own_page(cast: Cast) -> None:
    client = cast.client_for(cast.lily_account)

    assert client.get(url(cast.lily.public_id)).status_code == 200
    assert client.get(url(cast.lucas.public_id)).status_code == 404


def test_an_inactive_student_is_gone(cast: Cast) -> None:
    cast.lucas.active = False
    cast.lucas.save()

    assert (
        cast.client_for(cast.rivera).get(url(cast.lucas.public_id)).status_code == 404
    )


def test_signed_out_visitors_are_sent_to_sign_in(cast: Cast) -> None:
    response = Client().get(url(cast.sofia.public_id))

    assert response["Location"].startswith(reverse("accounts:sign_in"))


# What a parent reads on the overview, on Thursday 3 December, in Q2.


@pytest.fixture
def thursday() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def page(cast: Cast, term: Term, thursday: None) -> str:
    grade_sofia(cast, term)
    response = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))
    return response.content.decode()


def text(html: str) -> str:
    """The page as a reader hears it: no tags, single spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def part(html: str, heading_id: str) -> str:
    """The section that a heading with this id opens."""
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def course_card(html: str, title: str) -> str:
    start = html.index(f">{title}</a>")
    return text(html[start : html.index("</li>", start)])


def test_every_current_course_shows_its_average_and_letter(page: str) -> None:
    assert "Math 7 Period 2 · Rosa Alvarez 70.0 % C" in course_card(page, "Math 7")
    assert "English 7 Period 3 · Sam Brooks 72.0 % C" in course_card(page, "English 7")


def test_course_titles_open_the_course_page(cast: Cast, term: Term, page: str) -> None:
    link = reverse("family:course", args=[cast.sofia.public_id, term.math.public_id])

    assert f'href="{link}"' in page


def test_missing_work_is_counted_plainly(page: str) -> None:
    assert "1 missing" in course_card(page, "Math 7")
    assert "1 missing" in course_card(page, "English 7")
    assert 'class="warn"' in page


def test_the_date_the_gradebook_was_last_updated(page: str) -> None:
    assert "Updated 28 Nov" in course_card(page, "Math 7")
    assert "Not updated yet" in course_card(page, "English 7")


def test_the_average_is_called_a_snapshot_and_the_report_card_official(
    page: str,
) -> None:
    start = page.index('id="snapshot-notice"')
    notice = text(page[start : page.index("</aside>", start)])

    assert "snapshot" in notice
    assert "official grade is the one on the report card" in notice


def test_a_course_with_nothing_graded_says_so(cast: Cast, term: Term) -> None:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        page = cast.client_for(cast.rivera).get(url(cast.lucas.public_id))

    assert "Biology Period 1 · Sam Brooks No grades yet" in course_card(
        page.content.decode(), "Biology"
    )


def test_todays_schedule_lists_the_classes_that_meet_on_thursday(
    cast: Cast, term: Term, thursday: None
) -> None:
    art = make_section("Art 7", cast.middle, term.teacher, 5, term.q2)
    art.meeting_days = "135"  # Monday, Wednesday, Friday
    art.save()
    enroll(art, cast.sofia)

    html = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content
    schedule = text(part(html.decode(), "today-title"))

    assert "Today, Thursday 3 December" in schedule
    assert "2 Math 7 Room 102 3 English 7 Room 103" in schedule
    assert "Art 7" not in schedule


def test_no_classes_on_a_saturday(cast: Cast, term: Term) -> None:
    with time_machine.travel("2026-12-05 10:00", tick=False):
        html = cast.client_for(cast.rivera).get(url(cast.sofia.public_id)).content

    assert "No classes today." in part(html.decode(), "today-title")


def mark(
    student: Student, on: datetime.date, code: str, section: Section | None
) -> None:
    AttendanceMark.objects.create(
        student=student,
        date=on,
        section=section,
        code=AttendanceCode.objects.get(code=code),
    )


def test_attendance_totals_for_the_marking_period(
    cast: Cast, term: Term, thursday: None
) -> None:
    AttendanceCode.objects.create(code="D", meaning="Dismissed", kind="dismissed")
    sofia = cast.sofia
    mark(sofia, datetime.date(2026, 10, 1), "A", None)  # in Q1: not counted
    mark(sofia, datetime.date(2026, 11, 12), "A", None)  # a whole day
    mark(sofia, datetime.date(2026, 11, 13), "AE", None)  # a whole day, excused
    mark(sofia, datetime.date(2026, 11, 17), "A", term.math)  # one class
    mark(sofia, datetime.date(2026, 11, 18), "T", term.english)
    mark(sofia, datetime.date(2026, 11, 19), "T", None)
    mark(sofia, datetime.date(2026, 11, 20), "D", None)
    mark(sofia, datetime.date(2026, 12, 10), "AE", None)  # ahead of today
    mark(cast.lily, datetime.date(2026, 11, 12), "A", None)  # another student

    html = cast.client_for(cast.rivera).get(url(sofia.public_id)).content
    totals = text(part(html.decode(), "attendance-title"))

    assert "Attendance in Q2 From 9 Nov to 3 Dec" in totals
    assert "Days absent 2 (1 excused)" in totals
    assert "Classes missed 1" in totals
    assert "Tardies 2" in totals
    assert "Early dismissals 1" in totals


def test_an_earlier_marking_period_can_be_chosen(
    cast: Cast, term: Term, thursday: None
) -> None:
    client = cast.client_for(cast.rivera)

    page = client.get(url(cast.sofia.public_id), {"period": term.q1.pk})

    html = page.content.decode()
    assert "Courses in Q1" in text(html)
    assert "Attendance in Q1 From 31 Aug to 6 Nov" in text(html)
    assert f"?period={term.q1.pk}" in html  # course links stay in Q1


def test_an_unknown_marking_period_shows_the_current_one(
    cast: Cast, term: Term, thursday: None
) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id), {"period": "x"})

    assert "Courses in Q2" in text(page.content.decode())


def test_before_any_marking_period_the_page_still_opens(cast: Cast) -> None:
    page = cast.client_for(cast.rivera).get(url(cast.sofia.public_id))

    assert "No marking period has started yet." in page.content.decode()


def test_a_student_sees_her_own_average(cast: Cast, term: Term, thursday: None) -> None:
    page = cast.client_for(cast.lily_account).get(url(cast.lily.public_id))

    assert "Math 7 Period 2 · Rosa Alvarez No grades yet" in course_card(
        page.content.decode(), "Math 7"
    )


def test_each_look_at_a_child_is_recorded(cast: Cast) -> None:
    cast.client_for(cast.rivera).get(
        reverse("family:child", args=[cast.sofia.public_id])
    )
    cast.client_for(cast.chen).get(reverse("family:child", args=[cast.sofia.public_id]))

    access = Access.objects.get()
    assert access.actor == cast.rivera
    assert access.student == cast.sofia
    assert access.page == "family:child"
