"""The audit trail: one entry per read, change, export, sign-in and refusal, chained by HMAC.

Each entry is sealed with HMAC-SHA256 over the previous entry's seal and its own fields, so
editing, deleting, reordering or inserting an entry breaks the chain from that entry on.
`AuditHead` is a single row naming the last entry: locking it serialises appends, and it
shows a cut-off tail. See docs/audit.md.
"""

import json

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The seal before the first entry.
GENESIS = "0" * 64


class AuditEntry(models.Model):
    # The primary key: contiguous from 1, so a gap is a deleted entry.
    seq = models.PositiveBigIntegerField(_("number"), primary_key=True)
    at = models.DateTimeField(_("time"), db_index=True)
    # PROTECT: the actor's id is sealed into the entry, so a user who appears in the trail
    # cannot be deleted (disable the account instead); actor_name keeps who it was.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    target_type = models.CharField(_("target type"), max_length=100, blank=True)
    target_id = models.CharField(_("target"), max_length=100, blank=True)
    # Codes, counts and reasons only: never protected content (see services.audit_record).
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    address = models.CharField(_("address"), max_length=45, blank=True)
    prev_hmac = models.CharField(max_length=64)
    hmac = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["target_type", "target_id"]),
            models.Index(fields=["actor_name"]),
        ]

    def __str__(self) -> str:
        return f"{self.seq} {self.action}"

    @property
    def detail_text(self) -> str:
        """The detail as compact JSON for the page, Korean shown as written."""
        return json.dumps(self.detail, ensure_ascii=False, sort_keys=True) if self.detail else ""


class AuditHead(models.Model):
    """The last entry's number and seal: one row, locked by every append."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField(default=0)
    hmac = models.CharField(max_length=64, default=GENESIS)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="audit_head_single_row")]

    def __str__(self) -> str:
        return f"head {self.seq}"
