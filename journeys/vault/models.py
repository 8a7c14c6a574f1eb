"""What the vault stores: identities, sealed under their interviewee's data key
(journeys.keys.models.DataKey), and the vault's policy."""

import uuid

from django.conf import settings
from django.db import models
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
    """Settings an administrator changes in the app (one row)."""

    interviewers_may_reveal = models.BooleanField(
        _("interviewers may reveal the identities of the women they interviewed"), default=False
    )

    def __str__(self) -> str:
        return "vault policy"

    @classmethod
    def current(cls) -> "VaultPolicy":
        return cls.objects.get_or_create(pk=1)[0]
