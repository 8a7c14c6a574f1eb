from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.accounts.services import user_create

# Demo accounts only: `journeys demo-users` refuses to run where real users exist.
DEMO_PASSWORD = "demo-password-not-for-real-use"


class Command(BaseCommand):
    help = "Create one demo account per role and print the credentials (demo archives only)."

    def handle(self, *args, **options):
        real = User.objects.exclude(username__startswith="demo-").exists()
        if real:
            self.stderr.write(_("This archive has real accounts: no demo accounts were made."))
            return
        self.stdout.write(_("Demo accounts (password for all: %(pw)s):") % {"pw": DEMO_PASSWORD})
        for role in Role:
            username = f"demo-{role.value}"
            if not User.objects.filter(username=username).exists():
                user_create(acting_user=None, username=username, password=DEMO_PASSWORD, role=role)
            self.stdout.write(f"  {username:<20} {role.label}")
