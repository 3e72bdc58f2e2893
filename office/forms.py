"""The office's forms. Staff pages are in English; families never read these."""

import datetime
import re
from typing import Any

from django import forms

from records.models import Contact

CONTACT_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "address_line1",
    "address_line2",
    "city",
    "state",
    "postal_code",
]
ADDRESS_NEEDS = ["address_line1", "city", "state", "postal_code"]
ADDRESS_FIELDS = [*ADDRESS_NEEDS, "address_line2"]

PHONE_CHARACTERS = re.compile(r"[0-9 ()+.\-]+")
ZIP_CODE = re.compile(r"\d{5}(-\d{4})?")
STATE_CODE = re.compile(r"[A-Z]{2}")


class FamilySearchForm(forms.Form):
    query = forms.CharField(
        label="Student or contact name, or student number",
        max_length=100,
        error_messages={"required": "Type a name or a student number to search."},
    )


class ContactForm(forms.ModelForm[Contact]):
    """A contact's names, email, phone and home address, checked before saving."""

    class Meta:
        model = Contact
        fields = CONTACT_FIELDS
        labels = {"address_line1": "Street address", "postal_code": "ZIP code"}

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"].strip()
        if not phone:
            return phone

        digits = re.sub(r"\D", "", phone)
        if not PHONE_CHARACTERS.fullmatch(phone) or not 7 <= len(digits) <= 15:
            raise forms.ValidationError(
                "Enter a phone number of 7 to 15 digits, like 860-555-0100."
            )
        return phone

    def clean_state(self) -> str:
        state: str = self.cleaned_data["state"].strip().upper()
        if state and not STATE_CODE.fullmatch(state):
            raise forms.ValidationError("Enter the two-letter state code, like CT.")
        return state

    def clean_postal_code(self) -> str:
        code: str = self.cleaned_data["postal_code"].strip()
        if code and not ZIP_CODE.fullmatch(code):
            raise forms.ValidationError("Enter a ZIP code like 06457 or 06457-1234.")
        return code

    def clean(self) -> dict[str, Any]:
        # Letters from the office go to this address in a window envelope: a
        # partial address would be printed and never arrive.
        cleaned = super().clean() or {}
        if not any(cleaned.get(name) for name in ADDRESS_FIELDS):
            return cleaned

        for name in ADDRESS_NEEDS:
            if name in cleaned and not cleaned[name]:
                self.add_error(
                    name,
                    "Needed for a complete address. Fill in street, city, state "
                    "and ZIP code, or leave the whole address empty.",
                )
        return cleaned


class OnlineAccessForm(forms.Form):
    online_access = forms.TypedChoiceField(
        choices=[("on", "On"), ("off", "Off")], coerce=lambda value: value == "on"
    )


class DeclineForm(forms.Form):
    note = forms.CharField(
        label="Note for the record (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AccessLogForm(forms.Form):
    student = forms.CharField(
        label="Student name or number", required=False, max_length=100
    )
    username = forms.CharField(label="Username", required=False, max_length=150)
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since: datetime.date | None = cleaned.get("since")
        until: datetime.date | None = cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date is before the start date.")
        return cleaned
