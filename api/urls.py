from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from api import views, views_account

app_name = "api"

CHILD = "children/<uuid:child_id>/"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("children/", views.children, name="children"),
    path(f"{CHILD}courses/", views.courses, name="courses"),
    path(
        f"{CHILD}courses/<uuid:section_id>/assignments/",
        views.assignments,
        name="assignments",
    ),
    path(f"{CHILD}attendance/", views.attendance, name="attendance"),
    path(f"{CHILD}schedule/", views.schedule, name="schedule"),
    path(f"{CHILD}report-cards/", views.report_cards, name="report_cards"),
    path("account/tokens/", views_account.create_token, name="create_token"),
    path(
        "account/tokens/<int:token_id>/revoke/",
        views_account.revoke_token,
        name="revoke_token",
    ),
    path("account/calendar/", views_account.create_calendar, name="create_calendar"),
    path("account/calendar/stop/", views_account.stop_calendar, name="stop_calendar"),
    # Last: any other address under api/ answers in JSON too, not with a page.
    re_path(r"^", views.not_found, name="not_found"),
]
