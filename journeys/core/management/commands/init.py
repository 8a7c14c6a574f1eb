from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.codebook.services import codebook_load


class Command(BaseCommand):
    help = (
        "Create the archive: the data directory, a secret key, the database tables and the "
        "codebook. Safe to run again: it reuses what exists and reloads the codebook."
    )

    def handle(self, *args, **options):
        data_dir = settings.DATA_DIR
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        call_command("migrate", interactive=False, verbosity=0)
        try:
            result = codebook_load()
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(
            _("Codebook %(version)s: %(created)s terms added, %(updated)s checked.")
            % {"version": result.version, "created": result.created, "updated": result.updated}
        )
        self.stdout.write(_("The archive is ready in %(path)s.") % {"path": data_dir})
