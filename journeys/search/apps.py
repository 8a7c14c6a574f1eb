from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "journeys.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        post_migrate.connect(forget_index_of_empty_archive, sender=self)


def forget_index_of_empty_archive(using="default", **kwargs) -> None:
    """The index is not a model, so `flush` (and the tests that empty the database between
    them) leaves it behind; an archive without interviews has nothing to index, so an index
    found beside one is emptied (flush and migrate both end with post_migrate)."""
    from django.db import connections

    from journeys.archive.models import Interview
    from journeys.search.backends import backend_for

    connection = connections[using]
    if "search_doc" not in connection.introspection.table_names():
        return
    if not Interview.objects.using(using).exists():
        backend_for(connection).clear()
