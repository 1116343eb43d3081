from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WardsConfig(AppConfig):
    name = "wards"
    verbose_name = _("Wards and people")

    def ready(self) -> None:
        from .security import connect_receivers

        connect_receivers()
