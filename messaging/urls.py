from django.urls import URLPattern, path

from messaging import unsubscribe, views

app_name = "messaging"

urlpatterns: list[URLPattern] = [
    path("stop/<str:token>/", unsubscribe.stop, name="stop"),
    path("stop/choice/<str:token>/", views.stop_choice, name="stop_choice"),
    path("account/alerts/<uuid:public_id>/", views.save_alerts, name="save_alerts"),
    path("account/digest/", views.save_digest, name="save_digest"),
]
