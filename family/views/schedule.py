"""A child's week: every class period, Monday to Friday, with rooms and teachers."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from family import calendar
from family.access import student_for, student_page
from gradebook.snapshot import enrolled_sections
from records.models import MarkingPeriod


@login_required
def schedule(request: HttpRequest, public_id: UUID) -> HttpResponse:
    student = student_for(request, public_id)

    today = timezone.localdate()
    period = MarkingPeriod.objects.current(today)
    sections = enrolled_sections(student, period, today) if period else []
    days = calendar.school_week(today)

    context = student_page(request, student, "schedule")
    context.update(
        {
            "period": period,
            "today": today,
            "days": days,
            "rows": calendar.week_by_period(sections, days),
            "sections": sections,
        }
    )
    return render(request, "family/schedule.html", context)
