from django.urls import URLPattern, path

from teaching.views import attendance, report_cards

app_name = "teaching"

urlpatterns: list[URLPattern] = [
    path(
        "sections/<uuid:section_id>/attendance/",
        attendance.attendance,
        name="attendance",
    ),
    path(
        "sections/<uuid:section_id>/attendance/save/",
        attendance.save_attendance,
        name="save_attendance",
    ),
    path(
        "sections/<uuid:section_id>/report-cards/",
        report_cards.report_card_grades,
        name="report_card_grades",
    ),
    path(
        "sections/<uuid:section_id>/report-cards/<int:period_id>/post/",
        report_cards.post_grades,
        name="post_grades",
    ),
]
