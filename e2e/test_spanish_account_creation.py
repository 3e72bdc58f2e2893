"""A parent whose browser speaks Spanish creates an account, all of it in Spanish.

Chromium runs with the Spanish locale, so it asks for Spanish pages the way a
family's own browser would; the welcome email is read from a real SMTP server.
"""

import re
from collections.abc import Iterator

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from accounts.models import Account
from e2e import test_seed_walk
from e2e.conftest import PAGE_TIMEOUT_MS, Mailbox
from e2e.test_seed_walk import (
    ANA_EMAIL,
    NEW_PASSWORD,
    USERNAME,
    Family,
    accessibility_problems,
    path_is,
)
from outbox.delivery import deliver_due

family = test_seed_walk.family  # Ana Morales's family, from the seed walk

SUBJECT = f"Su cuenta del portal para padres de {settings.HOMEROOM_DISTRICT_NAME}"


@pytest.fixture
def spanish_page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A fresh browser context whose language is Spanish, as set up in Spain."""
    context = browser.new_context(base_url=live_server.url, locale="es-ES")
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()

    yield page

    context.close()


def create_account_in_spanish(page: Page, family: Family) -> None:
    page.goto("/sign-in/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inicie sesión en el portal para padres y estudiantes"
    )
    page.get_by_label("Nombre de usuario").fill(USERNAME)
    page.get_by_role("link", name="Haga clic aquí para crear su cuenta").click()

    expect(page).to_have_url(path_is(f"/create-account/?username={USERNAME}"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cree su cuenta")
    page.get_by_label("Nombre:", exact=True).fill("Ana")
    page.get_by_label("Apellido:").fill("Morales")
    page.locator("#id_student_number").fill(family.diego.number)
    page.get_by_role("button", name="Crear cuenta").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Hemos enviado un correo a a•••@example.org con su nombre de usuario y su "
        "contraseña."
    )


def read_spanish_welcome(mailbox: Mailbox) -> tuple[str, str, str]:
    assert deliver_due() == 1
    (received,) = mailbox.messages()
    message = received.message
    assert received.rcpt_tos == [ANA_EMAIL]
    assert message["Subject"] == SUBJECT

    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    assert text_part is not None and html_part is not None
    text = "\n".join(text_part.get_content().splitlines())
    html = html_part.get_content()
    assert "Hola:" in text
    assert "Sirve una sola vez: después elegirá una contraseña propia." in text
    assert '<html lang="es">' in html

    username = re.search(r"^Nombre de usuario: (\S+)$", text, re.MULTILINE)
    code = re.search(r"^Contraseña temporal: (\d{8,})$", text, re.MULTILINE)
    link = re.search(r'href="([^"]+)"', html)
    assert username is not None and code is not None and link is not None
    return username.group(1), code.group(1), link.group(1)


def sign_in_and_choose_a_password(
    page: Page, link: str, username: str, code: str
) -> None:
    page.goto(link)
    page.get_by_label("Nombre de usuario").fill(username)
    page.get_by_label("Contraseña").fill(code)
    page.get_by_role("button", name="Iniciar sesión", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Elija su contraseña")
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Guardar mi contraseña").click()

    expect(page).to_have_url(path_is("/children/"))
    expect(page.get_by_role("status")).to_contain_text(
        "Su contraseña quedó guardada. Bienvenido a Homeroom."
    )


def check_spanish_password_notice(mailbox: Mailbox) -> None:
    assert deliver_due() == 1

    notice = mailbox.messages()[-1].message
    # A subject with accented letters is encoded on a folded line of its own;
    # read back, it starts with the fold's space.
    assert str(notice["Subject"]).strip() == (
        f"Se cambió su contraseña del portal de {settings.HOMEROOM_DISTRICT_NAME}"
    )


def switch_to_english(page: Page) -> None:
    page.get_by_role("combobox", name="Idioma", exact=True).select_option("en")
    page.get_by_role("button", name="Cambiar", exact=True).click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="My children")).to_be_visible()


def received_subjects(mailbox: Mailbox) -> list[str]:
    return [str(item.message["Subject"]) for item in mailbox.messages()]


def test_a_spanish_speaking_parent_creates_an_account_in_spanish(
    spanish_page: Page, mailbox: Mailbox, family: Family
) -> None:
    page = spanish_page
    create_account_in_spanish(page, family)
    username, code, link = read_spanish_welcome(mailbox)
    assert username == USERNAME

    sign_in_and_choose_a_password(page, link, username, code)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mis hijos")
    expect(page.get_by_role("link", name=family.diego.full_name)).to_be_visible()
    check_spanish_password_notice(mailbox)

    page.get_by_role("link", name="Mi cuenta").click()
    expect(page.get_by_label("Idioma de sus páginas y correos")).to_have_value("es")
    assert Account.objects.get(username=USERNAME).language == "es"

    switch_to_english(page)
    assert Account.objects.get(username=USERNAME).language == "en"
    assert received_subjects(mailbox)[0] == SUBJECT


def test_the_spanish_pages_pass_an_accessibility_check(
    spanish_page: Page, family: Family
) -> None:
    page = spanish_page
    problems: list[str] = []

    page.goto("/sign-in/")
    problems += accessibility_problems(page, "sign in, in Spanish")
    page.goto(f"/create-account/?username={USERNAME}")
    problems += accessibility_problems(page, "create account, in Spanish")

    assert problems == []
