"""The families' API: read-only, each answer built from what the pages show."""

from typing import Any
from uuid import UUID

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from api import serializers
from api.access import child_for
from family import calendar
from family.marks import marks_between
from family.views.course import enrolled_section
from gradebook.snapshot import course_snapshots, enrolled_sections
from records.models import MarkingPeriod, Student
from reports.report_cards import posted_report_cards

REFUSALS: dict[int | str, Any] = {
    401: OpenApiResponse(
        serializers.ErrorSerializer, description="No valid token or session."
    ),
    403: OpenApiResponse(
        serializers.ErrorSerializer, description="A staff account: use the portal."
    ),
    429: OpenApiResponse(
        serializers.ErrorSerializer, description="Too many requests; wait and retry."
    ),
}
NOT_LINKED: dict[int | str, Any] = {
    **REFUSALS,
    404: OpenApiResponse(
        serializers.ErrorSerializer,
        description="No such child on this account (or no such course).",
    ),
}


@extend_schema(
    operation_id="list_children",
    summary="The children this account sees",
    responses={200: serializers.ChildSerializer(many=True), **REFUSALS},
)
@api_view(["GET"])
def children(request: Request) -> Response:
    visible = Student.objects.visible_to(request.user).select_related("school")
    return Response(serializers.ChildSerializer(visible, many=True).data)


@extend_schema(
    operation_id="list_courses",
    summary="A child's courses in the current marking period, with averages",
    responses={200: serializers.CoursesSerializer, **NOT_LINKED},
)
@api_view(["GET"])
def courses(request: Request, child_id: UUID) -> Response:
    student = child_for(request, child_id, "courses")

    today = timezone.localdate()
    period = MarkingPeriod.objects.current(today)
    snapshots = course_snapshots(student, period, today) if period else []

    answer = {"marking_period": period, "courses": snapshots}
    return Response(serializers.CoursesSerializer(answer).data)


@extend_schema(
    operation_id="list_assignments",
    summary="One course's visible assignments, with the child's scores",
    responses={200: serializers.AssignmentsSerializer, **NOT_LINKED},
)
@api_view(["GET"])
def assignments(request: Request, child_id: UUID, section_id: UUID) -> Response:
    student = child_for(request, child_id, "assignments")

    today = timezone.localdate()
    period = MarkingPeriod.objects.current(today)
    section, period = enrolled_section(student, period, today, section_id)
    (course,) = course_snapshots(student, period, today, [section])

    answer = {"section": section, "marking_period": period, "course": course}
    return Response(serializers.AssignmentsSerializer(answer).data)


@extend_schema(
    operation_id="list_attendance",
    summary="A child's attendance marks in the current school year",
    responses={200: serializers.AttendanceSerializer, **NOT_LINKED},
)
@api_view(["GET"])
def attendance(request: Request, child_id: UUID) -> Response:
    student = child_for(request, child_id, "attendance")

    today = timezone.localdate()
    period = MarkingPeriod.objects.select_related("school_year").current(today)
    year = period.school_year if period else None
    marks = marks_between(student, year.start, year.end) if year else []

    answer = {"school_year": year, "marks": calendar.in_order(marks)}
    return Response(serializers.AttendanceSerializer(answer).data)


@extend_schema(
    operation_id="list_schedule",
    summary="A child's sections in the current marking period",
    responses={200: serializers.ScheduleSerializer, **NOT_LINKED},
)
@api_view(["GET"])
def schedule(request: Request, child_id: UUID) -> Response:
    student = child_for(request, child_id, "schedule")

    today = timezone.localdate()
    period = MarkingPeriod.objects.current(today)
    sections = enrolled_sections(student, period, today) if period else []

    answer = {"marking_period": period, "sections": sections}
    return Response(serializers.ScheduleSerializer(answer).data)


@extend_schema(
    operation_id="list_report_cards",
    summary="A child's posted report card grades, the latest marking period first",
    responses={200: serializers.ReportCardSerializer(many=True), **NOT_LINKED},
)
@api_view(["GET"])
def report_cards(request: Request, child_id: UUID) -> Response:
    student = child_for(request, child_id, "report_cards")

    cards = posted_report_cards(student, timezone.localdate())
    return Response(serializers.ReportCardSerializer(cards, many=True).data)


@extend_schema(exclude=True)
@api_view(["GET"])
def not_found(request: Request) -> Response:
    raise NotFound
