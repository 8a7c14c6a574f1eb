from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.keys import keyring


class Command(BaseCommand):
    help = "Serve Journeys with waitress (a production WSGI server) at 127.0.0.1:8000."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args, host, port, threads, **options):
        import waitress

        from journeys.core import private

        try:
            changed = private.data_dir_make_private()
        except private.NotPrivate as e:
            raise CommandError(_("Journeys cannot start: %(why)s") % {"why": e}) from e
        for line in private.describe(changed):
            self.stderr.write(line)
        try:
            keyring.unlock_from_environment(interactive=True)
        except keyring.KeyringError as e:
            raise CommandError(_("Journeys cannot start: %(why)s") % {"why": e}) from e
        from journeys.wsgi import application

        self.stdout.write(
            _("Journeys is serving %(dir)s at http://%(host)s:%(port)s/ (Ctrl+C stops it).")
            % {"dir": settings.DATA_DIR, "host": host, "port": port}
        )
        waitress.serve(
            application,
            host=host,
            port=port,
            threads=threads,
            ident="journeys",
            **proxy_options(),
        )


def proxy_options() -> dict:
    """Behind a reverse proxy (JOURNEYS_BEHIND_PROXY), believe its X-Forwarded-For and
    X-Forwarded-Proto, and only from its address: REMOTE_ADDR becomes the client's (sign-in
    throttling and the audit trail need it) and the scheme https. Anyone else's X-Forwarded-*
    headers are dropped, as waitress always does."""
    if not settings.JOURNEYS_BEHIND_PROXY:
        return {}
    return {
        "trusted_proxy": settings.JOURNEYS_PROXY_ADDRESS,
        "trusted_proxy_count": 1,
        "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
    }
