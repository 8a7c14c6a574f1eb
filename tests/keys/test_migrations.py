"""Data keys moved from the vault app to the keys app without touching the database: an
archive made before the move migrates with no data change (checked by hand too, on SQLite and
PostgreSQL archives made by the code before the move: same rows, same schema)."""

import pytest
from django.db.migrations import SeparateDatabaseAndState
from django.db.migrations.loader import MigrationLoader

from journeys.keys.models import DataKey

THE_MOVE = [
    ("keys", "0001_initial"),
    ("archive", "0003_datakey_in_keys_app"),
    ("vault", "0002_datakey_to_keys_app"),
]


@pytest.mark.parametrize(("app", "migration"), THE_MOVE)
def test_the_migrations_of_the_move_change_only_where_django_thinks_the_model_lives(app, migration):
    operations = (
        MigrationLoader(None, ignore_no_migrations=True).get_migration(app, migration).operations
    )
    assert operations, "the migration does something"
    for operation in operations:
        assert isinstance(operation, SeparateDatabaseAndState)
        assert operation.database_operations == []
        assert operation.state_operations


def test_data_keys_keep_the_table_they_had_in_the_vault():
    assert DataKey._meta.db_table == "vault_datakey"
    assert DataKey._meta.label_lower == "keys.datakey"


def test_no_migration_of_ours_depends_on_another_apps_latest():
    """search 0001 once depended on archive's __latest__: adding archive 0003 made every
    archive migrated before it "inconsistent", and `journeys migrate` refused to run."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = [m for key, m in loader.disk_migrations.items() if m.__module__.startswith("journeys.")]
    assert len(ours) > 10
    floating = [
        (m.app_label, m.name, dependency)
        for m in ours
        for dependency in m.dependencies
        if dependency[1] == "__latest__"
    ]
    assert floating == []
