"""The link in every email that stops one kind of message, without signing in.

The link names the recipient's account or contact record by number and the
kind of message, signed with the site's secret: nobody can stop someone else's
email by altering a link, and no address appears in a URL or a server log.
Opening the link shows one button; the opt-out is recorded only when it is
pressed, because mail scanners open every link in a message to check it.
"""

from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from accounts.matching import mask_email
from accounts.models import Account
from messaging.models import EmailOptOut
from records.models import Contact

SALT = "messaging.unsubscribe"
ACCOUNT, CONTACT = "a", "c"


def stop_token(recipient: Account | Contact, kind: str) -> str:
    holder = ACCOUNT if isinstance(recipient, Account) else CONTACT
    return signing.dumps({holder: recipient.pk, "kind": kind}, salt=SALT)


def stop_link(recipient: Account | Contact, kind: str) -> str:
    """The full address of the page that stops `kind` of email to this recipient."""
    path = reverse("messaging:stop", args=[stop_token(recipient, kind)])
    return settings.HOMEROOM_SITE_URL.rstrip("/") + path


def read_token(token: str) -> tuple[str, str] | None:
    """The address and kind a link stands for, or None if it was altered."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None

    if not isinstance(data, dict) or data.get("kind") not in EmailOptOut.Kind.values:
        return None
    email = recipient_email(data)
    return (email, data["kind"]) if email else None


def recipient_email(data: dict[str, object]) -> str:
    """The address on file now for the account or contact the link names."""
    account, contact = data.get(ACCOUNT), data.get(CONTACT)
    if isinstance(account, int):
        found = Account.objects.filter(pk=account).values_list("email", flat=True)
        return found.first() or ""
    if isinstance(contact, int):
        found_contact = Contact.objects.filter(pk=contact)
        return found_contact.values_list("email", flat=True).first() or ""
    return ""


def opt_out(email: str, kind: str) -> None:
    if not opted_out(email, kind):
        EmailOptOut.objects.get_or_create(email=email.strip().lower(), kind=kind)


def opted_out(email: str, kind: str) -> bool:
    return EmailOptOut.objects.filter(email__iexact=email.strip(), kind=kind).exists()


def opted_out_of(kind: str, email_field: str = "email") -> Exists:
    """For a queryset filter: the row's address has stopped this kind of message."""
    return Exists(
        EmailOptOut.objects.filter(email__iexact=OuterRef(email_field), kind=kind)
    )


@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest, token: str) -> HttpResponse:
    found = read_token(token)
    if found is None:
        raise Http404
    email, kind = found

    stopped = request.method == "POST"
    if stopped:
        opt_out(email, kind)

    context = {
        "address": mask_email(email),
        "kind": EmailOptOut.Kind(kind).label,
        "stopped": stopped,
    }
    return render(request, "messaging/unsubscribe.html", context)


# Stop links for the choices a parent makes on My Account (alerts, the digest):
# they turn the choice off, so My Account keeps showing what still arrives.
# Views: messaging.views.stop_choice.

CHOICE_SALT = "messaging.unsubscribe.choice"


def choice_stop_link(account: Account, stop: str, student_public_id: str = "") -> str:
    """The full address of the page that turns off one of the account's choices."""
    data = {"account": account.pk, "stop": stop, "student": student_public_id}
    token = signing.dumps(data, salt=CHOICE_SALT, compress=True)
    path = reverse("messaging:stop_choice", args=[token])
    return settings.HOMEROOM_SITE_URL.rstrip("/") + path


def read_choice_token(token: str) -> tuple[int, str, str] | None:
    """The account, choice and child a link was made for, or None if it was altered."""
    try:
        data = signing.loads(token, salt=CHOICE_SALT)
    except signing.BadSignature:
        return None

    if not isinstance(data, dict):
        return None
    account, stop, student = data.get("account"), data.get("stop"), data.get("student")
    if not (
        isinstance(account, int) and isinstance(stop, str) and isinstance(student, str)
    ):
        return None
    return account, stop, student
