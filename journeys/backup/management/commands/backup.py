"""`journeys backup --out FILE`: the whole archive in one encrypted, checked file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from journeys.backup.backup import BackupError, backup_create
from journeys.keys import keyring


class Command(BaseCommand):
    help = _(
        "Write the whole archive (database, media, sealed key metadata) to one encrypted, "
        "integrity-checked file, then read it back and check it. Never the key file, the "
        "passphrase or a key in the clear; never over an existing file."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", required=True, help=_("The file to write."))

    def handle(self, *args, out: str, **options) -> None:
        try:
            keyring.unlock_from_environment(interactive=True)
            info = backup_create(Path(out))
        except (BackupError, keyring.KeyringError, DatabaseError, OSError) as e:
            raise CommandError(_("No backup was written: %(why)s") % {"why": e}) from e
        self.stdout.write(
            _(
                "Backed up %(records)s rows and %(files)s media files to %(path)s "
                "(%(megabytes).1f MB) in %(seconds).1f s; read back and checked."
            )
            % {
                "records": info.records,
                "files": info.media_files,
                "path": info.path,
                "megabytes": info.size / 1e6,
                "seconds": info.seconds,
            }
        )
        self.stdout.write(
            _(
                "It opens with the passphrase or key file the archive has today (a later "
                "change does not reach it): keep that one, apart from the backup."
            )
        )
