"""`journeys reindex [--batch-size 500] [--restart] [--max-batches N] [--from-stored]`.

Rebuilds the search index.

Batch by batch, each in its own transaction with its progress, so an interrupted run (Ctrl-C,
a crash, --max-batches) resumes where it stopped; the archive stays searchable meanwhile
(what is not re-indexed yet is simply not found until it is).
"""

import sys
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from journeys.archive.models import Interview
from journeys.audit.services import audit_record
from journeys.search.backends import backend
from journeys.search.services import reindex_batch, reindex_begin


class Command(BaseCommand):
    help = _("Rebuild the search index from the archive, batch by batch; interrupted, it resumes.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--restart", action="store_true", help=_("Start again from an empty index.")
        )
        parser.add_argument(
            "--max-batches", type=int, default=None, help=_("Stop after this many batches.")
        )
        parser.add_argument(
            "--from-stored",
            action="store_true",
            help=_(
                "Make only the full-text table again, from the hashes and facets the index "
                "keeps, without analysing any text (after an upgrade that changes its layout)."
            ),
        )

    def handle(self, *args, batch_size, restart, max_batches, from_stored, **options) -> None:
        if from_stored:
            with transaction.atomic():
                count = backend().rebuild_text()
                audit_record(actor="journeys reindex", action="search.rebuilt", detail={"n": count})
            self.stdout.write(
                _("Rebuilt the full text of %(count)s interviews.") % {"count": count}
            )
            return
        state = reindex_begin(restart=restart)
        total = Interview.objects.count()
        done = Interview.objects.filter(pk__lte=state["last_id"]).count()
        bar = ProgressBar(total, done, self.stderr)
        if done:
            self.stderr.write(_("Resuming after %(done)s interviews.") % {"done": done})
        batches = chars = 0
        started = time.perf_counter()
        while max_batches is None or batches < max_batches:
            count, batch_chars = reindex_batch(state, batch_size)
            if not count:
                break
            batches, chars, done = batches + 1, chars + batch_chars, done + count
            bar.show(done, chars / (time.perf_counter() - started))
        bar.end()
        if state.get("done"):
            audit_record(actor="journeys reindex", action="search.reindexed", detail={"n": total})
            self.stdout.write(_("The index holds all %(total)s interviews.") % {"total": total})
        else:
            self.stdout.write(
                _("Stopped after %(done)s of %(total)s interviews: run it again to go on.")
                % {"done": done, "total": total}
            )


class ProgressBar:
    """One line on standard error, redrawn in place: bar, count, characters per second."""

    WIDTH = 30

    def __init__(self, total: int, done: int = 0, stream=None):
        self.total, self.stream = max(total, 1), stream or sys.stderr
        self.show(done, 0)

    def show(self, done: int, rate: float) -> None:
        filled = int(self.WIDTH * done / self.total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"\r[{bar}] {done}/{self.total} {100 * done / self.total:5.1f}%"
        if rate:
            line += f"  {rate:,.0f} chars/s"
        self.stream.write(line)
        self.stream.flush()

    def end(self) -> None:
        self.stream.write("\n")
        self.stream.flush()
