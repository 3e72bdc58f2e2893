from django.urls import URLPattern, path

from messaging import unsubscribe

app_name = "messaging"

urlpatterns: list[URLPattern] = [
    path("stop/<str:token>/", unsubscribe.stop, name="stop"),
]
