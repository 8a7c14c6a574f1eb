from django.db import migrations

from journeys.search import schema


def forwards(apps, schema_editor):
    schema.create(schema_editor)


def backwards(apps, schema_editor):
    schema.drop(schema_editor)


class Migration(migrations.Migration):
    initial = True
    dependencies = [("archive", "__latest__")]
    operations = [migrations.RunPython(forwards, backwards)]
