from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from journeys.accounts.roles import Role


class User(AbstractUser):
    """A member of staff. The role decides what every page allows (see docs/roles.md)."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=[("ko", _("Korean")), ("en", _("English"))],
        blank=True,
        help_text=_("The language the pages are shown in; empty follows the browser."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.role in roles
