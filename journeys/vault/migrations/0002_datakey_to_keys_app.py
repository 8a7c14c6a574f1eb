# DataKey left the vault for the keys app (keys 0001), keeping its table: forget it here
# without dropping the table, once nothing in Django's state points at it any more.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("vault", "0001_initial"),
        ("keys", "0001_initial"),
        ("archive", "0003_datakey_in_keys_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[migrations.DeleteModel(name="DataKey")],
        ),
    ]
