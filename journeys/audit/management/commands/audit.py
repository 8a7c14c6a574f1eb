"""`journeys audit verify` and `journeys audit checkpoint`.

Exit status: 0 when the trail is intact, 2 when it was tampered with, 1 when it could not be
checked (locked keys, unreadable checkpoint file), so scripts can tell the three apart.
"""

import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.audit import chain
from journeys.audit.models import AuditEntry
from journeys.audit.verify import CHUNK_SIZE, Checkpoint, Result, verify_chain
from journeys.keys import keyring

TAMPERED = 2


class Command(BaseCommand):
    help = (
        "Check the audit trail's chain of seals (verify), or write the current end of the "
        "verified trail to a file to keep elsewhere (checkpoint)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        verify = actions.add_parser("verify", help="Check every entry; exit 2 if tampered.")
        verify.add_argument(
            "--checkpoint", metavar="FILE", help="Also fail if this kept checkpoint is gone."
        )
        verify.add_argument("--chunk-size", type=int, default=CHUNK_SIZE, help="Rows per read.")
        checkpoint = actions.add_parser(
            "checkpoint", help="Verify, then write {seq, hmac, at} of the last entry."
        )
        checkpoint.add_argument(
            "--out", metavar="FILE", help="Write here (never overwritten); default: print it."
        )

    def handle(self, *args, action, **options):
        if action == "verify":
            self.verify(options["checkpoint"], options["chunk_size"])
        else:
            self.checkpoint(options["out"])

    def verify(self, checkpoint_path: str | None, chunk_size: int) -> None:
        checkpoint = None
        if checkpoint_path:
            try:
                checkpoint = Checkpoint.read(checkpoint_path)
            except ValueError as e:
                raise CommandError(str(e)) from e
        started = time.perf_counter()
        result = self.checked(checkpoint=checkpoint, chunk_size=max(chunk_size, 1))
        self.stdout.write(
            result.summary()
            + " "
            + _("Checked in %(seconds).1f s.") % {"seconds": time.perf_counter() - started}
        )

    def checkpoint(self, out: str | None) -> None:
        result = self.checked()
        if result.last_seq == 0:
            raise CommandError(_("The audit trail is empty: there is nothing to checkpoint."))
        at = AuditEntry.objects.values_list("at", flat=True).get(seq=result.last_seq)
        text = Checkpoint(seq=result.last_seq, hmac=result.last_hmac, at=chain.utc_iso(at))
        if not out:
            self.stdout.write(text.to_json(), ending="")
            return
        try:
            # Never overwrite: an older checkpoint is evidence too.
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as e:
            raise CommandError(
                _("Cannot write the checkpoint to %(path)s: %(error)s") % {"path": out, "error": e}
            ) from e
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text.to_json())
        self.stdout.write(
            _(
                "Checkpoint at entry %(seq)s written to %(path)s. Keep a copy away from this machine."
            )
            % {"seq": result.last_seq, "path": out}
        )

    def checked(self, **options) -> Result:
        """The verification result; a tampered trail ends the command with status 2."""
        result = verify_chain(key=audit_key(), **options)
        if not result.intact:
            raise CommandError(result.summary(), returncode=TAMPERED)
        return result


def audit_key() -> bytes:
    """The audit key, asking for the passphrase at a terminal when the environment has none."""
    try:
        return chain.audit_key()
    except keyring.KeyringError as e:
        if not sys.stdin.isatty():
            raise CommandError(str(e)) from e
    try:
        keyring.unlock_from_environment(interactive=True)
        return chain.audit_key()
    except keyring.KeyringError as e:
        raise CommandError(str(e)) from e
