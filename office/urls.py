from django.urls import URLPattern, path

from office.views import feedback, stale

app_name = "office"

urlpatterns: list[URLPattern] = [
    path("stale-gradebooks/", stale.stale_gradebooks, name="stale_gradebooks"),
    path("feedback/", feedback.inbox, name="feedback"),
    path("feedback/<int:pk>/read/", feedback.mark_read, name="feedback_read"),
]
