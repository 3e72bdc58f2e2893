import datetime
from typing import Any

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Account, SignIn
from audit.models import Access, Change
from audit.record import record_access
from conftest import Cast, Staff, Term
from office.views.access_log import PER_PAGE
from records.models import Student

URL = reverse("office:access_log")


def log_for(account: Account, cast: Cast, **search: Any) -> str:
    client = cast.client_for(account)
    response = client.post(URL, search) if search else client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def viewed_on(account: Account, student: Student, day: int) -> Access:
    at = timezone.make_aware(datetime.datetime(2026, 11, day, 12))
    return Access.objects.create(
        actor=account, student=student, page="family:child", at=at
    )


def test_lists_a_familys_view_after_it_happened(cast: Cast, staff: Staff) -> None:
    assert "mrivera" not in log_for(staff.middle_office, cast)

    overview = reverse("family:child", args=[cast.sofia.public_id])
    assert cast.client_for(cast.rivera).get(overview).status_code == 200

    page = log_for(staff.middle_office, cast)
    assert "mrivera" in page and "Parent or guardian" in page
    assert "Sofia Rivera" in page and "Viewed family:child" in page


def test_hides_another_schools_students(cast: Cast, staff: Staff) -> None:
    record_access(cast.rivera, cast.sofia, "family:child")
    record_access(cast.rivera, cast.lucas, "family:schedule")

    middle = log_for(staff.middle_office, cast)
    high = log_for(staff.high_office, cast)
    district = log_for(staff.district, cast)

    assert "family:child" in middle and "family:schedule" not in middle
    assert "family:schedule" in high and "family:child" not in high
    assert "family:child" in district and "family:schedule" in district


def test_lists_changes_with_old_and_new_values(cast: Cast, staff: Staff) -> None:
    Change.objects.create(
        actor=staff.middle_office,
        student=cast.sofia,
        subject="contact",
        object_id=str(cast.maria.pk),
        field="phone",
        old_value="860-555-0100",
        new_value="860-555-0199",
    )

    page = log_for(staff.middle_office, cast)

    assert "Changed contact phone: 860-555-0100 → 860-555-0199" in page
    assert "middle.office" in page


def test_newest_first_across_views_and_changes(cast: Cast, staff: Staff) -> None:
    viewed_on(cast.rivera, cast.sofia, 2)
    Change.objects.create(
        actor=staff.middle_office,
        student=cast.sofia,
        subject="contact",
        object_id="1",
        field="city",
        at=timezone.make_aware(datetime.datetime(2026, 11, 3, 12)),
    )
    viewed_on(cast.chen, cast.lily, 4)

    page = log_for(staff.middle_office, cast)

    assert page.index("wchen") < page.index("contact city") < page.index("mrivera")


def test_searches_by_student_name_or_number(cast: Cast, staff: Staff) -> None:
    viewed_on(cast.rivera, cast.sofia, 2)
    viewed_on(cast.chen, cast.lily, 2)

    by_name = log_for(staff.middle_office, cast, student="LILY")
    by_number = log_for(staff.middle_office, cast, student="100101")

    assert "wchen" in by_name and "mrivera" not in by_name
    assert "mrivera" in by_number and "wchen" not in by_number


def test_a_student_of_another_school_is_not_found(cast: Cast, staff: Staff) -> None:
    viewed_on(cast.rivera, cast.lucas, 2)

    page = log_for(staff.middle_office, cast, student="Lucas")

    assert "Nothing matches this search." in page


def test_searches_by_username(cast: Cast, staff: Staff) -> None:
    viewed_on(cast.rivera, cast.sofia, 2)
    viewed_on(cast.chen, cast.lily, 2)

    page = log_for(staff.middle_office, cast, username="WChen")

    assert "wchen" in page and "mrivera" not in page


def test_searches_by_dates(cast: Cast, staff: Staff) -> None:
    viewed_on(cast.rivera, cast.sofia, 2)
    viewed_on(cast.chen, cast.lily, 10)
    viewed_on(cast.lily_account, cast.lily, 20)

    page = log_for(staff.middle_office, cast, since="2026-11-05", until="2026-11-10")

    assert "wchen" in page
    assert "mrivera" not in page and "lchen" not in page


def test_an_end_before_the_start_is_refused(cast: Cast, staff: Staff) -> None:
    response = cast.client_for(staff.middle_office).post(
        URL, {"since": "2026-11-10", "until": "2026-11-05"}
    )

    assert response.status_code == 400
    assert "The end date is before the start date." in response.content.decode()


def test_pages_go_by_post_and_hold_the_search(cast: Cast, staff: Staff) -> None:
    for number in range(PER_PAGE + 5):
        viewed_on(cast.rivera, cast.sofia, 1 + number % 28)
    viewed_on(cast.chen, cast.lily, 1)

    first = log_for(staff.middle_office, cast, username="mrivera")
    second = log_for(staff.middle_office, cast, username="mrivera", page="2")

    assert f"{PER_PAGE + 5} entries" in first and "Page 1 of 2" in first
    assert 'name="page" value="2"' in first
    assert "Page 2 of 2" in second and second.count("Viewed family:child") == 5


def test_the_number_of_queries_does_not_grow_with_the_page(
    cast: Cast, staff: Staff
) -> None:
    client = cast.client_for(staff.middle_office)
    viewed_on(cast.rivera, cast.sofia, 1)
    with CaptureQueriesContext(connection) as few:
        client.post(URL, {"student": "sofia"})

    for number in range(PER_PAGE):
        viewed_on(cast.rivera if number % 2 else cast.chen, cast.sofia, 2)
        Change.objects.create(
            actor=staff.middle_office, student=cast.lily, subject="contact", field="x"
        )
    with CaptureQueriesContext(connection) as many:
        client.post(URL, {"student": "sofia", "page": "2"})

    assert len(many) == len(few)


def test_teachers_families_and_students_are_refused(cast: Cast, term: Term) -> None:
    for account in [term.teacher, cast.rivera, cast.lily_account]:
        assert cast.client_for(account).get(URL).status_code == 403
        assert cast.client_for(account).post(URL, {}).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))


@time_machine.travel("2026-12-03 10:00", tick=False)
def test_my_account_shows_the_familys_recent_sign_ins(cast: Cast) -> None:
    for day in range(1, 13):
        SignIn.objects.create(
            account=cast.rivera,
            at=timezone.make_aware(datetime.datetime(2026, 11, day, 9)),
            succeeded=day != 12,
            browser=f"Browser {day}",
        )
    SignIn.objects.create(account=cast.chen, succeeded=True, browser="Chen's phone")

    page = cast.client_for(cast.rivera).get(reverse("accounts:my_account"))
    text = page.content.decode()

    assert "Recent sign-ins" in text and "Wrong password" in text
    assert "Browser 12" in text and "Browser 3" in text
    assert "Browser 2<" not in text and "Chen&#x27;s phone" not in text
