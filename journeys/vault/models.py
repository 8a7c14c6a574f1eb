"""What the vault stores: identities, sealed under their interviewee's data key
(journeys.keys.models.DataKey), and the vault's policy."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _


class Identity(models.Model):
    """An interviewee's real identity: names, birth date, contacts, family. One sealed JSON
    document; the digests beside it answer "is this person already here?" without opening it."""

    interviewee = models.OneToOneField(
        "archive.Interviewee", on_delete=models.PROTECT, related_name="identity"
    )
    rid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identity_sealed = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("identity")
        verbose_name_plural = _("identities")

    def __str__(self) -> str:
        return f"identity of {self.interviewee_id}"


class IdentityDigest(models.Model):
    """A keyed hash (HMAC with the look-up key) of one normalised identifying value."""

    class Kind(models.TextChoices):
        NAME = "name", _("name")
        BIRTH_DATE = "birth_date", _("date of birth")
        PHONE = "phone", _("phone")
        MESSENGER = "messenger", _("messenger ID")
        EMAIL = "email", _("e-mail")

    identity = models.ForeignKey(Identity, on_delete=models.CASCADE, related_name="digests")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    digest = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return f"{self.kind} digest"


class VaultPolicy(models.Model):
    """What a team's administrator allows for the team's vault: one row per team (no team: the
    main team's). A team without a row has the defaults; a row is written when an
    administrator first saves the page (journeys.vault.services.vault_policy_set)."""

    team = models.ForeignKey(
        "accounts.Team", verbose_name=_("team"), on_delete=models.CASCADE, null=True, blank=True
    )
    interviewers_may_reveal = models.BooleanField(
        _("interviewers may reveal the identities of the women they interviewed"), default=False
    )

    class Meta:
        constraints = [
            # The main team is NULL, and NULLs are never equal in a plain unique constraint.
            models.UniqueConstraint(Coalesce("team", 0), name="vault_policy_one_per_team")
        ]

    def __str__(self) -> str:
        return f"vault policy of team {self.team_id or 'main'}"

    @classmethod
    def of_team(cls, team_id: int | None) -> "VaultPolicy":
        """The team's policy; the defaults (unsaved) if nobody has set it yet. Reading never
        writes."""
        return cls.objects.filter(team_id=team_id).first() or cls(team_id=team_id)
