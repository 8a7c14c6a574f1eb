# DataKey moved here from the vault app. Its table keeps the vault's name (vault_datakey), so
# this only tells Django's state where the model lives: the database is not touched, and an
# archive made before the move migrates with no data change.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("vault", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="DataKey",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("wrapped", models.BinaryField()),
                        ("kek_id", models.CharField(db_index=True, max_length=16)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={"db_table": "vault_datakey"},
                ),
            ],
        ),
    ]
