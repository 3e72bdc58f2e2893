from django.urls import path

from family.views import (
    attendance,
    calendar_feed,
    children,
    course,
    feedback,
    interim,
    missing,
    overview,
    records,
    report_cards,
    schedule,
)

app_name = "family"

urlpatterns = [
    path("children/", children.children, name="children"),
    path("feedback/", feedback.feedback, name="feedback"),
    path("children/<uuid:public_id>/", overview.overview, name="child"),
    path(
        "children/<uuid:public_id>/courses/<uuid:section_id>/",
        course.course,
        name="course",
    ),
    path("children/<uuid:public_id>/missing/", missing.missing, name="missing"),
    path(
        "children/<uuid:public_id>/interim/",
        interim.request_interim,
        name="request_interim",
    ),
    path(
        "children/<uuid:public_id>/attendance/",
        attendance.attendance,
        name="attendance",
    ),
    path("children/<uuid:public_id>/schedule/", schedule.schedule, name="schedule"),
    path("children/<uuid:public_id>/records/", records.records, name="records"),
    path(
        "children/<uuid:public_id>/records/correction/",
        records.request_correction,
        name="request_correction",
    ),
    path(
        "children/<uuid:public_id>/report-cards/",
        report_cards.report_cards,
        name="report_cards",
    ),
    path(
        "children/<uuid:public_id>/report-cards/<int:period_id>/pdf/",
        report_cards.report_card_pdf,
        name="report_card_pdf",
    ),
    path(
        "calendar/<str:secret>.ics", calendar_feed.calendar_feed, name="calendar_feed"
    ),
]
