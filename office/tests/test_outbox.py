import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Account
from conftest import Cast, Staff
from outbox.models import Message
from outbox.tests.factories import make_message

URL = reverse("office:outbox")


def retry_url(message: Message) -> str:
    return reverse("office:outbox_retry", args=[message.pk])


def failed(to: str, subject: str) -> Message:
    return make_message(
        to=to,
        subject=subject,
        status=Message.Status.FAILED,
        attempts=12,
        last_error="SMTPRecipientsRefused: the server refused the recipient",
    )


def sent(to: str, subject: str, minutes_ago: int = 0) -> Message:
    at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    return make_message(to=to, subject=subject, status=Message.Status.SENT, sent_at=at)


def test_the_office_sees_waiting_sent_and_failed(cast: Cast, staff: Staff) -> None:
    make_message(to="wei@example.org", subject="Waiting for Wei")
    sent("maria@example.org", "Sent to Maria")
    failed("wei@example.org", "Failed for Wei")

    page = cast.client_for(staff.district).get(URL).text

    assert "Failed after all retries (1)" in page
    assert "Waiting (1)" in page
    assert page.index("Failed for Wei") < page.index("Waiting for Wei")
    assert page.index("Waiting for Wei") < page.index("Sent to Maria")
    assert "the server refused the recipient" in page
    assert "wei@example.org" in page


def test_the_body_of_a_message_with_a_temporary_password_is_never_shown(
    cast: Cast, staff: Staff
) -> None:
    make_message(to="wei@example.org", holds_secret=True)
    make_message(
        to="maria@example.org",
        subject="Mid-term",
        text_body="Sign in to see how the term goes.",
    )

    page = cast.client_for(staff.district).get(URL).text

    assert "48213377" not in page
    assert "holds a temporary password: not shown" in page
    assert "Sign in to see how the term goes." in page


def test_sent_shows_the_last_hundred(cast: Cast, staff: Staff) -> None:
    sent("maria@example.org", "The oldest one", minutes_ago=500)
    for number in range(100):
        sent("maria@example.org", f"Newer {number}", minutes_ago=number)

    page = cast.client_for(staff.district).get(URL).text

    assert "Newer 99" in page
    assert "The oldest one" not in page


def test_a_schools_office_sees_its_own_families_mail(cast: Cast, staff: Staff) -> None:
    make_message(to="Wei@Example.org", subject="To a middle school family")
    make_message(to="maria@example.org", subject="To a family at both schools")
    make_message(to="stranger@example.org", subject="To nobody on file")

    middle = cast.client_for(staff.middle_office).get(URL).text
    high = cast.client_for(staff.high_office).get(URL).text
    district = cast.client_for(staff.district).get(URL).text

    assert "middle school family" in middle and "middle school family" not in high
    assert "both schools" in middle and "both schools" in high
    assert "nobody on file" in district
    assert "nobody on file" not in middle + high


def test_retry_puts_a_failed_email_back_in_the_outbox(cast: Cast, staff: Staff) -> None:
    message = failed("wei@example.org", "Failed for Wei")
    client = cast.client_for(staff.middle_office)

    response = client.post(retry_url(message))

    assert response["Location"] == URL
    message.refresh_from_db()
    assert message.status == Message.Status.WAITING
    assert message.attempts == 0
    assert "back in the outbox" in client.get(URL).text


def test_retry_leaves_a_sent_email_alone(cast: Cast, staff: Staff) -> None:
    message = sent("wei@example.org", "Already sent")
    client = cast.client_for(staff.district)

    client.post(retry_url(message))

    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert "had not failed" in client.get(URL).text


def test_another_schools_email_cannot_be_retried(cast: Cast, staff: Staff) -> None:
    message = failed("wei@example.org", "Failed for Wei")

    response = cast.client_for(staff.high_office).post(retry_url(message))

    assert response.status_code == 404
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED


def test_retry_takes_a_post(cast: Cast, staff: Staff) -> None:
    message = failed("wei@example.org", "Failed for Wei")

    assert cast.client_for(staff.district).get(retry_url(message)).status_code == 405


def test_the_office_has_an_outbox_tab(cast: Cast, staff: Staff) -> None:
    page = cast.client_for(staff.middle_office).get(URL).text

    assert f'<a href="{URL}" aria-current="page">Outbox</a>' in page


def test_teachers_families_and_students_are_refused(cast: Cast, staff: Staff) -> None:
    message = failed("wei@example.org", "Failed for Wei")
    teacher = Account.objects.create(username="teacher", kind=Account.Kind.TEACHER)

    for account in (teacher, cast.rivera, cast.lily_account):
        client = cast.client_for(account)
        assert client.get(URL).status_code == 403
        assert client.post(retry_url(message)).status_code == 403

    message.refresh_from_db()
    assert message.status == Message.Status.FAILED


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL)["Location"].startswith(reverse("accounts:sign_in"))
