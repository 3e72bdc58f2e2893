from django.urls import path

from family.views import children, overview

app_name = "family"

urlpatterns = [
    path("children/", children.children, name="children"),
    path("children/<uuid:public_id>/", overview.overview, name="child"),
]
