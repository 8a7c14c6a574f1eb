"""`journeys detect --lang ko|en`: identifying details in lines of text, as JSON lines."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.protection.detect import detect_texts


class Command(BaseCommand):
    help = _(
        'Reads lines of text (or JSON lines with a "text" field) on standard input and writes '
        'one JSON line per input line: {"spans": [{start, end, label, text}]}.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", choices=["ko", "en"], required=True)
        parser.add_argument(
            "--independent",
            action="store_true",
            help=_("Treat each line on its own (by default the lines are one testimony)."),
        )

    def handle(self, *args, lang: str, independent: bool, **options):
        texts = []
        for number, line in enumerate(sys.stdin, 1):
            line = line.rstrip("\n").rstrip("\r")
            if line.startswith("{"):
                try:
                    line = str(json.loads(line)["text"])
                except (ValueError, KeyError, TypeError) as e:
                    raise CommandError(
                        _("Line %(number)d is not a JSON object with a text field.")
                        % {"number": number}
                    ) from e
            texts.append(line)
        found = detect_texts(texts, lang, consistent=not independent)
        out = self.stdout
        for spans in found:
            out.write(json.dumps({"spans": [s.as_dict() for s in spans]}, ensure_ascii=False))
