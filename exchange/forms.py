"""The upload form of the office's import page. Staff pages are in English."""

import zipfile
from typing import Any

from django import forms


class ImportForm(forms.Form):
    package = forms.FileField(
        label="OneRoster zip file",
        required=False,
        help_text="OneRoster 1.1 or 1.2, bulk or delta, as the district's student "
        "information system exports it.",
    )
    contacts = forms.FileField(
        label="Contacts file (CSV)",
        required=False,
        help_text="Addresses, relationships and online access, which OneRoster "
        "does not carry. On its own, it updates students already on file.",
    )
    dry_run = forms.BooleanField(
        label="Check only: count what would change, and write nothing",
        required=False,
    )

    def clean_package(self) -> Any:
        package = self.cleaned_data.get("package")
        if package is not None and not zipfile.is_zipfile(package):
            raise forms.ValidationError(
                "This is not a zip file. Upload the zip the student information "
                "system exported, as it is."
            )
        if package is not None:
            package.seek(0)
        return package

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        if not self.errors and not (
            self.cleaned_data.get("package") or self.cleaned_data.get("contacts")
        ):
            raise forms.ValidationError(
                "Choose a OneRoster zip file, a contacts file, or both."
            )
        return cleaned
