"""Caches of codebook data that follow the codebook as the administrator changes it.

What detection and pseudonymisation build from the codebook (every spelling of every place,
the places by code) is too costly to build per text, so it is kept; but a term added on the
web must count at once, in every process (the server's threads, a command running beside
it). Each use reads the revision token (one indexed row) and rebuilds only when it changed.

Importable without Django set up: the command line and the benchmarks read the data file,
whose contents do not change while they run.
"""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")
_NOT_BUILT = object()


def codebook_revision() -> str | None:
    """The codebook's revision token; None where there is no database to ask."""
    try:
        from django.apps import apps

        if not apps.ready:
            return None
        from django.db import connection

        from journeys.codebook.models import CodebookRevision

        # Plain SQL: it runs before every use of a cache, and the ORM's query building cost
        # ten times the query (0.1 ms against 1.3 ms; some 3% of pseudonymising a testimony).
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT token FROM {CodebookRevision._meta.db_table} WHERE id = 1")
            row = cursor.fetchone()
        return str(row[0]) if row else ""
    except Exception:  # noqa: BLE001 - no database, no table yet: whatever was built stands
        return None


def per_codebook_revision(build: Callable[[], T]) -> Callable[[], T]:
    """build() once per codebook revision, like functools.cache otherwise."""
    built: list = [None, _NOT_BUILT]  # [revision, value], replaced whole (threads read it)

    @wraps(build)
    def cached() -> T:
        nonlocal built
        revision, value = built
        current = codebook_revision()
        if value is _NOT_BUILT or (current is not None and current != revision):
            value = build()
            built = [current, value]
        return value

    def cache_clear() -> None:
        nonlocal built
        built = [None, _NOT_BUILT]

    cached.cache_clear = cache_clear
    return cached
