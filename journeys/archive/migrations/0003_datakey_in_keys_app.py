# The interviewee's data key now points at keys.DataKey: the same table (vault_datakey) and
# the same column, so only Django's state changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0002_initial"),
        ("keys", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="interviewee",
                    name="data_key",
                    field=models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="interviewee",
                        to="keys.datakey",
                    ),
                ),
            ],
        ),
    ]
