from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # The system checks, and the sign-in receiver that works out the steps left (before any request loads
        # the middleware: force_login in a test, or a worker's first request, signs in first).
        from . import checks, gate  # noqa: F401
