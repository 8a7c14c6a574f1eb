"""Releasing a table: disclosure control, the differencing check, the register, the audit."""

from django.db import transaction
from django.utils.translation import gettext as _

from journeys.audit.services import audit_record
from journeys.reports import statistics
from journeys.reports.disclosure import (
    DisclosureRefused,
    Published,
    differencing_conflicts,
    suppress,
)
from journeys.reports.models import Release


def table_release(*, acting_user, name: str, min_cell: int | None = None) -> Published:
    """Count the table over the acting user's team, suppress, check it against every
    earlier release of the same table for that team, and register it. Raises
    DisclosureRefused (nothing registered) when it would disclose by differencing."""
    try:
        count = statistics.TABLES[name]
    except KeyError:
        raise DisclosureRefused(_("There is no table called %(name)s.") % {"name": name}) from None
    with transaction.atomic():
        # Lock the register of this team's releases of this table: two releases at once
        # would each pass the check against the other's absence.
        earlier = list(
            Release.objects.select_for_update()
            .filter(table=name, team_id=acting_user.team_id)
            .values_list("cells", flat=True)
        )
        published = suppress(count(acting_user), min_cell)
        conflicts = differencing_conflicts(published, earlier)
        if conflicts:
            raise DisclosureRefused(
                _(
                    "Refused: compared with a table released before, %(cells)s would show "
                    "fewer than %(k)s women. Release it again when the archive has changed more."
                )
                % {"cells": ", ".join(conflicts), "k": published.min_cell}
            )
        release = Release.objects.create(
            table=name,
            team_id=acting_user.team_id,
            parameters={"min_cell": published.min_cell},
            cells=published.as_register(),
            released_by=acting_user,
        )
        audit_record(
            actor=acting_user,
            action="reports.release",
            target=release,
            detail={"table": name, "min_cell": published.min_cell},
        )
    return published
