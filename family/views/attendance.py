"""A child's attendance: a month view, the marks of the marking period, totals."""

import datetime
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from attendance.models import AttendanceCode
from family import calendar
from family.access import student_for, student_page
from family.marks import marks_between
from records.models import MarkingPeriod, SchoolYear, Student


@login_required
def attendance(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)

    today = timezone.localdate()
    period = MarkingPeriod.objects.select_related("school_year").current(today)
    year = period.school_year if period else None
    marks = year_marks(student, year)

    context = student_page(request, student, "attendance")
    context.update(month_context(request.GET.get("month"), today, year, marks))
    context.update(totals_context(period, year, marks))
    context["codes"] = AttendanceCode.objects.all()
    return render(request, "family/attendance.html", context)


def year_marks(student: Student, year: SchoolYear | None) -> list[calendar.Mark]:
    return [] if year is None else marks_between(student, year.start, year.end)


def month_context(
    text: str | None,
    today: datetime.date,
    year: SchoolYear | None,
    marks: list[calendar.Mark],
) -> dict[str, Any]:
    first_day, last_day = (year.start, year.end) if year else (None, None)
    month = calendar.month_to_show(text, today, first_day, last_day)

    context: dict[str, Any] = {
        "month": month,
        "today": today,
        "weeks": calendar.month_weeks(month, marks),
        "previous_month": None,
        "next_month": None,
    }
    if first_day and last_day:
        context["previous_month"] = calendar.neighbour_month(
            month, -1, first_day, last_day
        )
        context["next_month"] = calendar.neighbour_month(month, 1, first_day, last_day)
    return context


def totals_context(
    period: MarkingPeriod | None,
    year: SchoolYear | None,
    marks: list[calendar.Mark],
) -> dict[str, Any]:
    if period is None or year is None:
        return {"period": None, "period_marks": [], "totals_rows": []}

    period_marks = calendar.between(marks, period.start, period.end)
    return {
        "period": period,
        "year": year,
        "period_marks": calendar.in_order(period_marks),
        "totals_rows": totals_rows(
            [calendar.totals(period_marks), calendar.totals(marks)]
        ),
    }


def totals_rows(
    columns: list[calendar.Totals],
) -> list[tuple[str, list[calendar.Count]]]:
    """One row per kind of mark, one column per stretch of time."""
    return [
        (_("Days absent"), [totals.absent_days for totals in columns]),
        (_("Class periods missed"), [totals.class_absences for totals in columns]),
        (_("Tardies"), [totals.tardies for totals in columns]),
        (_("Early dismissals"), [totals.dismissals for totals in columns]),
    ]
