"""Signing in and out, creating an account, passwords, and My Account."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import throttle
from accounts.creation import create_family_account, mail_context
from accounts.forms import AddStudentForm, CreateAccountForm, SignInForm
from accounts.linking import add_student as link_student
from accounts.models import Account, SignIn
from api.views_account import apps_and_calendar
from messaging.preferences import messages_on_my_account
from outbox.compose import queue_email
from records.models import Student


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def signed_in_account(request: HttpRequest) -> Account:
    assert isinstance(request.user, Account)
    return request.user


def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"].strip()
        address = client_address(request)
        if throttle.is_limited(
            "sign-in-account", username, settings.HOMEROOM_SIGN_IN_LIMIT_PER_ACCOUNT
        ) or throttle.is_limited(
            "sign-in-address", address, settings.HOMEROOM_SIGN_IN_LIMIT_PER_ADDRESS
        ):
            form.add_error(None, too_many_attempts_message())
            return render(request, "accounts/sign_in.html", {"form": form}, status=429)

        account = authenticate(
            request, username=username, password=form.cleaned_data["password"]
        )
        if account is None:
            note_sign_in(request, username, succeeded=False)
            throttle.count("sign-in-account", username)
            throttle.count("sign-in-address", address)
            form.add_error(None, _("The username or password is not correct."))
            return render(request, "accounts/sign_in.html", {"form": form}, status=200)

        throttle.forget("sign-in-account", username)
        login(request, account)
        note_sign_in(request, username, succeeded=True)
        request.session["signed_in_at"] = timezone.now().timestamp()
        return redirect(next_page(request))

    return render(request, "accounts/sign_in.html", {"form": form})


def note_sign_in(request: HttpRequest, username: str, succeeded: bool) -> None:
    """Keep the attempt in the account's sign-in history, if the account exists."""
    account = Account.objects.filter(username__iexact=username).first()
    if account is None:
        return
    SignIn.objects.create(
        account=account,
        succeeded=succeeded,
        address=request.META.get("REMOTE_ADDR") or None,
        browser=request.META.get("HTTP_USER_AGENT", "")[:200],
    )


def too_many_attempts_message() -> str:
    return _(
        "Too many attempts to sign in. For your security, please wait "
        "%(minutes)s minutes and try again."
    ) % {"minutes": settings.HOMEROOM_THROTTLE_MINUTES}


def next_page(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return str(settings.LOGIN_REDIRECT_URL)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("accounts:sign_in")


def create_account(request: HttpRequest) -> HttpResponse:
    if timezone.localdate() < settings.HOMEROOM_PORTAL_OPENS:
        return render(
            request,
            "accounts/not_open_yet.html",
            {"portal_opens": settings.HOMEROOM_PORTAL_OPENS},
        )

    initial = {"username": request.GET.get("username", "")[:150]}
    form = CreateAccountForm(request.POST or None, initial=initial)
    if request.method != "POST" or not form.is_valid():
        return render(request, "accounts/create_account.html", {"form": form})

    data = form.cleaned_data
    outcome = create_family_account(
        data["first_name"],
        data["last_name"],
        data["username"],
        data["student_number"],
        client_address(request),
    )
    if outcome.username_taken:
        form.add_error(
            "username", _("This username is already taken. Please choose another one.")
        )
    elif outcome.throttled:
        form.add_error(None, too_many_attempts_message())
    elif not outcome.succeeded:
        form.add_error(None, no_match_message())
    else:
        return render(
            request,
            "accounts/account_created.html",
            {"masked_email": outcome.masked_email},
        )
    return render(request, "accounts/create_account.html", {"form": form})


def no_match_message() -> str:
    return _(
        "Sorry, either your name does not match our records for your student, "
        "your account does not have online access, or you do not have an email "
        "address set up with the school. Please contact the school office at "
        "%(phone)s."
    ) % {"phone": settings.HOMEROOM_OFFICE_PHONE}


@login_required
def choose_password(request: HttpRequest) -> HttpResponse:
    account = signed_in_account(request)
    if not account.must_change_password:
        return redirect(settings.LOGIN_REDIRECT_URL)

    form = SetPasswordForm(account, request.POST or None)
    if request.method == "POST" and form.is_valid():
        save_new_password(request, form)
        messages.success(request, _("Your password is set. Welcome to Homeroom."))
        return redirect(settings.LOGIN_REDIRECT_URL)

    return render(request, "accounts/choose_password.html", {"form": form})


def save_new_password(request: HttpRequest, form: SetPasswordForm[Account]) -> None:
    """Keep the new password, end the account's other sessions and send a notice."""
    with transaction.atomic():
        account = form.save(commit=False)
        account.must_change_password = False
        account.save()
        account.temporary_passwords.all().delete()
        if account.email:
            queue_email(
                account.email,
                "accounts/email/password_changed",
                {"username": account.username, **mail_context()},
                language=account.language,
            )
    update_session_auth_hash(request, account)


@login_required
def my_account(request: HttpRequest) -> HttpResponse:
    account = signed_in_account(request)
    return render_my_account(
        request, PasswordChangeForm(account), AddStudentForm(), status=200
    )


RECENT_SIGN_INS = 10


def render_my_account(
    request: HttpRequest,
    password_form: PasswordChangeForm,
    add_form: AddStudentForm,
    status: int,
) -> HttpResponse:
    account = signed_in_account(request)
    context = {
        "account": account,
        "password_form": password_form,
        "add_form": add_form,
        "emails_on_file": sorted({c.email for c in account.contacts.all() if c.email}),
        "children": Student.objects.visible_to(account),
        **apps_and_calendar(account),
        **messages_on_my_account(account),
        "sign_ins": account.sign_ins.all()[:RECENT_SIGN_INS],
    }
    return render(request, "accounts/my_account.html", context, status=status)


@login_required
@require_POST
def change_password(request: HttpRequest) -> HttpResponse:
    account = signed_in_account(request)
    form = PasswordChangeForm(account, request.POST)
    if not form.is_valid():
        return render_my_account(request, form, AddStudentForm(), status=400)

    save_new_password(request, form)
    messages.success(request, _("Your password has been changed."))
    return redirect("accounts:my_account")


@login_required
@require_POST
def add_student(request: HttpRequest) -> HttpResponse:
    account = signed_in_account(request)
    form = AddStudentForm(request.POST)
    if not form.is_valid():
        return render_my_account(request, PasswordChangeForm(account), form, status=400)

    student = link_student(account, form.cleaned_data["student_number"])
    if student is None:
        form.add_error(
            "student_number",
            _(
                "We could not add this student: the contact information we have on "
                "file does not match yours. Please call the school office at "
                "%(phone)s to check it, then try again."
            )
            % {"phone": settings.HOMEROOM_OFFICE_PHONE},
        )
        return render_my_account(request, PasswordChangeForm(account), form, status=400)

    messages.success(
        request,
        _("%(name)s has been added to your account.") % {"name": student.first_name},
    )
    return redirect("family:children")
