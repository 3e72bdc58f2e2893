from django.urls import path

app_name = "mailbox"

urlpatterns: list[object] = []
