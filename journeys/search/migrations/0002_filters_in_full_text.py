"""The full-text index holds the filters differently: on SQLite the main team's documents no
longer carry a team word (backends.OTHER_TEAMS); on PostgreSQL each tsvector now holds the
interview's facet values as words, as the FTS5 row does. Both are made again from what
search_doc and search_facet keep (no text is opened or analysed; about half a minute for
100,000 interviews on SQLite): a contentless FTS5 table forgets a row only when told exactly
what it held, and a tsvector without the facets would never match a filter."""

from django.db import migrations


def forwards(apps, schema_editor):
    from journeys.search.backends import backend_for

    backend_for(schema_editor.connection).rebuild_text()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
