"""Consent given later (a use first refused), and withdrawal with a reason sealed under her
data key: the sealed reason needs a random `rid` per consent row, like every sealed row. Rows
made before get one each (a single default would break uniqueness)."""

import uuid

from django.db import migrations, models


def give_each_consent_a_rid(apps, schema_editor):
    Consent = apps.get_model("archive", "Consent")
    for consent in Consent.objects.filter(rid__isnull=True).only("pk").iterator():
        Consent.objects.filter(pk=consent.pk).update(rid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0003_datakey_in_keys_app"),
    ]

    operations = [
        migrations.AddField(
            model_name="consent",
            name="rid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_consent_a_rid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="consent",
            name="rid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="consent",
            name="granted_on",
            field=models.DateField(blank=True, null=True, verbose_name="given on"),
        ),
        migrations.AddField(
            model_name="consent",
            name="withdrawal_reason_sealed",
            field=models.BinaryField(null=True),
        ),
    ]
