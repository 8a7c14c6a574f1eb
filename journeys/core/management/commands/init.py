import getpass
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.codebook.services import codebook_load
from journeys.core import private
from journeys.keys import keyring

MIN_PASSPHRASE = 15


class Command(BaseCommand):
    help = (
        "Create the archive: the data directory, its keys, the database tables and the "
        "codebook. Safe to run again: it reuses what exists and reloads the codebook."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--new-key-file",
            action="store_true",
            help="Lock a new archive with a random key file written to JOURNEYS_KEY_FILE "
            "(instead of a passphrase).",
        )

    def handle(self, *args, new_key_file, **options):
        data_dir = settings.DATA_DIR
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Private before anything is written into it, and again once the database exists.
        self.make_private()
        try:
            self.keys(new_key_file=new_key_file)
        except keyring.KeyringError as e:
            raise CommandError(str(e)) from e
        call_command("migrate", interactive=False, verbosity=0)
        self.make_private()
        try:
            result = codebook_load()
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(
            _("Codebook %(version)s: %(created)s terms added, %(updated)s checked.")
            % {"version": result.version, "created": result.created, "updated": result.updated}
        )
        self.stdout.write(_("The archive is ready in %(path)s.") % {"path": data_dir})

    def make_private(self) -> None:
        try:
            changed = private.data_dir_make_private()
        except private.NotPrivate as e:
            raise CommandError(str(e)) from e
        for line in private.describe(changed):
            self.stdout.write(line)

    def keys(self, *, new_key_file: bool) -> None:
        """Unlock the archive's keys, or make them when the archive is new."""
        if keyring.meta_path().exists():
            keyring.unlock_from_environment(interactive=True)
            return
        code = keyring.create(**self.new_secret(new_key_file=new_key_file))
        self.stdout.write(
            _(
                "The archive's keys are made. Its recovery code, shown this once: %(code)s\n"
                "Write it on paper and keep it apart from this machine: with it a lost "
                "passphrase or key file can be replaced (journeys keys secret --recovery-code)."
            )
            % {"code": code}
        )

    def new_secret(self, *, new_key_file: bool) -> dict:
        key_path = os.environ.get("JOURNEYS_KEY_FILE")
        if key_path and (new_key_file or not Path(key_path).exists()):
            if Path(key_path).exists():
                raise CommandError(_("%(path)s exists already.") % {"path": key_path})
            self.stdout.write(
                _("Created the key file %(path)s: whoever holds it can open the archive.")
                % {"path": key_path}
            )
            return {"key": keyring.write_key_file(key_path)}
        secret = keyring.secret_from_environment()
        if secret:
            return secret
        return {"passphrase": self.ask_passphrase()}

    def ask_passphrase(self) -> str:
        first = getpass.getpass(_("New passphrase for the archive (15 characters or more): "))
        if len(first) < MIN_PASSPHRASE:
            raise CommandError(_("The passphrase is shorter than 15 characters."))
        if getpass.getpass(_("The same passphrase again: ")) != first:
            raise CommandError(_("The two passphrases differ."))
        return first
