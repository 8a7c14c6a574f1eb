import getpass

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.keys import keyring, rotation
from journeys.keys.models import DataKey


class Command(BaseCommand):
    help = (
        "The archive's keys. `status`: which key-encryption key is in use. `rotate`: replace "
        "it and re-wrap every data key (resumable: run it again after an interruption). "
        "`secret`: lock the archive with a new passphrase or key file (with --recovery-code "
        "when the old one is lost)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "rotate", "secret"])
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--max-batches", type=int, help="Stop after this many batches (run again to go on)."
        )
        parser.add_argument("--recovery-code", help="Open the archive with its recovery code.")
        parser.add_argument("--new-key-file", help="Lock with a new random key file at this path.")
        parser.add_argument("--new-passphrase-file", help="Lock with the passphrase in this file.")

    def handle(self, *args, action, **options):
        try:
            getattr(self, action)(**options)
        except keyring.KeyringError as e:
            raise CommandError(str(e)) from e

    def status(self, **options):
        meta = keyring.read_meta()
        self.stdout.write(_("Key-encryption key: %(id)s") % {"id": meta["kek_id"]})
        self.stdout.write(_("Unlocked with: %(kind)s") % {"kind": meta["unlock"]["kdf"]["type"]})
        for kek_id, count in _data_keys_by_kek():
            self.stdout.write(
                _("  %(count)s data keys under %(id)s") % {"count": count, "id": kek_id}
            )
        if "rotation" in meta:
            self.stdout.write(
                _("A rotation is under way: run `journeys keys rotate` to finish it.")
            )

    def rotate(self, *, batch_size, max_batches, **options):
        secret = self.current_secret()
        result = rotation.rotate(secret, batch_size=batch_size, max_batches=max_batches)
        if not result.finished:
            self.stdout.write(
                _("Re-wrapped %(done)s data keys; %(left)s remain. Run it again to go on.")
                % {"done": result.rewrapped, "left": result.remaining}
            )
            return
        self.stdout.write(
            _("Every data key is under the new key. New recovery code, shown this once: %(code)s")
            % {"code": result.recovery_code}
        )

    def secret(self, *, recovery_code, new_key_file, new_passphrase_file, **options):
        if new_key_file:
            new = {"new_key": keyring.write_key_file(new_key_file)}
        elif new_passphrase_file:
            new = {"new_passphrase": keyring.read_passphrase_file(new_passphrase_file)}
        else:
            raise CommandError(_("Give --new-key-file or --new-passphrase-file."))
        if not recovery_code:
            keyring.unlock(**self.current_secret())
        code = keyring.change_secret(code=recovery_code, **new)
        self.stdout.write(
            _("The archive is locked with its new secret. New recovery code: %(code)s")
            % {"code": code}
        )

    def current_secret(self) -> dict:
        secret = keyring.secret_from_environment()
        if not secret:
            secret = {"passphrase": getpass.getpass(_("Passphrase of the archive: "))}
        return secret


def _data_keys_by_kek():
    from django.db.models import Count

    rows = DataKey.objects.values("kek_id").annotate(n=Count("id")).order_by("kek_id")
    return [(row["kek_id"], row["n"]) for row in rows]
