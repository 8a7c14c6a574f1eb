"""Releasing tables: disclosure control, the differencing check, the register, the audit."""

from collections.abc import Callable

from django.db import connection, transaction
from django.utils.translation import gettext as _

from journeys.audit.services import audit_record
from journeys.reports import statistics
from journeys.reports.disclosure import (
    DisclosureRefused,
    Published,
    differencing_conflicts,
    suppress,
)
from journeys.reports.disclosure import (
    min_cell as checked_min_cell,
)
from journeys.reports.models import Release
from journeys.reports.statistics import EVERYONE, Scope


def counter(name: str) -> Callable:
    try:
        return statistics.TABLES[name]
    except KeyError:
        raise DisclosureRefused(_("There is no table called %(name)s.") % {"name": name}) from None


def published_tables(
    *, acting_user, names, min_cell: int | None = None, scope: Scope = EVERYONE
) -> list[Published]:
    """Count and suppress the tables over the acting user's team (nothing registered: for
    reading inside the archive, or before `tables_release`)."""
    counters = [counter(name) for name in names]
    k = checked_min_cell(min_cell)
    return [suppress(count(acting_user, scope), k) for count in counters]


def refuse_differencing(acting_user, tables: list[Published], *, lock: bool = False) -> None:
    """Raise DisclosureRefused when any table differs from an earlier release of the same
    table for the team by 1 to k-1 in a cell published in both. With `lock` (inside the
    releasing transaction) the register rows are locked: two releases at once would each
    pass the check against the other's absence."""
    conflicts = []
    for published in tables:
        earlier = Release.objects.filter(table=published.table.name, team_id=acting_user.team_id)
        if lock:
            earlier = earlier.select_for_update()
        conflicts += [
            f"{published.table.name}:{cell}" if len(tables) > 1 else cell
            for cell in differencing_conflicts(published, earlier.values_list("cells", flat=True))
        ]
    if conflicts:
        raise DisclosureRefused(
            _(
                "Refused: compared with a table released before, %(cells)s would show "
                "fewer than %(k)s women. Release it again when the archive has changed more."
            )
            % {"cells": ", ".join(conflicts), "k": tables[0].min_cell}
        )


def tables_release(
    *,
    acting_user,
    tables: list[Published],
    scope: Scope = EVERYONE,
    extra: dict | None = None,
    action: str = "reports.release",
    then: Callable[[], None] | None = None,
) -> list[Release]:
    """Register published tables as one release, all or nothing: each is checked against
    every earlier release of the same table for the team (differencing); any conflict raises
    DisclosureRefused and registers nothing. `then` runs last inside the transaction, after
    the register and the audit entry are written (writing the file of a report): its failure
    registers nothing, and no file is written for a release that could not be audited."""
    with transaction.atomic():
        _lock_register()
        refuse_differencing(acting_user, tables, lock=True)
        releases = []
        parameters = {"min_cell": tables[0].min_cell, **scope.as_parameters(), **(extra or {})}
        for published in tables:
            releases.append(
                Release.objects.create(
                    table=published.table.name,
                    team_id=acting_user.team_id,
                    parameters=parameters,
                    cells=published.as_register(),
                    released_by=acting_user,
                )
            )
        names = [p.table.name for p in tables]
        audit_record(
            actor=acting_user,
            action=action,
            target=releases[0] if len(releases) == 1 else None,
            detail={"table": names[0]} | parameters
            if len(names) == 1
            else {"tables": names, "releases": [r.pk for r in releases]} | parameters,
        )
        if then is not None:
            then()
    return releases


def _lock_register() -> None:
    """One release at a time: locking the existing register rows would not stop two first
    releases, or two releases that each miss the other's new row. SQLite's write
    transactions are serial already (IMMEDIATE); PostgreSQL takes a lock that conflicts
    with itself and lets readers read."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("LOCK TABLE reports_release IN SHARE ROW EXCLUSIVE MODE")


def table_release(
    *, acting_user, name: str, min_cell: int | None = None, scope: Scope = EVERYONE
) -> Published:
    """Count the table over the acting user's team, suppress, check it against every
    earlier release of the same table for that team, and register it. Raises
    DisclosureRefused (nothing registered) when it would disclose by differencing."""
    (published,) = published_tables(
        acting_user=acting_user, names=[name], min_cell=min_cell, scope=scope
    )
    tables_release(acting_user=acting_user, tables=[published], scope=scope)
    return published
