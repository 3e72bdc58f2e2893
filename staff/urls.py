from django.urls import path

from staff import two_factor_views, views

app_name = "staff"

urlpatterns = [
    path("", views.home, name="home"),
    path("two-factor/", two_factor_views.verify, name="two_factor_verify"),
    path("two-factor/setup/", two_factor_views.setup, name="two_factor_setup"),
]
