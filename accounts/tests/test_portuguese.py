"""A third language needs only a translation file: Portuguese sign-in and creation."""

from django.test import Client
from django.urls import reverse

from accounts.models import Account
from conftest import Cast
from homeroom.tests.catalogs import SIGN_IN_AND_CREATION, untranslated
from records.models import Contact, StudentContact

SIGN_IN = reverse("accounts:sign_in")
CREATE = reverse("accounts:create_account")


def in_portuguese() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9,en;q=0.5")


def test_the_sign_in_page_is_in_portuguese(db: None) -> None:
    page = in_portuguese().get(SIGN_IN).content.decode()

    assert '<html lang="pt">' in page
    assert "Entre no portal dos pais e estudantes" in page
    assert untranslated(page, "pt", SIGN_IN_AND_CREATION) == []


def test_a_wrong_password_is_explained_in_portuguese(cast: Cast) -> None:
    data = {"username": "mrivera", "password": "not the password"}

    page = in_portuguese().post(SIGN_IN, data).content.decode()

    assert "O nome de usuário ou a senha não estão corretos." in page
    assert untranslated(page, "pt", SIGN_IN_AND_CREATION) == []


def test_the_account_creation_page_is_in_portuguese(db: None) -> None:
    page = in_portuguese().get(CREATE).content.decode()

    assert "Crie sua conta" in page
    assert untranslated(page, "pt", SIGN_IN_AND_CREATION) == []


def test_a_form_left_empty_is_explained_in_portuguese(db: None) -> None:
    data = {"first_name": "", "last_name": "", "username": "", "student_number": ""}

    page = in_portuguese().post(CREATE, data).content.decode()

    assert "Este campo é obrigatório." in page  # Django's own translation
    assert untranslated(page, "pt", SIGN_IN_AND_CREATION) == []


def test_creating_an_account_in_portuguese(cast: Cast) -> None:
    contact = Contact.objects.create(
        first_name="Inês", last_name="Rivera", email="ines@example.org"
    )
    StudentContact.objects.create(
        student=cast.sofia, contact=contact, relationship="other"
    )
    data = {
        "first_name": "Inês",
        "last_name": "Rivera",
        "username": "IRivera",
        "student_number": "100101",
    }

    page = in_portuguese().post(CREATE, data).content.decode()

    assert "Verifique seu e-mail" in page
    assert untranslated(page, "pt", SIGN_IN_AND_CREATION) == []
    assert Account.objects.get(username="IRivera").language == "pt"


def test_a_name_not_on_file_is_explained_in_portuguese(cast: Cast) -> None:
    data = {
        "first_name": "Nobody",
        "last_name": "Here",
        "username": "nobody",
        "student_number": "100101",
    }

    page = in_portuguese().post(CREATE, data).content.decode()

    assert "Desculpe: seu nome não corresponde" in page
