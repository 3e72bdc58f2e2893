"""Forgot username or password: a request the school office answers by mail.

Nothing is matched while the visitor waits: every request is kept, and the
page says the same thing whether or not the person is on file, so the form
tells no one who is a student or a parent here.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts import throttle
from accounts.forms import StudentNumberField
from office.models import CredentialRequest

SCOPE = "forgot-address"


class ForgotCredentialsForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    student_number = StudentNumberField(
        help_text=_("The student number of one of your children at our schools.")
    )


def is_throttled(address: str) -> bool:
    return throttle.is_limited(
        SCOPE, address, settings.HOMEROOM_CREATE_LIMIT_PER_ADDRESS
    )


def request_credentials(
    first: str, last: str, student_number: str, address: str
) -> CredentialRequest:
    """Queue the request for the office, and count it against the address."""
    throttle.count(SCOPE, address)
    return CredentialRequest.objects.create(
        first_name=first.strip(),
        last_name=last.strip(),
        student_number=student_number.strip(),
    )
