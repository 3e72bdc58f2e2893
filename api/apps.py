from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Describes the bearer token in the OpenAPI document.
        from api import schema  # noqa: F401
