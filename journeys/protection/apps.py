from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProtectionConfig(AppConfig):
    name = "journeys.protection"
    verbose_name = _("Protection of identities")
