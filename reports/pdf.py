"""Printed documents: a Django template laid out as a PDF by WeasyPrint.

Report cards use it now; the staff side reuses it for letters and interim
reports. Every document extends "reports/base_document.html".
"""

from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString


def render_pdf(
    template_name: str, context: dict[str, Any], request: HttpRequest | None = None
) -> bytes:
    """The template rendered with this context, as the bytes of a PDF file."""
    # Imported here: loading WeasyPrint takes most of a second, and most
    # requests never print anything.
    from weasyprint import HTML

    from reports.fetcher import StaticFilesOnly

    html = render_to_string(
        template_name, document_context() | context, request=request
    )

    base_url = document_base_url()
    fetcher = StaticFilesOnly(urljoin(base_url, settings.STATIC_URL))
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(pdf_tags=True)
    return pdf


def document_context() -> dict[str, Any]:
    """What the base document needs, with or without a request."""
    return {
        "district_name": settings.HOMEROOM_DISTRICT_NAME,
        "generated_on": timezone.localdate(),
        "page_number": counter_slot("page-number"),
        "page_count": counter_slot("page-count"),
    }


def document_base_url() -> str:
    """Where relative links in a document point: the site's root."""
    return settings.HOMEROOM_SITE_URL.rstrip("/") + "/"


def counter_slot(name: str) -> SafeString:
    """An empty element the print stylesheet fills with a page counter."""
    return format_html('<span class="{}"></span>', name)
