"""queue_email writes the message in the language it is given."""

from django.utils import translation

from conftest import Cast
from outbox.compose import queue_email

CONTEXT = {
    "username": "mrivera",
    "district_name": "Homeroom Demo District",
    "office_phone": "860-828-6577",
    "site_url": "http://testserver",
}


def test_the_message_is_written_in_the_language_given(cast: Cast) -> None:
    message = queue_email(
        "maria@example.org", "accounts/email/password_changed", CONTEXT, language="es"
    )

    assert message.subject.startswith("Se cambió su contraseña")
    assert "Hola:" in message.text_body
    assert '<html lang="es">' in message.html_body


def test_the_active_language_comes_back_afterwards(cast: Cast) -> None:
    with translation.override("pt"):
        queue_email(
            "maria@example.org",
            "accounts/email/password_changed",
            CONTEXT,
            language="es",
        )

        assert translation.get_language() == "pt"


def test_without_a_language_the_active_one_is_used(cast: Cast) -> None:
    with translation.override("es"):
        message = queue_email(
            "maria@example.org", "accounts/email/password_changed", CONTEXT
        )

    assert message.subject.startswith("Se cambió su contraseña")


def test_a_blank_language_keeps_the_active_one(cast: Cast) -> None:
    with translation.override("en"):
        message = queue_email(
            "maria@example.org",
            "accounts/email/password_changed",
            CONTEXT,
            language="",
        )

    assert message.subject.startswith("Your Homeroom Demo District portal password")
