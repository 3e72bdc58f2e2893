import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Account
from audit.models import Change
from conftest import Cast, Staff, Term, add_assignment, add_score, make_student
from gradebook.models import ReportCardGrade
from records.models import Enrollment, MarkingPeriod, Section, Student
from teaching.views.report_cards import comment_field, mark_field

# The Monday after the second marking period ends (Friday 22 January 2027).
AFTER_Q2 = "2027-01-25 10:00"
POSTED_ON = datetime.date(2027, 1, 25)


@pytest.fixture
def after_q2() -> Iterator[None]:
    with time_machine.travel(AFTER_Q2, tick=False):
        yield


@pytest.fixture
def during_q2() -> Iterator[None]:
    with time_machine.travel("2026-12-03 10:00", tick=False):
        yield


@pytest.fixture
def graded(term: Term, cast: Cast) -> Term:
    """Math 7 in Q2, weighted: tests 60 %, homework 40 %.

    Sofia: test 90/100 (90 %); homework 8/10 and one missing (8/20 = 40 %):
    0.6 * 90 + 0.4 * 40 = 70.0, a C.
    Lily: test 75/100 (75 %); homework 10/10 and 9/10 (95 %):
    0.6 * 75 + 0.4 * 95 = 83.0, a B.
    """
    test = add_assignment(
        term.math_q2, "Test 1", 100, datetime.date(2026, 12, 11), term.tests
    )
    first = add_assignment(
        term.math_q2, "Homework 1", 10, datetime.date(2026, 11, 20), term.homework
    )
    second = add_assignment(
        term.math_q2, "Homework 2", 10, datetime.date(2026, 12, 4), term.homework
    )
    add_score(test, cast.sofia, "90")
    add_score(first, cast.sofia, "8")
    add_score(second, cast.sofia, missing=True)
    add_score(test, cast.lily, "75")
    add_score(first, cast.lily, "10")
    add_score(second, cast.lily, "9")
    return term


def url(section: Section, period: MarkingPeriod | None = None) -> str:
    page = reverse("teaching:report_card_grades", args=[section.public_id])
    return page if period is None else f"{page}?period={period.pk}"


def post_url(section: Section, period: MarkingPeriod) -> str:
    return reverse("teaching:post_grades", args=[section.public_id, period.pk])


def sheet(**rows: tuple[Student, str, str]) -> dict[str, str]:
    data = {}
    for student, mark, comment in rows.values():
        data[mark_field(student)] = mark
        data[comment_field(student)] = comment
    return data


def page(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.usefixtures("after_q2")
def test_marks_start_as_the_letter_of_the_running_average(
    cast: Cast, graded: Term
) -> None:
    text = page(cast.client_for(graded.teacher), url(graded.math))

    assert "70.0%" in text and "83.0%" in text
    assert f'name="{mark_field(cast.sofia)}" value="C"' in text
    assert f'name="{mark_field(cast.lily)}" value="B"' in text
    assert text.index("Chen, Lily") < text.index("Rivera, Sofia")
    assert "Q2 ended on Friday 22 January 2027" in text
    assert "P</strong> (pass" in text and "I</strong> (incomplete" in text


@pytest.mark.usefixtures("after_q2")
def test_posting_records_each_grade_as_of_today(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.teacher)
    data = sheet(
        sofia=(cast.sofia, "C", "Missing homework pulled this down."),
        lily=(cast.lily, "b", ""),
    )

    response = client.post(post_url(graded.math, graded.q2), data, follow=True)

    sofia = ReportCardGrade.objects.get(student=cast.sofia)
    assert (sofia.mark, sofia.percent, sofia.posted_on) == (
        "C",
        Decimal("70.0"),
        POSTED_ON,
    )
    assert sofia.comment == "Missing homework pulled this down."
    assert sofia.posted_by == graded.teacher
    assert ReportCardGrade.objects.get(student=cast.lily).mark == "B"
    assert (
        Change.objects.filter(
            subject="report card grade", field="mark", actor=graded.teacher
        ).count()
        == 2
    )
    assert "Math 7, Q2: 2 new, 0 corrected" in response.content.decode()


@pytest.mark.usefixtures("after_q2")
def test_families_see_the_posted_grade_on_their_report_card(
    cast: Cast, graded: Term
) -> None:
    family = cast.client_for(cast.rivera)
    report_cards = reverse("family:report_cards", args=[cast.sofia.public_id])
    assert "Missing homework" not in page(family, report_cards)

    cast.client_for(graded.teacher).post(
        post_url(graded.math, graded.q2),
        sheet(
            sofia=(cast.sofia, "C", "Missing homework pulled this down."),
            lily=(cast.lily, "B", ""),
        ),
    )

    text = page(family, report_cards)
    assert "Math 7" in text and "Missing homework pulled this down." in text
    assert '<td class="mark">C</td>' in text


@pytest.mark.usefixtures("after_q2")
def test_the_posted_mark_is_shown_again(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.teacher)
    client.post(
        post_url(graded.math, graded.q2),
        sheet(sofia=(cast.sofia, "C", ""), lily=(cast.lily, "A", "Top of the class.")),
    )

    text = page(client, url(graded.math))

    assert f'name="{mark_field(cast.lily)}" value="A"' in text
    assert "Top of the class." in text
    assert "Posted A on 25 January 2027" in text


def test_a_correction_is_recorded(cast: Cast, graded: Term) -> None:
    with time_machine.travel(AFTER_Q2, tick=False):
        cast.client_for(graded.teacher).post(
            post_url(graded.math, graded.q2),
            sheet(sofia=(cast.sofia, "C", ""), lily=(cast.lily, "B", "")),
        )

    with time_machine.travel("2027-01-27 10:00", tick=False):
        response = cast.client_for(graded.teacher).post(
            post_url(graded.math, graded.q2),
            sheet(
                sofia=(cast.sofia, "B", "Retake counted."), lily=(cast.lily, "B", "")
            ),
            follow=True,
        )

    grade = ReportCardGrade.objects.get(student=cast.sofia)
    assert (grade.mark, grade.posted_on) == ("B", datetime.date(2027, 1, 27))
    fields = {
        change.field: (change.old_value, change.new_value)
        for change in Change.objects.filter(object_id=str(grade.pk)).filter(
            at__date=datetime.date(2027, 1, 27)
        )
    }
    assert fields == {
        "mark": ("C", "B"),
        "comment": ("", "Retake counted."),
        "posted_on": ("2027-01-25", "2027-01-27"),
    }
    assert ReportCardGrade.objects.get(student=cast.lily).posted_on == POSTED_ON
    assert "Math 7, Q2: 0 new, 1 corrected" in response.content.decode()


@pytest.mark.usefixtures("after_q2")
def test_posting_the_same_again_changes_nothing(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.teacher)
    data = sheet(sofia=(cast.sofia, "C", ""), lily=(cast.lily, "B", ""))
    client.post(post_url(graded.math, graded.q2), data)
    before = Change.objects.count()

    response = client.post(post_url(graded.math, graded.q2), data, follow=True)

    assert Change.objects.count() == before
    assert "every grade was already posted as shown" in response.content.decode()


@pytest.mark.usefixtures("after_q2")
def test_a_mark_off_the_scale_is_refused(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.teacher)

    response = client.post(
        post_url(graded.math, graded.q2),
        sheet(sofia=(cast.sofia, "E", ""), lily=(cast.lily, "B", "")),
    )

    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was posted" in text
    assert "“E” is not a report card mark. Use one of A, B, C, D, F, P, I, NG." in text
    assert not ReportCardGrade.objects.exists()


@pytest.mark.usefixtures("after_q2")
def test_district_extras_are_accepted(cast: Cast, graded: Term) -> None:
    cast.client_for(graded.teacher).post(
        post_url(graded.math, graded.q2),
        sheet(
            sofia=(cast.sofia, "i", "Test to be made up."), lily=(cast.lily, "P", "")
        ),
    )

    marks = dict(ReportCardGrade.objects.values_list("student__first_name", "mark"))
    assert marks == {"Sofia": "I", "Lily": "P"}


@pytest.mark.usefixtures("after_q2")
def test_a_blank_mark_is_not_posted(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.teacher)

    client.post(
        post_url(graded.math, graded.q2),
        sheet(sofia=(cast.sofia, "", ""), lily=(cast.lily, "B", "")),
    )

    assert list(ReportCardGrade.objects.values_list("student", flat=True)) == [
        cast.lily.pk
    ]


@pytest.mark.usefixtures("after_q2")
def test_a_posted_grade_cannot_be_blanked(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.teacher)
    client.post(
        post_url(graded.math, graded.q2),
        sheet(sofia=(cast.sofia, "C", ""), lily=(cast.lily, "B", "")),
    )

    response = client.post(
        post_url(graded.math, graded.q2),
        sheet(sofia=(cast.sofia, "", ""), lily=(cast.lily, "B", "")),
    )

    assert response.status_code == 400
    assert "already posted, so it cannot be left blank" in response.content.decode()
    assert ReportCardGrade.objects.get(student=cast.sofia).mark == "C"


@pytest.mark.usefixtures("during_q2")
def test_posting_is_refused_before_the_period_ends(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.teacher)

    text = page(client, url(graded.math, graded.q2))
    response = client.post(
        post_url(graded.math, graded.q2),
        sheet(sofia=(cast.sofia, "C", ""), lily=(cast.lily, "B", "")),
        follow=True,
    )

    assert "Q2 ends on Friday 22 January 2027" in text
    assert "for reference only" in text
    assert mark_field(cast.sofia) not in text
    assert "Post report card grades" not in text
    assert "nothing was posted" in response.content.decode()
    assert not ReportCardGrade.objects.exists()


@pytest.mark.usefixtures("during_q2")
def test_the_page_opens_on_the_period_ready_to_post(cast: Cast, term: Term) -> None:
    text = page(cast.client_for(term.teacher), url(term.math))

    assert "Q1 ended on Friday 6 November 2026" in text
    assert "Nothing graded" in text


@pytest.mark.usefixtures("after_q2")
def test_the_class_list_is_the_one_at_the_end_of_the_period(
    cast: Cast, graded: Term
) -> None:
    Enrollment.objects.filter(student=cast.lily, section=graded.math).update(
        dropped_on=datetime.date(2027, 1, 15)
    )

    text = page(cast.client_for(graded.teacher), url(graded.math))

    assert "Rivera, Sofia" in text
    assert "Chen, Lily" not in text


@pytest.mark.usefixtures("after_q2")
def test_the_page_makes_a_fixed_number_of_queries(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.teacher)
    small = count_queries(client, url(graded.math))

    assignment = graded.math_q2.assignments.first()
    assert assignment is not None
    for number in range(5):
        student = make_student(
            f"1005{number}", "Extra", f"Student{number}", 7, cast.middle
        )
        Enrollment.objects.create(
            student=student, section=graded.math, start=datetime.date(2026, 11, 9)
        )
        add_score(assignment, student, "50")
    large = count_queries(client, url(graded.math))

    assert small == large


def count_queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("after_q2")
def test_another_teachers_section_is_not_found(cast: Cast, graded: Term) -> None:
    client = cast.client_for(graded.other_teacher)

    assert client.get(url(graded.math)).status_code == 404
    response = client.post(
        post_url(graded.math, graded.q2), sheet(sofia=(cast.sofia, "A", ""))
    )
    assert response.status_code == 404
    assert not ReportCardGrade.objects.exists()


@pytest.mark.usefixtures("after_q2")
def test_a_period_the_section_is_not_in_is_not_found(cast: Cast, graded: Term) -> None:
    other = MarkingPeriod.objects.create(
        school_year=graded.year,
        name="Summer",
        start=datetime.date(2026, 7, 1),
        end=datetime.date(2026, 8, 1),
        midpoint=datetime.date(2026, 7, 15),
    )

    response = cast.client_for(graded.teacher).post(
        post_url(graded.math, other), sheet(sofia=(cast.sofia, "A", ""))
    )

    assert response.status_code == 404


@pytest.mark.usefixtures("after_q2")
@pytest.mark.parametrize("who", ["rivera", "lily_account", "middle_office", "district"])
def test_families_and_office_staff_are_refused(
    cast: Cast, graded: Term, staff: Staff, who: str
) -> None:
    account: Account = getattr(cast, who, None) or getattr(staff, who)
    client = cast.client_for(account)

    assert client.get(url(graded.math)).status_code == 403
    response = client.post(
        post_url(graded.math, graded.q2), sheet(sofia=(cast.sofia, "A", ""))
    )
    assert response.status_code == 403
    assert not ReportCardGrade.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(term: Term) -> None:
    response = Client().get(url(term.math))

    assert response["Location"].startswith(reverse("accounts:sign_in"))
