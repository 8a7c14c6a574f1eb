"""`journeys stats --table NAME --user NAME [--min-cell 10] --format csv|json|datapackage`.

Every output is a release: it is suppressed, checked against the earlier releases of the
same table (differencing), entered in the register and audited before it is printed.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.reports import exports, statistics
from journeys.reports.disclosure import DisclosureRefused
from journeys.reports.services import table_release

# Who may release statistics: those who read coded journeys for reports.
RELEASERS = {Role.ADMINISTRATOR, Role.RESEARCHER, Role.PUBLISHER}


class Command(BaseCommand):
    help = (
        "Release one statistical table, suppressed for disclosure, as CSV, JSON or a data package."
    )

    def add_arguments(self, parser):
        parser.add_argument("--table", required=True, choices=sorted(statistics.TABLES))
        parser.add_argument(
            "--user", required=True, help="The member of staff releasing it (her team is counted)."
        )
        parser.add_argument(
            "--min-cell", type=int, default=None, help="Default: JOURNEYS_MIN_CELL."
        )
        parser.add_argument("--format", choices=["csv", "json", "datapackage"], default="csv")
        parser.add_argument("--out", metavar="DIR", help="For datapackage: a new directory.")

    def handle(self, *args, table, user, min_cell, format, out, **options):
        try:
            acting = User.objects.get(username=user, is_active=True)
        except User.DoesNotExist:
            raise CommandError(_("No active user called %(name)s.") % {"name": user}) from None
        if acting.role not in RELEASERS:
            raise CommandError(_("This role may not release statistics."))
        if format == "datapackage" and not out:
            raise CommandError(_("A data package needs --out DIR."))
        try:
            published = table_release(acting_user=acting, name=table, min_cell=min_cell)
        except DisclosureRefused as e:
            raise CommandError(str(e)) from None
        if format == "csv":
            self.stdout.write(exports.to_csv(published), ending="")
        elif format == "json":
            self.stdout.write(json.dumps(exports.to_json(published), ensure_ascii=False))
        else:
            try:
                path = exports.write_datapackage(Path(out), [published])
            except FileExistsError:
                raise CommandError(_("%(dir)s is not empty.") % {"dir": out}) from None
            self.stdout.write(str(path))
