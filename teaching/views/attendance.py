"""Taking attendance for one section and day, from that day's class list."""

import datetime
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.forms import BoundField
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.views.decorators.http import require_POST

from accounts.models import Account
from attendance.changes import clear_mark, set_mark
from attendance.models import AttendanceCode, AttendanceMark
from records.models import Enrollment, Section, Student
from staff.access import teacher_account, teacher_section
from teaching.attendance_forms import (
    AttendanceForm,
    action_for,
    code_field,
    comment_field,
)

OFFICE_NOTES: dict[str, str] = {
    AttendanceCode.Kind.ABSENT: "Absent all day (office)",
    AttendanceCode.Kind.TARDY: "Tardy (office)",
    AttendanceCode.Kind.DISMISSED: "Dismissed early (office)",
}


@dataclass(frozen=True)
class ClassList:
    """The students enrolled on one day, with that day's marks."""

    students: list[Student]
    marks: dict[int, AttendanceMark]  # this section's marks, by student
    office: dict[int, AttendanceMark]  # whole-day marks from the office, by student


@dataclass(frozen=True)
class Row:
    student: Student
    code: BoundField
    comment: BoundField
    office: AttendanceMark | None

    @property
    def office_note(self) -> str:
        return OFFICE_NOTES.get(self.office.code.kind, "") if self.office else ""


@login_required
def attendance(request: HttpRequest, section_id: UUID) -> HttpResponse:
    section = teacher_section(request, section_id)

    today = timezone.localdate()
    asked = request.GET.get("date", "")
    day = parse_day(asked) or today

    roll = class_list(section, day)
    codes = list(AttendanceCode.objects.all())
    form = AttendanceForm(roll.students, codes, roll.marks)

    context = {"unreadable_date": bool(asked) and parse_day(asked) is None}
    return render_attendance(request, section, day, roll, form, context)


@login_required
@require_POST
def save_attendance(request: HttpRequest, section_id: UUID) -> HttpResponse:
    section = teacher_section(request, section_id)
    actor = teacher_account(request)

    day = parse_day(request.POST.get("date", ""))
    if day is None:
        return HttpResponseBadRequest("The date of the class list could not be read.")
    if day > timezone.localdate():
        messages.error(request, "Attendance is taken on the day or afterwards.")
        return redirect(page_url(section, day))

    roll = class_list(section, day)
    codes = list(AttendanceCode.objects.all())
    form = AttendanceForm(roll.students, codes, roll.marks, request.POST)
    if not form.is_valid():
        return render_attendance(request, section, day, roll, form, {}, status=400)

    marked = save_marks(actor, section, day, roll, form, codes)
    messages.success(request, saved_message(section, day, marked))
    return redirect(page_url(section, day))


def parse_day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def class_list(section: Section, day: datetime.date) -> ClassList:
    """Students enrolled in the section on this day, by last name, in two queries."""
    enrollments = (
        Enrollment.objects.on(day)
        .filter(section=section)
        .select_related("student")
        .order_by("student__last_name", "student__first_name")
    )
    students = [enrollment.student for enrollment in enrollments]

    rows = list(
        AttendanceMark.objects.filter(date=day, student__in=students)
        .filter(Q(section=section) | Q(section__isnull=True))
        .select_related("code")
    )
    marks = {mark.student_id: mark for mark in rows if mark.section_id}
    office = {mark.student_id: mark for mark in rows if mark.is_daily}
    return ClassList(students, marks, office)


@transaction.atomic
def save_marks(
    actor: Account,
    section: Section,
    day: datetime.date,
    roll: ClassList,
    form: AttendanceForm,
    codes: list[AttendanceCode],
) -> int:
    """Apply each changed choice through the record of changes; count the marks."""
    by_code = {code.code: code for code in codes}
    marked = 0
    for student in roll.students:
        code, comment = form.choice(student)
        marked += 1 if code else 0

        action = action_for(roll.marks.get(student.pk), code, comment)
        if action == "set":
            set_mark(actor, student, day, by_code[code], section, comment)
        elif action == "clear":
            clear_mark(actor, student, day, section)
    return marked


def saved_message(section: Section, day: datetime.date, marked: int) -> str:
    when = dateformat.format(day, "l j F")
    where = f"{section.course.title}, period {section.period}, {when}"
    if marked == 0:
        return f"Attendance saved for {where}: everyone present."
    noun = "mark" if marked == 1 else "marks"
    return f"Attendance saved for {where}: {marked} {noun}."


def page_url(section: Section, day: datetime.date) -> str:
    url = reverse("teaching:attendance", args=[section.public_id])
    return f"{url}?date={day.isoformat()}"


def render_attendance(
    request: HttpRequest,
    section: Section,
    day: datetime.date,
    roll: ClassList,
    form: AttendanceForm,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    rows = [
        Row(
            student,
            form[code_field(student)],
            form[comment_field(student)],
            roll.office.get(student.pk),
        )
        for student in roll.students
    ]

    context.update(
        {
            "staff_tab": "teaching",
            "section": section,
            "day": day,
            "today": today,
            "can_save": day <= today,
            "meets": section.meets_on(day),
            "form": form,
            "rows": rows,
        }
    )
    return render(request, "teaching/attendance.html", context, status=status)
