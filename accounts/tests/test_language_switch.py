"""The language switch on every page: Django's set_language, kept by accounts."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.models import Account
from conftest import PASSWORD, Cast

SWITCH = reverse("set_language")
SIGN_IN = reverse("accounts:sign_in")


def switch(client: Client, language: str, next_page: str = SIGN_IN) -> None:
    response = client.post(SWITCH, {"language": language, "next": next_page})
    assert response.status_code == 302
    assert response["Location"] == next_page


def test_before_sign_in_the_browser_language_is_used(db: None) -> None:
    page = Client().get(SIGN_IN, HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")

    assert "Iniciar sesión" in page.content.decode()
    assert '<html lang="es">' in page.content.decode()
    assert page["Content-Language"] == "es"


def test_without_a_browser_language_the_pages_are_in_english(db: None) -> None:
    page = Client().get(SIGN_IN).content.decode()

    assert '<html lang="en">' in page
    assert "Sign in to the parent and student portal" in page


def test_the_switch_is_on_every_page_signed_in_or_not(cast: Cast) -> None:
    signed_out = Client().get(SIGN_IN).content.decode()
    signed_in = cast.client_for(cast.rivera).get(reverse("family:children"))

    for page in [signed_out, signed_in.content.decode()]:
        assert f'action="{SWITCH}"' in page
        assert '<label for="language-switch">' in page
        assert '<option value="es" lang="es">Español</option>' in page
        assert '<option value="pt" lang="pt">Português</option>' in page


def test_the_switch_changes_the_language_before_sign_in(db: None) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US")

    switch(client, "es")
    page = client.get(SIGN_IN).content.decode()

    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert "Inicie sesión en el portal para padres y estudiantes" in page
    assert '<option value="es" lang="es" selected>' in page


def test_the_switch_wins_over_the_browser(db: None) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="es")

    switch(client, "en")

    assert "Sign in to the parent" in client.get(SIGN_IN).content.decode()


def test_a_language_not_offered_changes_nothing(db: None) -> None:
    client = Client()

    switch(client, "fr")

    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert '<html lang="en">' in client.get(SIGN_IN).content.decode()


def test_a_signed_in_account_keeps_the_choice(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    switch(client, "es", reverse("family:children"))
    page = client.get(reverse("family:children")).content.decode()

    cast.rivera.refresh_from_db()
    assert cast.rivera.language == "es"
    assert "Mis hijos" in page
    assert "Homeroom mostrará sus páginas y enviará sus correos en Español." in page


def test_the_switch_works_while_a_new_password_is_still_to_be_chosen(
    cast: Cast,
) -> None:
    Account.objects.filter(pk=cast.rivera.pk).update(must_change_password=True)
    client = cast.client_for(cast.rivera)

    switch(client, "es", reverse("accounts:choose_password"))
    page = client.get(reverse("accounts:choose_password")).content.decode()

    assert "Elija su contraseña" in page


def test_only_post_changes_the_language(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    client.get(SWITCH, {"language": "es", "next": SIGN_IN})

    cast.rivera.refresh_from_db()
    assert cast.rivera.language == ""


def test_the_next_page_must_be_on_this_site(db: None) -> None:
    response = Client().post(
        SWITCH, {"language": "es", "next": "https://elsewhere.example/"}
    )

    assert response["Location"] == "/"


def test_signing_in_after_a_switch_keeps_the_language(cast: Cast) -> None:
    client = Client()
    switch(client, "es")

    client.post(SIGN_IN, {"username": "mrivera", "password": PASSWORD})
    page = client.get(reverse("family:children")).content.decode()

    assert "Mis hijos" in page
