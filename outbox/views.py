"""The demo mailbox in the browser: read the letters the portal has sent."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from outbox.mailbox import Letter, find_letter, letters

# The HTML of a letter is shown framed, with no scripts, plugins or remote content.
LETTER_HTML_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "frame-ancestors 'self'",
        "sandbox",
    ]
)


def require_demo_mailbox() -> None:
    """The mailbox exists only in the demo; anywhere else it is not found."""
    if not settings.HOMEROOM_DEMO_MAILBOX:
        raise Http404


def letter_or_404(name: str) -> Letter:
    letter = find_letter(name)
    if letter is None:
        raise Http404
    return letter


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    require_demo_mailbox()

    context = {"letters": letters()}
    return render(request, "outbox/inbox.html", context)


@require_GET
def letter(request: HttpRequest, name: str) -> HttpResponse:
    require_demo_mailbox()
    found = letter_or_404(name)

    return render(request, "outbox/letter.html", {"letter": found})


@require_GET
@xframe_options_sameorigin
def letter_html(request: HttpRequest, name: str) -> HttpResponse:
    require_demo_mailbox()
    found = letter_or_404(name)
    if not found.html:
        raise Http404

    response = HttpResponse(found.html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = LETTER_HTML_POLICY
    return response
