import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Account
from conftest import Cast, Staff
from office.models import Feedback

URL = reverse("office:feedback")


def send(account: Account, message: str, days_ago: int = 0) -> Feedback:
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    return Feedback.objects.create(account=account, message=message, created_at=sent)


def read_url(item: Feedback) -> str:
    return reverse("office:feedback_read", args=[item.pk])


def test_a_district_administrator_reads_all_newest_first(
    cast: Cast, staff: Staff
) -> None:
    send(cast.rivera, "Older note from Maria.", days_ago=2)
    send(cast.chen, "Newer note from Wei.", days_ago=1)
    send(cast.outsider, "A note from no family.")

    page = cast.client_for(staff.district).get(URL).content.decode()

    assert page.index("no family") < page.index("Newer note")
    assert page.index("Newer note") < page.index("Older note")
    assert "3 unread." in page


def test_a_school_office_reads_its_own_families(cast: Cast, staff: Staff) -> None:
    send(cast.chen, "From the middle school only.")
    send(cast.rivera, "From a family at both schools.")
    send(cast.outsider, "From nobody's family.")

    high = cast.client_for(staff.high_office).get(URL).content.decode()
    middle = cast.client_for(staff.middle_office).get(URL).content.decode()

    assert "both schools" in high and "middle school only" not in high
    assert "both schools" in middle and "middle school only" in middle
    assert "nobody" not in high and "nobody" not in middle


def test_a_student_accounts_feedback_goes_to_its_school(
    cast: Cast, staff: Staff
) -> None:
    send(cast.lily_account, "From Lily herself.")

    assert "Lily herself" in cast.client_for(staff.middle_office).get(URL).text
    assert "Lily herself" not in cast.client_for(staff.high_office).get(URL).text


def test_marking_feedback_read(cast: Cast, staff: Staff) -> None:
    item = send(cast.chen, "Please add a dark mode.")
    client = cast.client_for(staff.middle_office)

    response = client.post(read_url(item))

    assert response["Location"] == URL
    item.refresh_from_db()
    assert item.read_at is not None
    assert "Everything here has been read." in client.get(URL).text


def test_another_schools_feedback_cannot_be_marked(cast: Cast, staff: Staff) -> None:
    item = send(cast.chen, "Middle school family.")

    response = cast.client_for(staff.high_office).post(read_url(item))

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.read_at is None


def test_marking_read_takes_a_post(cast: Cast, staff: Staff) -> None:
    item = send(cast.chen, "Hello.")

    assert cast.client_for(staff.district).get(read_url(item)).status_code == 405


def test_teachers_families_and_students_are_refused(cast: Cast, staff: Staff) -> None:
    item = send(cast.chen, "Hello.")
    teacher = Account.objects.create(username="teacher", kind=Account.Kind.TEACHER)

    for account in (teacher, cast.rivera, cast.lily_account):
        client = cast.client_for(account)
        assert client.get(URL).status_code == 403
        assert client.post(read_url(item)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
