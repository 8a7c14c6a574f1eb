"""`journeys detect --lang ko|en`: identifying details in lines of text, as JSON lines."""

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from journeys.protection.detect import detect_texts
from journeys.protection.lines import read_lines, refusal


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
        lines = read_lines(sys.stdin, max_chars=settings.JOURNEYS_MAX_LINE_CHARS)
        found = detect_texts([line.text for line in lines], lang, consistent=not independent)
        out = self.stdout
        for line, spans in zip(lines, found, strict=True):
            record = line.error_record() if line.error else {"spans": [s.as_dict() for s in spans]}
            out.write(json.dumps(record, ensure_ascii=False))
        if refused := refusal(lines):
            raise refused
