"""`journeys demo-data`: fictional interviewees for demonstrations and benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.archive.models import Interviewee
from journeys.demo.archive import DemoCodebookError, demo_archive_create


class Command(BaseCommand):
    # Not lazy: argparse cannot format a lazy string, and journeys/cli.py activates the
    # terminal's language before Django imports a command.
    help = _(
        "Add fictional interviewees with bilingual testimonies and coded journeys. "
        "The same seed gives the same data."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--count", type=int, default=300, help=_("How many interviewees to add (300).")
        )
        parser.add_argument(
            "--seed", type=int, default=1, help=_("The random seed: one seed, one dataset (1).")
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=_("Do nothing if the archive already holds interviewees."),
        )

    def handle(self, *args, count: int, seed: int, if_empty: bool, **options) -> None:
        if count < 1:
            raise CommandError(_("--count must be at least 1."))
        if if_empty and Interviewee.objects.exists():
            self.stdout.write(_("The archive already holds interviewees: no demo data was added."))
            return
        interviewers = self._interviewers()
        started = time.perf_counter()
        try:
            created = demo_archive_create(
                count=count, seed=seed, interviewers=interviewers, progress=self._progress
            )
        except DemoCodebookError as e:
            raise CommandError(
                _("The codebook lacks %(term)s: load the codebook first (journeys init).")
                % {"term": e}
            ) from e
        seconds = time.perf_counter() - started
        message = ngettext(
            "Added %(count)d fictional interviewee in %(seconds).1f s.",
            "Added %(count)d fictional interviewees in %(seconds).1f s.",
            created,
        )
        self.stdout.write(self.style.SUCCESS(message % {"count": created, "seconds": seconds}))

    def _interviewers(self) -> list[User]:
        """Every active interviewer, in a fixed order so that a seed keeps its meaning."""
        interviewers = list(
            User.objects.filter(role=Role.INTERVIEWER, is_active=True).order_by("pk")
        )
        if not interviewers:
            raise CommandError(
                _(
                    "No active user has the role interviewer, and every demo interview needs "
                    "one. Create one first (journeys demo-users or journeys createuser)."
                )
            )
        return interviewers

    def _progress(self, done: int, total: int) -> None:
        self.stdout.write(_("%(done)d of %(total)d interviewees…") % {"done": done, "total": total})
