from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "journeys.core"
    verbose_name = _("Journeys")

    def ready(self):
        from journeys.core import checks  # noqa: F401  (registers the system checks)
