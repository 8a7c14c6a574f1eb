from django.db import migrations

from journeys.search import schema


def forwards(apps, schema_editor):
    schema.create(schema_editor)


def backwards(apps, schema_editor):
    schema.drop(schema_editor)


class Migration(migrations.Migration):
    initial = True
    # A fixed migration, not "__latest__": an archive migrated before a later archive
    # migration was added would otherwise count as inconsistent and refuse to migrate.
    dependencies = [("archive", "0002_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
