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
        parser.add_argument(
            "--out",
            metavar="PATH",
            help="csv or json: a new file, or a directory to write TABLE.csv or TABLE.json in; "
            "datapackage: a new or empty directory. Its parent must exist.",
        )

    def handle(self, *args, table, user, min_cell, format, out, **options):
        try:
            acting = User.objects.get(username=user, is_active=True)
        except User.DoesNotExist:
            raise CommandError(_("No active user called %(name)s.") % {"name": user}) from None
        if acting.role not in RELEASERS:
            raise CommandError(_("This role may not release statistics."))
        if format == "datapackage" and not out:
            raise CommandError(_("A data package needs --out DIR."))
        # Checked before the release: a release is registered and audited, and must not be
        # for a file that then cannot be written.
        path = output_path(out, format=format, table=table) if out else None
        try:
            published = table_release(acting_user=acting, name=table, min_cell=min_cell)
        except DisclosureRefused as e:
            raise CommandError(str(e)) from None
        if format == "datapackage":
            self.stdout.write(str(exports.write_datapackage(path, [published])))
            return
        if format == "csv":
            text = exports.to_csv(published)
        else:
            text = json.dumps(exports.to_json(published), ensure_ascii=False) + "\n"
        if path is None:
            self.stdout.write(text, ending="")
            return
        with open(path, "x", encoding="utf-8", newline="") as f:
            f.write(text)
        self.stdout.write(str(path))


def output_path(out: str, *, format: str, table: str) -> Path:
    """Where --out asks to write: never over a file, never into a folder that does not exist
    (a mistyped path must not silently create folders), never into a non-empty directory."""
    path = Path(out)
    if format != "datapackage" and path.is_dir():
        path = path / f"{table}.{format}"
    if not path.parent.is_dir():
        raise CommandError(
            _("The folder %(dir)s does not exist: create it first, or choose another --out.")
            % {"dir": path.parent}
        )
    if format == "datapackage":
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise CommandError(_("%(dir)s is not empty.") % {"dir": path})
    elif path.exists():
        raise CommandError(_("%(path)s exists already: it is never overwritten.") % {"path": path})
    return path
