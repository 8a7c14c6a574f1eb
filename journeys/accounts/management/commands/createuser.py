import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.accounts.models import Team
from journeys.accounts.roles import Role
from journeys.accounts.services import user_create

MAIN_TEAM = "main"


class Command(BaseCommand):
    help = "Create a member of staff with a role. The password is asked for unless given."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--password-file", help="Read the password from this file.")
        parser.add_argument("--language", choices=["ko", "en"], default="")
        parser.add_argument(
            "--team", help="The team whose records the user works on (made if new); default: main."
        )

    def handle(self, *args, username, role, password_file, language, team, **options):
        if password_file:
            with open(password_file, encoding="utf-8") as f:
                password = f.read().strip()
        else:
            password = getpass.getpass(_("Password: "))
        try:
            user = user_create(
                acting_user=None,
                username=username,
                password=password,
                role=role,
                language=language,
                team=team_named(team),
            )
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from e
        self.stdout.write(_("Created %(user)s (%(role)s).") % {"user": user, "role": role})


def team_named(name: str | None) -> Team | None:
    """The team of that name, made if new. The main team is no row (its records have no
    team), so "main" is the main team, not a second team that happens to share its name."""
    name = (name or "").strip()
    if not name or name.casefold() == MAIN_TEAM:
        return None
    # One team per name whatever its case: "Seoul office" and "seoul office" are one office.
    return Team.objects.filter(name__iexact=name).first() or Team.objects.create(name=name)
