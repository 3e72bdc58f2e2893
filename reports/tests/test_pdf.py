import io
import socket
from typing import Any

import pytest
from django.test import override_settings
from pypdf import PdfReader

from reports.pdf import render_pdf

LETTER_WIDTH, LETTER_HEIGHT = 612, 792  # points

TEMPLATES = {
    "remote.html": (
        '{% extends "reports/base_document.html" %}'
        '{% block head %}<link rel="stylesheet" href="https://example.org/x.css">'
        "{% endblock %}"
        '{% block content %}<p>Hello</p><img src="https://example.org/t.png" alt="">'
        "{% endblock %}"
    ),
    "letter.html": (
        '{% extends "reports/base_document.html" %}'
        "{% block content %}<p>Dear families,</p>{% endblock %}"
    ),
}

LOCAL_TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                ("django.template.loaders.locmem.Loader", TEMPLATES),
                "django.template.loaders.app_directories.Loader",
            ],
        },
    }
]


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@override_settings(HOMEROOM_DISTRICT_NAME="Middletown Public Schools")
def test_a_document_is_a_pdf_with_the_districts_name() -> None:
    pdf = render_pdf("reports/base_document.html", {})

    assert pdf.startswith(b"%PDF")
    assert "Middletown Public Schools" in text_of(pdf)


def test_pages_are_us_letter_with_page_numbers() -> None:
    pdf = render_pdf("reports/base_document.html", {})

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == (
        LETTER_WIDTH,
        LETTER_HEIGHT,
    )
    assert "Page 1 of 1" in text_of(pdf)


@override_settings(TEMPLATES=LOCAL_TEMPLATES)
def test_a_remote_url_is_never_fetched(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    connections: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        connections.append(args)
        raise OSError("no network in a printed document")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)

    pdf = render_pdf("remote.html", {})

    assert "Hello" in text_of(pdf)
    assert connections == []
    assert "https://example.org/t.png" in caplog.text
    assert "Only the site's static files are loaded" in caplog.text


def test_the_fetcher_serves_static_files_and_refuses_the_rest() -> None:
    from reports.fetcher import StaticFilesOnly

    fetcher = StaticFilesOnly("http://127.0.0.1:8000/static/")

    stylesheet = fetcher.fetch("http://127.0.0.1:8000/static/reports/print.css")
    assert b"@page" in stylesheet.read()
    assert stylesheet.content_type == "text/css"
    for url in [
        "https://example.org/static/reports/print.css",
        "http://127.0.0.1:8000/static/../homeroom/settings.py",
        "http://127.0.0.1:8000/static/%2E%2E/homeroom/settings.py",
        "http://127.0.0.1:8000/static//etc/passwd",
        "http://127.0.0.1:8000/admin/",
        "file:///etc/passwd",
        "data:text/plain,hello",
    ]:
        with pytest.raises(ValueError, match="Only the site's static files"):
            fetcher.fetch(url)


@override_settings(TEMPLATES=LOCAL_TEMPLATES)
def test_a_letter_puts_the_address_in_the_envelope_window() -> None:
    address = ["Maria Rivera", "12 Elm Street", "Middletown CT 06457"]

    pdf = render_pdf("letter.html", {"mailing_address": address})

    lines = text_positions(pdf)
    for line in address:
        top = LETTER_HEIGHT - lines[line]
        # Seen through a #10 window, folded in thirds: 2.25 to 3.15 inches down.
        assert 2.25 * 72 < top < 3.15 * 72, line
    assert lines["Dear families,"] < lines[address[-1]]


def text_positions(pdf: bytes) -> dict[str, float]:
    """Each line of text on the first page, with the height of its baseline."""
    positions: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], *args: Any) -> None:
        if text.strip():
            positions[text.strip()] = cm[3] * tm[5] + cm[5]

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return positions
