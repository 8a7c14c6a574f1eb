from django.core.management.base import BaseCommand

from journeys.accounts.matrix import matrix_markdown


class Command(BaseCommand):
    help = "Print the role x page matrix as a Markdown table (docs/roles.md embeds it)."

    def handle(self, *args, **options):
        self.stdout.write(matrix_markdown(), ending="")
