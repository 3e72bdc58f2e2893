"""Read a credential letter back out of its PDF, as a parent would read it."""

import io
import re

from pypdf import PdfReader


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def temporary_password_in(pdf: bytes) -> str:
    found = re.search(r"Temporary password\D*(\d{8,})", text_of(pdf))
    assert found is not None, "no temporary password in the letter"
    return found.group(1)
