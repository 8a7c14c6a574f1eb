"""Reads from the audit trail: the administrators' filtered list and the last verification."""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from journeys.audit.models import AuditEntry

VERIFIED = "audit.trail.verified"

# The targets that belong to a team, and the path from each to its team. Named by label, not
# imported: the apps import the audit trail, and it must not import them back.
TEAM_OF_TARGET = {
    "accounts.user": "team",
    "archive.interviewee": "team",
    "archive.interview": "interviewee__team",
    "archive.consent": "interview__interviewee__team",
    "archive.journeyevent": "interview__interviewee__team",
    "protection.textrelease": "interview__interviewee__team",
    "reports.release": "team",
    "vault.identity": "interviewee__team",
    "vault.vaultpolicy": "team",
}


@dataclass(frozen=True)
class EntryFilter:
    actor: str = ""
    action: str = ""
    target_type: str = ""
    target_id: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def entries_of_team(user) -> QuerySet[AuditEntry]:
    """The entries an administrator of the user's team may read: what her team's members did
    to her team's objects or to nobody's (the codebook, sign-in pages).

    An entry by another team's member, or about another team's account, record, release or
    policy, is left out. An entry with no account behind it (a visitor not signed in, a user
    name typed at a failed sign-in, a command) belongs to the team of the user named, if
    any; otherwise to the main team (no team), which runs the archive. See docs/audit.md.
    """
    team = user.team_id
    users = get_user_model().objects
    own_names = users.filter(team_id=team).values("username")
    other_names = users.exclude(team_id=team).values("username")
    by_member = Q(actor__isnull=False, actor__team_id=team)
    nameless = Q(actor__isnull=True, actor_name__in=own_names)
    if team is None:
        nameless |= Q(actor__isnull=True) & ~Q(actor_name__in=other_names)
    return AuditEntry.objects.filter(by_member | nameless).exclude(_about_other_teams(team))


def _about_other_teams(team: int | None) -> Q:
    about = Q(pk__isnull=True)  # matches nothing; each kind of target adds its other teams
    for label, path in TEAM_OF_TARGET.items():
        model = apps.get_model(label)
        others = (
            model.objects.exclude(**{path: team})
            if team is not None
            else model.objects.filter(**{f"{path}__isnull": False})
        )
        ids = others.annotate(as_text=Cast("pk", CharField())).values("as_text")
        about |= Q(target_type=label, target_id__in=ids)
    return about


def entries_filtered(f: EntryFilter, *, user) -> QuerySet[AuditEntry]:
    """The entries of the user's team matching every filter given, newest first. Dates are
    whole days in the archive's time zone, both ends included."""
    qs = entries_of_team(user)
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


def last_verification(user) -> AuditEntry | None:
    """The newest verification the user's team may see (its outcome is in `detail`)."""
    return entries_of_team(user).filter(action=VERIFIED).order_by("-seq").first()


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
