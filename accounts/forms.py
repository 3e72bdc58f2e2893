from django import forms
from django.conf import settings
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from accounts.models import Account


class SignInForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class StudentNumberField(forms.CharField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            label=settings.HOMEROOM_STUDENT_NUMBER_LABEL,
            max_length=40,
            widget=forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off"}
            ),
        )


class CreateAccountForm(forms.Form):
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
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("The name you will sign in with, for example JSmith."),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    student_number = StudentNumberField(
        help_text=_("The student number of your oldest child at our schools.")
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if Account.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                _("This username is already taken. Please choose another one.")
            )
        return username


class AddStudentForm(forms.Form):
    student_number = StudentNumberField()
