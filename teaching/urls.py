from django.urls import URLPattern

app_name = "teaching"

urlpatterns: list[URLPattern] = []
