"""Setting up an authenticator app, and giving its code at each sign-in."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe

from accounts import throttle
from accounts.models import Account
from staff import two_factor
from staff.access import two_factor_account
from staff.models import StaffDevice

THROTTLE_SCOPE = "two-factor"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self) -> str:
        code = "".join(str(self.cleaned_data["code"]).split())
        if not code.isdigit():
            raise forms.ValidationError("The code is the 6 digits the app shows.")
        return code


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    account = two_factor_account(request)
    if two_factor.confirmed_device(account) is not None:
        # The secret is shown only while it is being set up, never again.
        return redirect(with_next("staff:two_factor_verify", request))

    device = two_factor.device_to_set_up(account)
    form = CodeForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render_setup(request, device, form, status=200)

    if not check(request, account, device, form):
        status = 429 if is_limited(account) else 200
        return render_setup(request, device, form, status=status)

    two_factor.confirm(device)
    return redirect(next_page(request))


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    account = two_factor_account(request)
    device = two_factor.confirmed_device(account)
    if device is None:
        return redirect(with_next("staff:two_factor_setup", request))

    form = CodeForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render_verify(request, form, status=200)

    if not check(request, account, device, form):
        status = 429 if is_limited(account) else 200
        return render_verify(request, form, status=status)

    return redirect(next_page(request))


def check(
    request: HttpRequest, account: Account, device: StaffDevice, form: CodeForm
) -> bool:
    """Take the code once, within the throttle; mark the session verified."""
    key = str(account.pk)
    if is_limited(account):
        form.add_error(None, too_many_attempts_message())
        return False

    if not two_factor.use_code(device, form.cleaned_data["code"]):
        throttle.count(THROTTLE_SCOPE, key)
        form.add_error(
            "code",
            "This code is not right, or it was used already. Wait for the app to "
            "show a new code and type that one.",
        )
        return False

    throttle.forget(THROTTLE_SCOPE, key)
    request.session.cycle_key()
    two_factor.mark_verified(request.session, account)
    return True


def is_limited(account: Account) -> bool:
    limit = settings.HOMEROOM_SIGN_IN_LIMIT_PER_ACCOUNT
    return throttle.is_limited(THROTTLE_SCOPE, str(account.pk), limit)


def too_many_attempts_message() -> str:
    minutes = settings.HOMEROOM_THROTTLE_MINUTES
    return (
        f"Too many wrong codes. For your security, please wait {minutes} minutes "
        "and try again."
    )


def render_setup(
    request: HttpRequest, device: StaffDevice, form: CodeForm, status: int
) -> HttpResponse:
    uri = two_factor.setup_uri(device)
    context = {
        "form": form,
        "secret": device.secret,
        # segno writes the SVG from the URI alone: no text from a visitor in it.
        "qr_svg": mark_safe(two_factor.qr_svg(uri)),  # noqa: S308
        "next": safe_next(request),
    }
    return render(request, "staff/two_factor_setup.html", context, status=status)


def render_verify(request: HttpRequest, form: CodeForm, status: int) -> HttpResponse:
    context = {"form": form, "next": safe_next(request)}
    return render(request, "staff/two_factor_verify.html", context, status=status)


def safe_next(request: HttpRequest) -> str:
    """The page to return to after the code, if it is a page of this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def next_page(request: HttpRequest) -> str:
    return safe_next(request) or "staff:home"


def with_next(page: str, request: HttpRequest) -> str:
    target = safe_next(request)
    url = reverse(page)
    return f"{url}?{urlencode({'next': target})}" if target else url
