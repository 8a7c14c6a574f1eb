from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journeys.accounts.roles import Role


class Team(models.Model):
    """A group of staff and the records they keep (an office, a partner project). Records of
    another team do not exist for its members: asking for one by id finds nothing."""

    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. The role decides what every page allows (see docs/roles.md); the
    team decides whose records exist for her."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # No team is the organisation's own (main) team: one-office archives never see teams.
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, null=True, blank=True
    )
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


class SignInFailure(models.Model):
    """One refused sign-in, kept only long enough to lock out guessing (see selectors)."""

    # Case-folded, so that "Sora" and "sora" count against the same account.
    username = models.CharField(_("user name"), max_length=150)
    address = models.CharField(_("address"), max_length=45)
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        indexes = [
            models.Index(fields=["username", "at"]),
            models.Index(fields=["address", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.username} from {self.address} at {self.at:%Y-%m-%d %H:%M}"


class UserSession(models.Model):
    """The sessions a user holds, so that disabling the user can end them all at once.

    A table filled at sign-in is simpler and cheaper than decoding every stored session to
    find the user's ones, and works with any session engine (SessionStore.delete).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.user} ({self.created:%Y-%m-%d %H:%M})"
