"""An account's own language: chosen on My Account, it wins over the browser."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.models import Account
from conftest import PASSWORD, Cast

MY_ACCOUNT = reverse("accounts:my_account")
SWITCH = reverse("set_language")


def choose(account: Account, language: str) -> None:
    account.language = language
    account.save()


def test_the_accounts_choice_wins_over_the_browser(cast: Cast) -> None:
    choose(cast.rivera, "es")
    client = cast.client_for(cast.rivera)

    page = client.get(reverse("family:children"), HTTP_ACCEPT_LANGUAGE="en-US")

    assert "Mis hijos" in page.content.decode()
    assert page["Content-Language"] == "es"


def test_the_accounts_choice_wins_over_an_earlier_switch(cast: Cast) -> None:
    choose(cast.rivera, "es")
    client = cast.client_for(cast.rivera)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pt"

    page = client.get(reverse("family:children")).content.decode()

    assert '<html lang="es">' in page


def test_without_a_choice_the_browser_decides(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    page = client.get(reverse("family:children"), HTTP_ACCEPT_LANGUAGE="es")

    assert '<html lang="es">' in page.content.decode()


def test_signing_in_brings_the_accounts_language(cast: Cast) -> None:
    choose(cast.rivera, "es")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")

    client.post(
        reverse("accounts:sign_in"), {"username": "mrivera", "password": PASSWORD}
    )
    page = client.get(reverse("family:children")).content.decode()

    assert "Mis hijos" in page
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"


def test_after_signing_out_the_sign_in_page_stays_in_that_language(
    cast: Cast,
) -> None:
    choose(cast.rivera, "es")
    client = cast.client_for(cast.rivera)
    client.get(reverse("family:children"))

    client.post(reverse("accounts:sign_out"))
    page = client.get(reverse("accounts:sign_in")).content.decode()

    assert "Ha cerrado la sesión." in page
    assert "Iniciar sesión" in page


def test_my_account_offers_the_languages_with_the_browsers_first(
    cast: Cast,
) -> None:
    page = cast.client_for(cast.rivera).get(MY_ACCOUNT).content.decode()

    assert '<select name="language" id="account-language"' in page
    assert '<option value="" selected>The language of your browser</option>' in page
    assert '<option value="es" lang="es">Español</option>' in page
    assert f'<input type="hidden" name="next" value="{MY_ACCOUNT}">' in page


def test_choosing_on_my_account_saves_the_language(cast: Cast) -> None:
    client = cast.client_for(cast.rivera)

    response = client.post(SWITCH, {"language": "es", "next": MY_ACCOUNT})
    page = client.get(MY_ACCOUNT).content.decode()

    cast.rivera.refresh_from_db()
    assert response["Location"] == MY_ACCOUNT
    assert cast.rivera.language == "es"
    assert '<option value="es" lang="es" selected>Español</option>' in page
    assert "Idioma de sus páginas y correos" in page


def test_choosing_the_browsers_language_again_forgets_the_choice(
    cast: Cast,
) -> None:
    choose(cast.rivera, "es")
    client = cast.client_for(cast.rivera)

    client.post(SWITCH, {"language": "", "next": MY_ACCOUNT})
    page = client.get(MY_ACCOUNT, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    cast.rivera.refresh_from_db()
    assert cast.rivera.language == ""
    assert "Homeroom will follow your browser&#x27;s language." in page
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""


def test_a_student_chooses_a_language_too(cast: Cast) -> None:
    client = cast.client_for(cast.lily_account)

    client.post(SWITCH, {"language": "es", "next": MY_ACCOUNT})

    cast.lily_account.refresh_from_db()
    assert cast.lily_account.language == "es"


def test_a_language_no_longer_offered_is_ignored(cast: Cast) -> None:
    Account.objects.filter(pk=cast.rivera.pk).update(language="fr")

    page = cast.client_for(cast.rivera).get(reverse("family:children"))

    assert '<html lang="en">' in page.content.decode()
