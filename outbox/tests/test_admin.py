import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Account
from outbox.models import Message
from outbox.tests.factories import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def office() -> Client:
    account = Account.objects.create_superuser(
        "office", "office@example.org", "a long office password", kind="staff"
    )
    client = Client()
    client.force_login(account)
    session = client.session
    session["signed_in_at"] = 4102444800.0  # far future: never too old
    session.save()
    return client


def test_lists_messages(office: Client) -> None:
    make_message(subject="Your Homeroom account")

    response = office.get(reverse("admin:outbox_message_changelist"))

    assert response.status_code == 200
    assert "Your Homeroom account" in response.content.decode()


def test_hides_a_temporary_password_not_yet_sent(office: Client) -> None:
    message = make_message(holds_secret=True)

    response = office.get(reverse("admin:outbox_message_change", args=[message.pk]))

    assert response.status_code == 200
    assert "48213377" not in response.content.decode()
    assert "Hidden: this message holds a temporary password." in (
        response.content.decode()
    )


def test_shows_an_ordinary_body(office: Client) -> None:
    message = make_message(text_body="Lily was added to your account.")

    response = office.get(reverse("admin:outbox_message_change", args=[message.pk]))

    assert "Lily was added to your account." in response.content.decode()


def test_puts_failed_messages_back(office: Client) -> None:
    failed = make_message(status=Message.Status.FAILED, attempts=12)
    sent = make_message(status=Message.Status.SENT)

    response = office.post(
        reverse("admin:outbox_message_changelist"),
        {"action": "put_back_in_outbox", "_selected_action": [failed.pk, sent.pk]},
        follow=True,
    )

    assert "1 message put back in the outbox." in response.content.decode()
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert failed.status == Message.Status.WAITING
    assert failed.attempts == 0
    assert sent.status == Message.Status.SENT
