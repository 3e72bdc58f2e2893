from typing import Any

from django.conf import settings
from django.http import HttpRequest


def district(request: HttpRequest) -> dict[str, Any]:
    """The district's own words, for every template."""
    return {
        "district_name": settings.HOMEROOM_DISTRICT_NAME,
        "office_phone": settings.HOMEROOM_OFFICE_PHONE,
        "student_number_label": settings.HOMEROOM_STUDENT_NUMBER_LABEL,
        "demo_mailbox": settings.HOMEROOM_DEMO_MAILBOX,
    }
