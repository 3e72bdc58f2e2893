from django.urls import URLPattern, path

from teaching.views import assignments, attendance, gradebook, report_cards

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
    path(
        "sections/<uuid:section_id>/gradebook/",
        gradebook.current_gradebook,
        name="current_gradebook",
    ),
    path(
        "sections/<uuid:section_id>/gradebook/<int:period_id>/",
        gradebook.gradebook,
        name="gradebook",
    ),
    path(
        "sections/<uuid:section_id>/gradebook/<int:period_id>/setup/",
        assignments.gradebook_setup,
        name="gradebook_setup",
    ),
    path(
        "sections/<uuid:section_id>/gradebook/<int:period_id>/assignments/new/",
        assignments.add_assignment,
        name="add_assignment",
    ),
    path(
        "sections/<uuid:section_id>/assignments/<int:assignment_id>/",
        assignments.edit_assignment,
        name="edit_assignment",
    ),
    path(
        "sections/<uuid:section_id>/assignments/<int:assignment_id>/fill/",
        gradebook.set_column,
        name="set_column",
    ),
    path(
        "sections/<uuid:section_id>/assignments/<int:assignment_id>/scores/"
        "<uuid:student_id>/",
        gradebook.save_score,
        name="save_score",
    ),
]
