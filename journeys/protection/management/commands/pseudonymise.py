"""`journeys pseudonymise --lang ko|en`: lines of text with their identifying details
generalised, as JSON lines."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.protection.lines import read_lines, refusal
from journeys.protection.pseudonymise import Policy, PolicyError, apply, propose


class Command(BaseCommand):
    help = _(
        'Reads lines of text (or JSON lines with a "text" field) on standard input and writes '
        'one JSON line per input line: {"text": the pseudonymised text, "spans": [{start, end, '
        "label, text, replacement, entity}]}."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", choices=["ko", "en"], required=True)
        parser.add_argument(
            "--policy",
            default="",
            help=_(
                'The policy as JSON ({"date": "season"}) or the path of a JSON file; '
                "options left out take their default."
            ),
        )
        parser.add_argument(
            "--independent",
            action="store_true",
            help=_("Treat each line on its own (by default the lines are one testimony)."),
        )

    def handle(self, *args, lang: str, policy: str, independent: bool, **options):
        chosen = read_policy(policy)
        lines = read_lines(sys.stdin, max_chars=settings.JOURNEYS_MAX_LINE_CHARS)
        segments = [(line.text, "") if lang == "ko" else ("", line.text) for line in lines]
        proposed = propose(segments, chosen, consistent=not independent)
        side = 0 if lang == "ko" else 1
        for line, pair in zip(lines, proposed, strict=True):
            replacements = pair[side]
            record = (
                line.error_record()
                if line.error
                else {
                    "text": apply(line.text, replacements),
                    "spans": [r.as_dict() for r in replacements],
                }
            )
            self.stdout.write(json.dumps(record, ensure_ascii=False))
        if refused := refusal(lines):
            raise refused


def read_policy(value: str) -> Policy:
    """A policy from JSON text or a JSON file; a clear error for anything else."""
    if not value.strip():
        return Policy()
    text = value
    if not value.lstrip().startswith("{"):
        path = Path(value)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise CommandError(
                _("The policy file %(path)s cannot be read.") % {"path": value}
            ) from e
    try:
        values = json.loads(text)
    except ValueError as e:
        raise CommandError(_("The policy is not valid JSON: %(error)s") % {"error": e}) from e
    try:
        return Policy.from_dict(values)
    except PolicyError as e:
        raise CommandError(str(e)) from e
