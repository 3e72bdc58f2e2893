"""The weekly digest comes in the language the parent chose, complete."""

import pytest

from conftest import Cast
from homeroom.tests.catalogs import untranslated
from messaging.digest import send_digests
from messaging.tests import test_digest
from outbox.models import Message

clock = test_digest.clock
rules = test_digest.rules
week = test_digest.week


@pytest.mark.usefixtures("week")
def test_the_digest_is_in_spanish(cast: Cast) -> None:
    cast.rivera.language = "es"
    cast.rivera.save()

    send_digests()

    digest = Message.objects.filter(to="maria@example.org").order_by("pk").last()
    assert digest is not None
    assert digest.subject == (
        "Su resumen semanal del portal para padres de Homeroom Demo District"
    )
    assert "91,0 %" in digest.text_body
    assert '<html lang="es">' in digest.html_body
    assert untranslated(digest.html_body, "es") == []
    assert untranslated(digest.text_body, "es") == []
