"""App config of ops: project-level commands and system checks."""

from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Operations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Register the system checks: schema drift, and the workflow naming contract.
        from ops import checks, conventions  # noqa: F401
