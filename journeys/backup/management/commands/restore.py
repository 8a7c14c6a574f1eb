"""`journeys restore FILE`: a backup into an empty data directory and database."""

import getpass
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from journeys.backup.backup import (
    BackupDamaged,
    BackupError,
    backup_restore,
    backup_verify,
    erasures_of,
    read_header,
)
from journeys.keys import keyring


class Command(BaseCommand):
    help = _(
        "Restore a backup into the data directory JOURNEYS_DATA_DIR names, which must hold no "
        "archive yet (and the database no data). Everything is checked before anything is "
        "written. With --verify-only, only check the backup."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help=_("The backup file."))
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help=_("Check every part of the backup; restore nothing."),
        )
        parser.add_argument(
            "--erased-from",
            metavar="KEYS_OR_BACKUP",
            help=_(
                "The keys.json of the archive as it is now, or a later backup: records erased "
                "since this backup was made are erased again before the restore ends."
            ),
        )

    def handle(self, *args, file: str, verify_only: bool, erased_from=None, **options) -> None:
        path = Path(file)
        try:
            erased = erasures_of(Path(erased_from)) if erased_from else []
            secret = keyring.secret_from_environment() or self.ask_passphrase(path)
            if verify_only:
                info = backup_verify(path, secret=secret)
            else:
                info = backup_restore(path, secret=secret, erased=erased)
        except BackupDamaged as e:
            raise CommandError(
                _("The backup is damaged or was altered (%(why)s). Nothing was restored.")
                % {"why": e}
            ) from e
        except (BackupError, keyring.KeyringError, DatabaseError, OSError) as e:
            raise CommandError(_("Nothing was restored: %(why)s") % {"why": e}) from e
        values = {
            "path": path,
            "made": info.created_at,
            "version": info.journeys,
            "records": info.records,
            "files": info.media_files,
            "chunks": info.chunks,
            "dir": settings.DATA_DIR,
            "seconds": info.seconds,
        }
        if verify_only:
            message = _(
                "%(path)s is intact: made %(made)s by Journeys %(version)s, %(records)s rows "
                "and %(files)s media files in %(chunks)s sealed parts, every one checked."
            )
        else:
            message = _(
                "Restored %(records)s rows and %(files)s media files (backup made %(made)s) "
                "into %(dir)s in %(seconds).1f s. Sign-ins were not kept: everyone signs in "
                "again."
            )
        self.stdout.write(message % values)

    def ask_passphrase(self, path: Path) -> dict:
        """Ask at a terminal when the backup's archive is locked with a passphrase; otherwise
        opening it says which secret is missing."""
        if not sys.stdin.isatty():
            return {}
        with path.open("rb") as source:
            header, _digest = read_header(source)
        if header.get("keys", {}).get("unlock", {}).get("kdf", {}).get("type") != "argon2id":
            return {}
        return {"passphrase": getpass.getpass(_("Passphrase of the archive: "))}
