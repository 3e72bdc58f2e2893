"""Emails to a family come in the family's language: the account's, else the page's."""

from django.test import Client
from django.urls import reverse

from accounts.models import Account
from conftest import PASSWORD, Cast
from homeroom.tests.catalogs import untranslated
from outbox.models import Message
from records.models import Contact, StudentContact

CREATE = reverse("accounts:create_account")


def new_contact(cast: Cast) -> None:
    """Maria's sister-in-law, on file for Sofia, with no account yet."""
    contact = Contact.objects.create(
        first_name="Inés", last_name="Rivera", email="ines@example.org"
    )
    StudentContact.objects.create(
        student=cast.sofia, contact=contact, relationship="other"
    )


def create(client: Client, first: str, username: str, number: str) -> None:
    data = {
        "first_name": first,
        "last_name": "Rivera",
        "username": username,
        "student_number": number,
    }
    assert client.post(CREATE, data).status_code == 200


def test_an_account_created_in_spanish_gets_its_welcome_in_spanish(
    cast: Cast,
) -> None:
    new_contact(cast)

    create(Client(HTTP_ACCEPT_LANGUAGE="es-ES,es"), "Inés", "IRivera", "100101")

    message = Message.objects.get()
    assert message.subject == (
        "Su cuenta del portal para padres de Homeroom Demo District"
    )
    assert "Contraseña temporal:" in message.text_body
    assert "Sirve una sola vez" in message.html_body
    assert '<html lang="es">' in message.html_body
    assert untranslated(message.html_body, "es") == []
    assert Account.objects.get(username="IRivera").language == "es"


def test_the_switch_decides_the_welcome_too(cast: Cast) -> None:
    new_contact(cast)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.post(reverse("set_language"), {"language": "pt", "next": CREATE})

    create(client, "Inés", "IRivera", "100101")

    message = Message.objects.get()
    assert message.subject == "Sua conta do portal dos pais de Homeroom Demo District"
    assert Account.objects.get(username="IRivera").language == "pt"


def test_an_account_created_in_english_follows_the_browser_later(
    cast: Cast,
) -> None:
    new_contact(cast)

    create(Client(), "Inés", "IRivera", "100101")

    assert "Your account for the" in Message.objects.get().text_body
    assert Account.objects.get(username="IRivera").language == ""


def test_the_username_reminder_uses_the_existing_accounts_language(
    cast: Cast,
) -> None:
    cast.rivera.language = "es"
    cast.rivera.save()

    create(Client(), "Maria", "maria2", "100102")

    message = Message.objects.get()
    assert message.subject == (
        "Su nombre de usuario del portal para padres de Homeroom Demo District"
    )
    assert "mrivera" in message.text_body


def test_the_password_notice_uses_the_accounts_language(cast: Cast) -> None:
    cast.rivera.language = "es"
    cast.rivera.save()
    new = "another long family phrase"
    data = {"old_password": PASSWORD, "new_password1": new, "new_password2": new}

    cast.client_for(cast.rivera).post(reverse("accounts:change_password"), data)

    message = Message.objects.get()
    assert (
        message.subject
        == "Se cambió su contraseña del portal de Homeroom Demo District"
    )
    assert "acaba de cambiarse" in message.text_body
