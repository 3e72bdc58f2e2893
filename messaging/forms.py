"""The forms on My Account for a parent's alerts and weekly digest."""

from django import forms

from messaging.models import AlertPreference, DigestPreference


class AlertPreferenceForm(forms.ModelForm[AlertPreference]):
    class Meta:
        model = AlertPreference
        fields = ["average_below", "missing", "attendance"]
        # A threshold typed as a family writes numbers: 72.5, or 72,5 in Spanish.
        localized_fields = ["average_below"]
        widgets = {"average_below": forms.TextInput(attrs={"inputmode": "decimal"})}


class DigestPreferenceForm(forms.ModelForm[DigestPreference]):
    class Meta:
        model = DigestPreference
        fields = ["weekly"]
