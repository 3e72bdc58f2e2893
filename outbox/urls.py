from django.urls import path

from outbox import views

app_name = "mailbox"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<str:name>/", views.letter, name="letter"),
    path("<str:name>/html/", views.letter_html, name="letter_html"),
]
