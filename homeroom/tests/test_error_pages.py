"""Error pages speak plainly, in the reader's language."""

from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from conftest import Cast


def test_a_missing_page_is_explained_in_english(db: None) -> None:
    response = Client().get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_missing_page_is_explained_in_spanish(db: None) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="es").get("/no-such-page/")

    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


def test_a_page_of_another_family_is_not_found_in_the_familys_language(
    cast: Cast,
) -> None:
    cast.chen.language = "es"
    cast.chen.save()

    response = cast.client_for(cast.chen).get(f"/children/{cast.sofia.public_id}/")

    assert response.status_code == 404
    assert "No hay ninguna página en esta dirección" in response.content.decode()


def test_a_staff_page_refused_to_a_family_says_so_in_its_language(
    cast: Cast,
) -> None:
    cast.rivera.language = "es"
    cast.rivera.save()

    response = cast.client_for(cast.rivera).get("/staff/")

    assert response.status_code == 403
    assert "Su cuenta no puede abrir esta página." in response.content.decode()


def test_the_server_error_page_needs_no_request() -> None:
    with translation.override("es"):
        page = render_to_string("500.html")

    assert '<html lang="es">' in page
    assert "Algo salió mal" in page
