"""An index on the analysis version of each document, so that the search page can tell in
one look-up whether some interview was indexed by an earlier analysis (services.index_outdated)
rather than by reading the whole table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0002_filters_in_full_text")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX search_doc_version ON search_doc (version)",
            "DROP INDEX search_doc_version",
        )
    ]
