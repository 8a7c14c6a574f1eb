"""Reads from the audit trail: the administrators' filtered list and the last verification."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from journeys.audit.models import AuditEntry

VERIFIED = "audit.trail.verified"


@dataclass(frozen=True)
class EntryFilter:
    actor: str = ""
    action: str = ""
    target_type: str = ""
    target_id: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def entries_filtered(f: EntryFilter) -> QuerySet[AuditEntry]:
    """Entries matching every filter given, newest first. Dates are whole days in the
    archive's time zone, both ends included."""
    qs = AuditEntry.objects.all()
    if f.actor:
        qs = qs.filter(actor_name__iexact=f.actor)
    if f.action:
        qs = qs.filter(action__startswith=f.action)
    if f.target_type:
        qs = qs.filter(target_type=f.target_type)
    if f.target_id:
        qs = qs.filter(target_id=f.target_id)
    # Bounds on `at` itself (not at__date), so the index on `at` serves the range.
    if f.date_from:
        qs = qs.filter(at__gte=_start_of(f.date_from))
    if f.date_to:
        qs = qs.filter(at__lt=_start_of(f.date_to + dt.timedelta(days=1)))
    return qs.order_by("-seq")


def last_verification() -> AuditEntry | None:
    """The newest verification recorded in the trail (its outcome is in `detail`)."""
    return AuditEntry.objects.filter(action=VERIFIED).order_by("-seq").first()


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
