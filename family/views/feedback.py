"""A short form for families to tell the school what they think of the portal."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Account
from family.forms import MessageField
from office.models import Feedback

FEEDBACK_LIMIT = 3000


class FeedbackForm(forms.ModelForm[Feedback]):
    message = MessageField(
        label=gettext_lazy("Your feedback"),
        max_length=FEEDBACK_LIMIT,
        help_text=gettext_lazy(
            "What works well, what is hard to find, what you miss. "
            "At most 3000 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": gettext_lazy(
                "“Your feedback” is empty. Write what you would like to tell us, "
                "then send it."
            ),
            "max_length": gettext_lazy(
                "“Your feedback” is too long: %(show_value)d characters. "
                "Please shorten it to at most %(limit_value)d."
            ),
        },
    )

    class Meta:
        model = Feedback
        fields = ["message"]


@login_required
def feedback(request: HttpRequest) -> HttpResponse:
    account = family_account(request)

    form = FeedbackForm(request.POST or None, instance=Feedback(account=account))
    if request.method != "POST":
        return render(request, "family/feedback.html", {"form": form})
    if not form.is_valid():
        return render(request, "family/feedback.html", {"form": form}, status=400)

    form.save()
    messages.success(
        request,
        _("Thank you. Your feedback was sent to the school office."),
    )
    return redirect("family:feedback")


def family_account(request: HttpRequest) -> Account:
    """Parents and students; staff have the office's inbox instead."""
    account = request.user
    if not isinstance(account, Account) or account.is_school_staff:
        raise PermissionDenied
    return account
