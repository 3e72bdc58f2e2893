from django.urls import path

from family import views

app_name = "family"

urlpatterns = [
    path("children/", views.children, name="children"),
    path("children/<uuid:public_id>/", views.child, name="child"),
]
