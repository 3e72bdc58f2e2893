from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from records.models import CorrectionRequest

MESSAGE_LIMIT = 2000


class MessageField(forms.CharField):
    def to_python(self, value: Any) -> str | None:
        # Browsers send line breaks as two characters but count them as one
        # against maxlength; count them as one here too.
        text = super().to_python(value)
        return text.replace("\r\n", "\n") if text else text


class CorrectionRequestForm(forms.ModelForm[CorrectionRequest]):
    message = MessageField(
        label=_("What should change"),
        max_length=MESSAGE_LIMIT,
        help_text=_(
            "For example: our new address, a new phone number, or a name spelled "
            "wrong. At most 2000 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _(
                "“What should change” is empty. Write what the office should "
                "correct, then send the request."
            ),
            "max_length": _(
                "“What should change” is too long: %(show_value)d characters. "
                "Please shorten it to at most %(limit_value)d."
            ),
        },
    )

    class Meta:
        model = CorrectionRequest
        fields = ["message"]
