from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The generator of fictional testimonies and its commands: apart from the product, which
    never imports it."""

    name = "journeys.demo"
    verbose_name = _("Demo data")
