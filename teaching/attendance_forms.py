"""The attendance form: one choice and one comment per student on the class list.

Attendance is kept as exceptions, so "Present" is the absence of a mark.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from django import forms

from attendance.models import AttendanceCode, AttendanceMark
from records.models import Student

PRESENT = ""
COMMENT_LIMIT = 200

Action = Literal["set", "clear"] | None


def code_field(student: Student) -> str:
    return f"code-{student.public_id}"


def comment_field(student: Student) -> str:
    return f"comment-{student.public_id}"


def code_label(code: AttendanceCode) -> str:
    return f"{code.code} — {code.meaning}"


def action_for(mark: AttendanceMark | None, code: str, comment: str) -> Action:
    """What saving does for one student: set a mark, clear it, or nothing."""
    if code == PRESENT:
        return "clear" if mark is not None else None
    if mark is None or (mark.code.code, mark.comment) != (code, comment):
        return "set"
    return None


class AttendanceForm(forms.Form):
    def __init__(
        self,
        students: Sequence[Student],
        codes: Sequence[AttendanceCode],
        marks: Mapping[int, AttendanceMark],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.students = students
        choices = [(PRESENT, "Present"), *[(c.code, code_label(c)) for c in codes]]

        for student in students:
            mark = marks.get(student.pk)
            self.fields[code_field(student)] = forms.ChoiceField(
                label=f"Attendance for {student.full_name}",
                choices=choices,
                required=False,
                initial=mark.code.code if mark else PRESENT,
            )
            self.fields[comment_field(student)] = forms.CharField(
                label=f"Comment for {student.full_name}",
                max_length=COMMENT_LIMIT,
                required=False,
                initial=mark.comment if mark else "",
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for student in self.students:
            code, comment = self.choice(student)
            if code == PRESENT and comment:
                self.add_error(
                    comment_field(student),
                    f"{student.full_name} is marked Present, which keeps no "
                    "comment: choose a code to keep the comment, or clear it.",
                )
        return cleaned

    def choice(self, student: Student) -> tuple[str, str]:
        """The chosen code (blank for Present) and comment for one student."""
        code = self.cleaned_data.get(code_field(student)) or PRESENT
        comment = (self.cleaned_data.get(comment_field(student)) or "").strip()
        return code, comment
