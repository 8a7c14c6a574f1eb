"""The SQLite full-text table marks teams differently (backends.OTHER_TEAMS): the main team's
documents no longer carry a team word. A contentless FTS5 table forgets a row only when told
exactly what it held, so the table is made again from what search_doc and search_facet keep
(no text is opened or analysed; about half a minute for 100,000 interviews)."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from journeys.search.backends import SQLiteBackend

        SQLiteBackend(schema_editor.connection).rebuild_text()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
