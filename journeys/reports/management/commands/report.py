"""`journeys report --user NAME [--lang ko,en] --out report.pdf [--format pdf|html] [--date D]`.

Builds the bilingual report from the published (suppressed) tables of the user's team. Every
table in it is checked against the register (differencing), registered and audited; when
disclosure control refuses, nothing is written.
"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from journeys.accounts.models import User
from journeys.reports.access import BUILD_REPORT
from journeys.reports.disclosure import DisclosureRefused
from journeys.reports.report import build, parse_languages


class Command(BaseCommand):
    help = "Build the bilingual report (PDF or HTML) from the published statistics."

    def add_arguments(self, parser):
        parser.add_argument(
            "--user", required=True, help="The member of staff publishing it (her team is counted)."
        )
        parser.add_argument("--lang", default="ko,en", help="ko, en or both, in order (ko,en).")
        parser.add_argument("--out", required=True, help="The file to write.")
        parser.add_argument("--format", choices=["pdf", "html"], default=None)
        parser.add_argument(
            "--date", help="The date printed on the report (YYYY-MM-DD; default today)."
        )
        parser.add_argument(
            "--min-cell", type=int, default=None, help="Default: JOURNEYS_MIN_CELL."
        )

    def handle(self, *args, user, lang, out, format, date, min_cell, **options):
        try:
            acting = User.objects.get(username=user, is_active=True)
        except User.DoesNotExist:
            raise CommandError(_("No active user called %(name)s.") % {"name": user}) from None
        if acting.role not in BUILD_REPORT:
            raise CommandError(_("This role may not publish the report."))
        path = Path(out)
        output_format = format or ("html" if path.suffix.lower() in (".html", ".htm") else "pdf")
        try:
            day = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(_("The date must be given as YYYY-MM-DD.")) from None
        if not path.parent.is_dir():
            raise CommandError(_("There is no directory %(dir)s.") % {"dir": path.parent})
        try:
            built = build(
                acting_user=acting,
                out=path,
                langs=parse_languages(lang),
                date=day,
                output_format=output_format,
                min_cell=min_cell,
            )
        except DisclosureRefused as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"{built.path} sha256:{built.digest}")
