"""The public "forgot username or password" page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.forgot import ForgotCredentialsForm, is_throttled, request_credentials
from accounts.views import client_address, too_many_attempts_message


def forgot_credentials(request: HttpRequest) -> HttpResponse:
    form = ForgotCredentialsForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "accounts/forgot_credentials.html", {"form": form})

    address = client_address(request)
    if is_throttled(address):
        form.add_error(None, too_many_attempts_message())
        return render(
            request, "accounts/forgot_credentials.html", {"form": form}, status=429
        )

    data = form.cleaned_data
    request_credentials(
        data["first_name"], data["last_name"], data["student_number"], address
    )
    return render(request, "accounts/forgot_sent.html")
